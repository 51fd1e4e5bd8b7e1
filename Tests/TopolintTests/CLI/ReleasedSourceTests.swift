import Foundation
import Testing
import TopolintCore
import TopolintYAML
@testable import TopolintModel
@testable import TopolintGenerate
@testable import TopolintReporters
@testable import TopolintCLI

/// A large file's clusters give back the file's bytes they were read from once loaded; the
/// lines a report shows under its entries are then read from the file again. What a user
/// sees must not change.
@Suite("CLI: lines shown after the file's bytes were given back")
struct ReleasedSourceTests {
    /// A generated design with findings on hosts, clusters and workloads, written to a file.
    static func designFile() throws -> URL {
        var text = ""
        TopologyGenerator.generate(GeneratorOptions(profile: .medium, seed: 11, expanded: true, findingsHeavy: true)) { text += $0 }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("released-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func text(_ run: LintRun) -> String {
        TextReporter.render(run.report, options: ReportOptions(color: false))
    }

    @Test("the text report is the same whether the bytes were kept or given back")
    func sameText() throws {
        let url = try Self.designFile()
        defer { try? FileManager.default.removeItem(at: url) }
        var released = PipelineSettings(configPath: nil, packOverride: nil)
        released.releasingSource = true
        released.releasingNodes = 0
        var pipeline = Pipeline(settings: released)
        let file = pipeline.load(url.path)
        #expect(file.releasedLineIndex != nil && file.topology != nil)
        let kept = LintRun.perform(files: [url.path], settings: PipelineSettings(configPath: nil, packOverride: nil))
        let given = LintRun.perform(files: [url.path], settings: released)
        #expect(kept.report.findings.count > 100)
        #expect(Self.text(given) == Self.text(kept))
        // Only the lines shown were read again, each at its own number.
        let report = given.report
        let shown = Set(report.findings.map(\.location.line) + report.suppressed.flatMap { [$0.finding.location.line, $0.ignoreLocation.line] })
        let lines = String(decoding: given.report.sources[url.path] ?? [], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let original = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= shown.max() ?? 0)
        for (i, line) in lines.enumerated() where !line.isEmpty {
            #expect(shown.contains(i + 1) && line == original[i])
        }
    }

    @Test("a problem met after the bytes were given back: the file is read again and reported as usual")
    func problemAfterRelease() throws {
        let url = try Self.designFile()
        defer { try? FileManager.default.removeItem(at: url) }
        var text = try String(contentsOf: url, encoding: .utf8)
        let lastHost = try #require(text.range(of: "{rack: ", options: .backwards))
        text.replaceSubrange(lastHost, with: "{rack: no-such-rack-")
        try text.write(to: url, atomically: true, encoding: .utf8)
        var released = PipelineSettings(configPath: nil, packOverride: nil)
        released.releasingSource = true
        released.releasingNodes = 0
        let kept = LintRun.perform(files: [url.path], settings: PipelineSettings(configPath: nil, packOverride: nil))
        let given = LintRun.perform(files: [url.path], settings: released)
        #expect(given.report.diagnostics.contains { $0.message.contains("no-such-rack-") })
        #expect(Self.text(given) == Self.text(kept))
    }

    @Test("lines read again keep their numbers and lose only their breaks, whatever the breaks")
    func linesReadAgain() throws {
        let text = "a: 1\nb: é\r\nc: 2\rd: 東京\u{85}e: 3\u{2028}f: 4\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let index = lineStarts(of: Array(text.utf8), length: text.utf8.count)
        let shown = SourceFile.lines([2, 4, 6, 99], path: url.path, lineIndex: index)
        #expect(String(decoding: shown, as: UTF8.self) == "\nb: é\n\nd: 東京\n\nf: 4\n")
        #expect(SourceFile.lines([], path: url.path, lineIndex: index).isEmpty)
        // A file gone since: the lines are empty, never a crash.
        #expect(String(decoding: SourceFile.lines([1, 3], path: url.path + ".gone", lineIndex: index), as: UTF8.self) == "\n\n\n")
    }
}
