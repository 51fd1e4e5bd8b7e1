import Foundation
import Testing

/// The options hosts need, from the command line: GitHub paths from --repository-root,
/// --rule-docs-url, --sort, and schema --draft and --rules.
@Suite struct IntegrationOptionsTests {
    @Test func githubPathsAreRelativeToTheGivenRoot() throws {
        let dir = try ConfigAndBaselineTests.project(config: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lint", "dc/design.yaml", "--format", "github", "--repository-root", ".."], in: dir.appendingPathComponent("net"))
        #expect(r.status == 1)
        let files = Set(r.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "file=") else { return nil }
            return String(line[start.upperBound...].prefix { $0 != "," })
        })
        #expect(files == ["net/dc/design.yaml"])
        #expect(r.stdout.split(separator: "\n").count == 7)
    }

    @Test func ruleDocsURLMustBeAbsoluteAndIsUsed() throws {
        let bad = try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "--rule-docs-url", "rules/"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--rule-docs-url needs an absolute URL"))
        let r = try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "--format", "sarif", "--rule-docs-url", "https://docs.example/topolint/rules"])
        #expect(r.stdout.contains("\"helpUri\": \"https://docs.example/topolint/rules/TL200-stretched-vlan.md\""))
    }

    @Test func sortBySeverityPutsTheWorstFirst() throws {
        let r = try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "--sort", "severity", "--color", "never"])
        let scores = r.stdout.split(separator: "\n").compactMap { line -> Double? in
            guard line.hasPrefix("examples/"), let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]") else { return nil }
            return Double(line[line.index(after: open)..<close])
        }
        #expect(scores.count == 7)
        #expect(scores == scores.sorted(by: >))
        #expect(try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "--sort", "score"]).status == 2)
    }

    @Test func schemaDraftAndPackPlatforms() throws {
        let d2020 = try #require(try CLI.run(["schema", "--draft", "2020-12"]).json as? [String: Any])
        #expect(d2020["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        func platforms(_ pack: String) throws -> [String] {
            let schema = try #require(try CLI.run(["schema", "--rules", pack]).json as? [String: Any])
            let cluster = ((schema["definitions"] as? [String: Any])?["cluster"] as? [String: Any])?["properties"] as? [String: Any]
            return (cluster?["platform"] as? [String: Any])?["enum"] as? [String] ?? []
        }
        let standard = try platforms("default"), legacy = try platforms("legacy-vsphere")
        #expect(standard.contains("generic") && standard.contains("vsphere-6.7"))
        // legacy-vsphere extends the default pack with older releases.
        #expect(Set(legacy).isStrictSuperset(of: Set(standard)))
        #expect(legacy.contains("vsphere-5.0") && !standard.contains("vsphere-5.0"))
        #expect(try CLI.run(["schema", "--rules", "no-such-pack"]).status == 2)
    }
}
