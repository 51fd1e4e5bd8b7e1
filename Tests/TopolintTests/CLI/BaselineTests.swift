import Foundation
import Testing
import TopolintCore
@testable import TopolintCLI

/// Baselines: a moved or renamed file keeps its findings baselined, a finding whose severity
/// rose comes back as new, and baselines of the earlier format (path-based fingerprints, no
/// severity) still match.
@Suite struct BaselineTests {
    static func findings(_ json: Any?) -> [[String: Any]] {
        (json as? [String: Any])?["findings"] as? [[String: Any]] ?? []
    }

    @Test func movingOrRenamingTheFileKeepsTheBaseline() throws {
        let dir = try ConfigAndBaselineTests.project(config: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let recorded = try CLI.run(["baseline", "net/dc/design.yaml", "-o", ".topolint-baseline.json"], in: dir)
        #expect(recorded.status == 0)
        let total = Self.findings(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(".topolint-baseline.json")))).count
        #expect(total == 7)
        // Moved to another folder under another name, and linted from inside that folder.
        let moved = dir.appendingPathComponent("designs/prod")
        try FileManager.default.createDirectory(at: moved, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: dir.appendingPathComponent("net/dc/design.yaml"), to: moved.appendingPathComponent("two-sites.yaml"))
        let r = try CLI.run(["lint", "two-sites.yaml", "--baseline", "../../.topolint-baseline.json", "--format", "json"], in: moved)
        #expect(Self.findings(r.json).count == 0)
        #expect((r.json as? [String: Any])?["baselined"] as? Int == total)
        #expect(r.status == 0)
    }

    /// A switch joining a stretched domain, and sorting before every switch it had, keeps
    /// the domain's findings baselined: a VLAN with one domain is identified by itself.
    @Test func aSwitchJoiningABaselinedDomainKeepsItBaselined() throws {
        let dir = try ConfigAndBaselineTests.project(config: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["baseline", "net/dc/design.yaml", "-o", "b.json"], in: dir).status == 0)
        let design = dir.appendingPathComponent("net/dc/design.yaml")
        let text = try String(contentsOf: design, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "  fra1-dci: {pod: fra1-p1, role: dci, vlans: [vmotion, web]}",
                                               with: "  fra1-dci: {pod: fra1-p1, role: dci, vlans: [vmotion, web]}\n  aaa-border: {pod: fra1-p1, role: border, vlans: [vmotion, web]}")
            .replacingOccurrences(of: "\nlinks:\n", with: "\nlinks:\n  - {between: [aaa-border, fra1-core]}\n")
        #expect(edited != text && edited.contains("between: [aaa-border"))
        try edited.write(to: design, atomically: true, encoding: .utf8)
        let all = try CLI.run(["lint", "net/dc/design.yaml", "--format", "json"], in: dir)
        #expect(Self.findings(all.json).contains { ($0["context"] as? [String: Any])?["switch"] as? String == "aaa-border" })
        let r = try CLI.run(["lint", "net/dc/design.yaml", "--baseline", "b.json", "--format", "json"], in: dir)
        #expect(Self.findings(r.json).isEmpty, "\(Self.findings(r.json).map { $0["message"] ?? "" })")
        #expect(r.status == 0)
    }

    @Test func recordedPathsAreRelativeToTheRepositoryRoot() throws {
        let dir = try ConfigAndBaselineTests.project(config: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["baseline", "design.yaml", "--repository-root", "../.."], in: dir.appendingPathComponent("net/dc"))
        let entries = Self.findings(r.json)
        #expect(entries.count == 7)
        #expect(entries.allSatisfy { $0["file"] as? String == "net/dc/design.yaml" })
        #expect(entries.allSatisfy { $0["topology"] as? String == "shop-metro" })
        #expect(Set(entries.compactMap { $0["severity"] as? String }) == ["high", "medium"])
    }

    @Test func aFindingWhoseSeverityRoseIsNew() throws {
        let dir = try ConfigAndBaselineTests.project(config: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["baseline", "net/dc/design.yaml", "-o", "b.json"], in: dir).status == 0)
        let before = try CLI.run(["lint", "net/dc/design.yaml", "--format", "json"], in: dir)
        let rank = ["low": 0, "medium": 1, "high": 2, "critical": 3]
        var severityBefore: [String: Int] = [:]
        for f in Self.findings(before.json) { severityBefore[f["fingerprint"] as! String] = rank[f["severity"] as! String] }
        // The DCI's round trip goes from 8 to 30 ms: the stretched VLAN becomes critical.
        let design = dir.appendingPathComponent("net/dc/design.yaml")
        let text = try String(contentsOf: design, encoding: .utf8)
        try text.replacingOccurrences(of: "rtt_ms: 8,", with: "rtt_ms: 30,").write(to: design, atomically: true, encoding: .utf8)
        let all = try CLI.run(["lint", "net/dc/design.yaml", "--format", "json"], in: dir)
        let r = try CLI.run(["lint", "net/dc/design.yaml", "--baseline", "b.json", "--format", "json"], in: dir)
        let new = Self.findings(r.json)
        // Exactly the findings whose severity went up are reported (the same findings by
        // fingerprint: rule, subject and identity did not change).
        let after = Self.findings(all.json)
        #expect(after.count == severityBefore.count)
        let risen = after.filter { rank[$0["severity"] as! String]! > severityBefore[$0["fingerprint"] as! String]! }
        #expect(risen.count == 5)  // TL200 web and vmotion, TL302 and TL400 to critical, TL401 to high
        #expect(new.map { $0["fingerprint"] as? String } == risen.map { $0["fingerprint"] as? String })
        #expect(new.contains { $0["rule"] as? String == "TL200" })
        #expect((r.json as? [String: Any])?["baselined"] as? Int == Self.findings(all.json).count - new.count)
        #expect(r.status == 1)
    }

    @Test func baselinesOfTheEarlierFormatStillMatch() throws {
        let dir = try ConfigAndBaselineTests.project(config: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("net/dc/design.yaml").path
        let run = LintRun.perform(files: [path], settings: PipelineSettings(configPath: nil, packOverride: nil))
        #expect(run.report.findings.count == 7)
        // The earlier format: fingerprints on the path as given, no severity.
        let old = JSONValue.object([("tool", .string("topolint")), ("version", .int(1)), ("findings", .array(
            run.report.findings.map { .object([("fingerprint", .string($0.legacyFingerprint)), ("rule", .string($0.ruleID))]) }))])
        try old.serialized().write(to: dir.appendingPathComponent("old.json"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", path, "--baseline", "old.json", "--format", "json"], in: dir)
        #expect(Self.findings(r.json).count == 0)
        #expect((r.json as? [String: Any])?["baselined"] as? Int == 7)
        // New fingerprints differ from the old ones: the topology's name stands for the path.
        #expect(run.report.findings.allSatisfy { $0.fingerprint != $0.legacyFingerprint && $0.topology == "shop-metro" })
    }

    @Test func coversComparesSeverities() {
        var f = Finding(ruleID: "TL200", ruleName: "stretched-vlan", score: 8.5, message: "m", fix: "",
                        subject: Subject(kind: "vlan", name: "web"), location: SourceLocation(file: "a.yaml", line: 1, column: 1),
                        context: [], topology: "dc")
        #expect(Baseline.covers([f.fingerprint: .high], f))
        #expect(Baseline.covers([f.fingerprint: .critical], f))
        let unknown: Severity? = nil
        #expect(Baseline.covers([f.fingerprint: unknown], f))
        #expect(!Baseline.covers([f.fingerprint: .medium], f))
        #expect(Baseline.covers([f.legacyFingerprint: unknown], f))
        // A baseline recorded when the finding was identified by other facts still holds.
        var domain = Finding(ruleID: "TL200", ruleName: "stretched-vlan", score: 8.5, message: "m", fix: "",
                             subject: Subject(kind: "vlan", name: "web"), location: SourceLocation(file: "a.yaml", line: 1, column: 1),
                             context: [("switch", .string("core1"))], identity: ["switch"], topology: "dc")
        let recordedEarlier = domain.fingerprint
        domain.earlierIdentity = domain.identity
        domain.identity = []
        #expect(domain.fingerprint != recordedEarlier && domain.earlierFingerprint == recordedEarlier)
        #expect(Baseline.covers([recordedEarlier: .high], domain))
        #expect(!Baseline.covers([recordedEarlier: .medium], domain))
        f.score = 9.2
        #expect(!Baseline.covers([f.fingerprint: .high], f))
        #expect(Baseline.apply([f.fingerprint: .high], to: [f]).baselined == 0)
    }
}
