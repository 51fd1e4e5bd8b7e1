import Foundation
import Testing
import TopolintCore
import TopolintModel
import TopolintRules
import TopolintConfig

/// The binary loads files through the same entry point the tests use, so what the tests
/// check about loading is what users get.
@Suite struct LoadPathTests {
    static let options = LoadOptions(platforms: Array(PackLoader.defaultPack.platforms.keys),
                                     ruleNames: RuleRegistry.acceptedNames)

    @Test func theBinaryReportsExactlyTheLoadersDiagnostics() throws {
        let path = "examples/mistakes.yaml"
        let bytes = try [UInt8](Data(contentsOf: CLI.packageRoot.appendingPathComponent(path)))
        let expected = TopologyLoader.load(bytes: bytes, file: path, options: Self.options).diagnostics
        #expect(expected.count > 3)
        let r = try CLI.run(["lint", path, "--format", "json"])
        #expect(r.status == 2)
        let shown = ((r.json as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).map { d -> String in
            let at = d["location"] as? [String: Any] ?? [:]
            return "\(at["line"] as? Int ?? 0):\(at["column"] as? Int ?? 0) \(d["rule"] as? String ?? "") \(d["message"] as? String ?? "")"
        }
        #expect(shown == expected.map { "\($0.location.line):\($0.location.column) \($0.code.id) \($0.message)" })
    }

    @Test func readerAndLoaderMistakesAreTidiedTogether() {
        // A duplicate key (the reader's) and an unknown key in an entry repeated by its
        // pattern (the loader's, once per instance): one list, each mistake once, in order.
        let yaml = """
            topology: t
            version: 1
            sites: {a: {}}
            pods: {p: {site: a}}
            racks: {"r[1:5]": {pod: p, colour: red}}
            sites: {b: {}}
            """
        let result = TopologyLoader.load(bytes: Array(yaml.utf8), file: "t.yaml", options: Self.options)
        #expect(result.topology == nil)
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.id)" } == ["5:28 TL002", "6:1 TL004"],
                "\(result.diagnostics.map(\.oneLine))")
    }

    @Test func theStageHookSeesEachStageInOrder() {
        var stages: [String] = []
        let result = TopologyLoader.load(bytes: Array("topology: t\nversion: 1\nsites: {a: {}}\n".utf8), file: "t.yaml",
                                         options: Self.options) { stage, detail in
            stages.append(stage + (detail.map { " " + $0 } ?? ""))
        }
        #expect(result.topology?.sites.map(\.name) == ["a"])
        // The root mapping, three keys, three values, the site's key and its empty mapping.
        #expect(stages == ["yaml 9 nodes", "model"])
    }

    @Test func timingsGoToStandardErrorAndLeaveTheReportAlone() throws {
        let plain = try CLI.run(["domains", "examples/two-sites-vsphere.yaml", "--format", "json"])
        let timed = try CLI.run(["domains", "examples/two-sites-vsphere.yaml", "--format", "json"],
                                environment: ["TOPOLINT_TIMINGS": "1"])
        #expect(timed.stdout == plain.stdout)
        let stages = timed.stderr.split(separator: "\n").compactMap { line in
            line.hasPrefix("timing ") ? String(line.dropFirst(7).prefix { $0 != ":" }) : nil
        }
        #expect(stages == ["read", "yaml", "model", "analysis"])
    }
}
