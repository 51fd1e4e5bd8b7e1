import Foundation
import Testing
import TopolintCore
import TopolintRules
import TopolintReporters

/// One marked place in a failing example: `# ^ TL200` under the line, the caret in the
/// finding's column (the convention of `RuleDescriptor.failingExample`).
struct ExampleMarker: Hashable, Comparable, CustomStringConvertible {
    var rule: String
    var line: Int
    var column: Int

    var description: String { "\(rule) \(line):\(column)" }

    static func < (a: ExampleMarker, b: ExampleMarker) -> Bool {
        (a.line, a.column, a.rule) < (b.line, b.column, b.rule)
    }

    /// Every marker of `text`, once per rule id written (`^ TL301 TL301` is two findings).
    /// Lines are numbered as in the text itself, marker lines included, as the loader
    /// numbers them.
    static func all(in text: String) -> [ExampleMarker] {
        var result: [ExampleMarker] = []
        var target: Int?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(raw)
            guard let ids = markerIDs(line), let caret = line.firstIndex(of: "^") else {
                target = index + 1
                continue
            }
            guard let target else { continue }
            result += ids.map { ExampleMarker(rule: $0, line: target, column: caret + 1) }
        }
        return result
    }

    /// The rule ids of a marker line (`#`, spaces, `^`, then ids), or nil for any other line.
    static func markerIDs(_ line: [Character]) -> [String]? {
        var i = 0
        while i < line.count && line[i] == " " { i += 1 }
        guard i < line.count, line[i] == "#" else { return nil }
        i += 1
        while i < line.count && line[i] == " " { i += 1 }
        guard i < line.count, line[i] == "^" else { return nil }
        let ids = String(line[(i + 1)...]).split(separator: " ").map(String.init)
        guard !ids.isEmpty, ids.allSatisfy({ $0.count == 5 && $0.hasPrefix("TL") && Int($0.dropFirst(2)) != nil }) else { return nil }
        return ids
    }
}

/// Per-rule checks in the manner of ruff's and SwiftLint's rule tests: where each rule's
/// findings land in its failing example, and the full text a user reads for them, pinned
/// in Tests/Snapshots/<id>.txt.
@Suite struct RuleSnapshotTests {
    static let ids = RuleRegistry.descriptors.map(\.id)
    static let snapshots = SyncTests.root.appendingPathComponent("Tests/Snapshots")
    static let updating = ProcessInfo.processInfo.environment["TOPOLINT_UPDATE_SNAPSHOTS"] == "1"

    @Test func markersAreReadAsDocumented() {
        let text = """
            a: {b: 1}
            #   ^ TL200
            # a plain comment
            c: [d]
            #  ^ TL301 TL301
            #  ^ TL100
            """
        #expect(ExampleMarker.all(in: text) == [
            ExampleMarker(rule: "TL200", line: 1, column: 5),
            ExampleMarker(rule: "TL301", line: 4, column: 4), ExampleMarker(rule: "TL301", line: 4, column: 4),
            ExampleMarker(rule: "TL100", line: 4, column: 4),
        ])
        #expect(ExampleMarker.markerIDs(Array("# ^ see above")) == nil)
    }

    @Test(arguments: ids)
    func findingsLandWhereTheFailingExampleMarksThem(id: String) throws {
        let d = try #require(RuleRegistry.rule(named: id)).descriptor
        let markers = ExampleMarker.all(in: d.failingExample)
        #expect(markers.contains { $0.rule == id }, "\(id)'s failing example marks none of its findings")
        // Every rule a marker names is checked in full: its findings are exactly the marked ones.
        let checked = Set(markers.map(\.rule)).union([id])
        let linted = Linted(d.failingExample, file: "\(id).yaml")
        #expect(linted.diagnostics.isEmpty, "\(linted.diagnostics.map(\.oneLine))")
        let found = linted.findings.filter { checked.contains($0.ruleID) }
            .map { ExampleMarker(rule: $0.ruleID, line: $0.location.line, column: $0.location.column) }
        #expect(found.sorted() == markers.sorted(), "\(id): findings at \(found.sorted()), marked \(markers.sorted())")
    }

    /// What `topolint lint` prints for the rule's findings on its failing example: message,
    /// score, severity, the source line with its caret, and the fix.
    static func textOutput(_ d: RuleDescriptor) -> String {
        let file = "\(d.id).yaml"
        let linted = Linted(d.failingExample, file: file)
        let report = LintReport(files: [file], diagnostics: linted.diagnostics, findings: linted.of(d.id), suppressed: [],
                                rules: [d], sources: [file: Array(d.failingExample.utf8)])
        return TextReporter.render(report, options: ReportOptions(color: false))
    }

    @Test(arguments: ids)
    func textOutputMatchesItsSnapshot(id: String) throws {
        let d = try #require(RuleRegistry.rule(named: id)).descriptor
        let actual = Self.textOutput(d)
        let url = Self.snapshots.appendingPathComponent("\(id).txt")
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let pinned = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot \(url.path): run TOPOLINT_UPDATE_SNAPSHOTS=1 swift test --filter RuleSnapshotTests and review the new file")
            return
        }
        #expect(actual == pinned, """
            \(id)'s text output changed; if that is intended, run TOPOLINT_UPDATE_SNAPSHOTS=1 swift test \
            --filter RuleSnapshotTests and review the diff of Tests/Snapshots/\(id).txt
            --- pinned
            \(pinned)--- now
            \(actual)
            """)
    }

    @Test func everySnapshotBelongsToARule() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.snapshots.path).filter { $0.hasSuffix(".txt") }
        #expect(Set(files.map { String($0.dropLast(4)) }) == Set(Self.ids), "stale or missing snapshots in Tests/Snapshots")
    }
}
