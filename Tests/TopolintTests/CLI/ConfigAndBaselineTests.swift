import Foundation
import Testing

/// .topolint.yaml discovery and errors, rule packs by name, and the baseline workflow.
@Suite struct ConfigAndBaselineTests {
    static func project(config: String?, topology: String = "examples/two-sites-vsphere.yaml") throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let nested = dir.appendingPathComponent("net/dc")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent(topology), to: nested.appendingPathComponent("design.yaml"))
        if let config { try config.write(to: dir.appendingPathComponent(".topolint.yaml"), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func configIsFoundAboveTheFileAndApplied() throws {
        let dir = try Self.project(config: "fail_on: critical\ndisable: [stretched-vlan]\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lint", "net/dc/design.yaml", "--format", "json"], in: dir)
        #expect(r.status == 0)   // nothing critical
        let rules = ((r.json as? [String: Any])?["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(!rules.contains("TL200"))
        #expect(rules.contains("TL302"))
    }

    /// A configuration that cannot be read is reported, never passed over for the defaults.
    @Test func aConfigThatCannotBeReadIsAnError() throws {
        let dir = try Self.project(config: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(".topolint.yaml").path, withDestinationPath: "loop")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("loop").path, withDestinationPath: ".topolint.yaml")
        let r = try CLI.run(["lint", "net/dc/design.yaml", "--color", "never"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.contains(".topolint.yaml:1:1: error[TL001] cannot read the file: Too many levels of symbolic links"), "\(r.stdout)")
    }

    @Test func configErrorsPointAtTheirLine() throws {
        let dir = try Self.project(config: "fail_on: high\ndisable: [strecthed-vlan]\nthreshold: {}\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lint", "net/dc/design.yaml", "--color", "never"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.contains(".topolint.yaml:2:11: error[TL002] unknown rule 'strecthed-vlan' in disable"))
        #expect(r.stdout.contains("did you mean 'stretched-vlan'?"))
        #expect(r.stdout.contains(".topolint.yaml:3:1: error[TL002] unknown key 'threshold'"))
    }

    @Test func shippedPacksChangeThresholds() throws {
        let strict = try CLI.run(["lint", "examples/evpn-leaf-spine.yaml", "--rules", "strict", "--format", "json"])
        let loose = try CLI.run(["lint", "examples/evpn-leaf-spine.yaml", "--format", "json"])
        let count = { (r: CLI.Result) in ((r.json as? [String: Any])?["findings"] as? [Any])?.count ?? -1 }
        #expect(count(loose) == 0)
        #expect(count(strict) > 0)
        #expect(try CLI.run(["lint", "examples/evpn-leaf-spine.yaml", "--rules", "strickt"]).status == 2)
    }

    @Test func baselineHidesKnownFindingsAcrossEditsElsewhere() throws {
        let dir = try Self.project(config: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = dir.appendingPathComponent("net/dc/design.yaml")
        let baseline = try CLI.run(["baseline", "net/dc/design.yaml", "-o", ".topolint-baseline.json"], in: dir)
        #expect(baseline.status == 0)
        // Edit elsewhere: lines move and comments appear; no finding changes.
        var text = try String(contentsOf: design, encoding: .utf8)
        text = "# reviewed 2026-11\n\n" + text.replacingOccurrences(of: "\nclusters:", with: "\n# cluster section\nclusters:")
        try text.write(to: design, atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", "net/dc/design.yaml", "--baseline", ".topolint-baseline.json", "--format", "json"], in: dir)
        let json = try #require(r.json as? [String: Any])
        #expect((json["findings"] as? [Any])?.count == 0)
        #expect((json["baselined"] as? Int ?? 0) > 0)
        #expect(r.status == 0)
    }
}
