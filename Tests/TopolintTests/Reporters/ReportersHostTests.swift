import Foundation
import Testing
import TopolintCore
@testable import TopolintReporters
import TopolintRules

/// What the hosts of the reports expect: GitHub (code scanning and annotations) and text
/// readers in editors and terminals.
@Suite("Reports as their hosts read them")
struct ReportersHostTests {
    func sarifRules(_ options: ReportOptions) throws -> [String: [String: Any]] {
        let doc = try jsonObject(try parseReportJSON(SARIFReporter.render(ReportFixture.report(), options: options)))
        let run = try jsonObject(try jsonArray(doc["runs"]).first)
        let rules = try jsonArray(try jsonObject(try jsonObject(run["tool"])["driver"])["rules"]).map { try jsonObject($0) }
        return Dictionary(uniqueKeysWithValues: rules.map { ($0["id"] as! String, $0) })
    }

    @Test func sarifTagsFailureDomainAndIsolationRulesAsSecurity() throws {
        let rules = try sarifRules(ReportOptions())
        for (id, rule) in rules where id.hasPrefix("TL") && !["TL001", "TL002", "TL003", "TL004"].contains(id) {
            let properties = try jsonObject(rule["properties"])
            let tags = properties["tags"] as? [String] ?? []
            #expect(tags.contains("security") == RuleDocs.securityRuleIDs.contains(id), "\(id): \(tags)")
            #expect(properties["precision"] as? String == "high")
            #expect(properties["security-severity"] is String)
        }
        // In the fixture: TL100, TL200 and TL300 are failure-domain risks; TL400 and TL601 are not.
        let tagged = rules.filter { (($0.value["properties"] as? [String: Any])?["tags"] as? [String])?.contains("security") == true }
        #expect(Set(tagged.keys) == ["TL100", "TL200", "TL300"])
    }

    @Test func sarifHelpUriFollowsTheRuleDocsURL() throws {
        let defaults = try sarifRules(ReportOptions())
        #expect(defaults["TL200"]?["helpUri"] as? String
                == "https://github.com/topolint/topolint/blob/main/rules/TL200-stretched-vlan.md")
        let custom = try sarifRules(ReportOptions(ruleDocsURL: "https://intranet.example/topolint/rules///"))
        #expect(custom["TL601"]?["helpUri"] as? String == "https://intranet.example/topolint/rules/TL601-host-vlan-unreachable.md")
        #expect(RuleDocs.isAbsoluteURL("file:///srv/rules"))
        #expect(!RuleDocs.isAbsoluteURL("rules/"))
        #expect(!RuleDocs.isAbsoluteURL("/srv/rules"))
        #expect(!RuleDocs.isAbsoluteURL("https://a b"))
    }

    @Test func githubAnnotationPathsAreRelativeToTheRepositoryRoot() throws {
        var inside = ReportFixture.stretched
        inside.location.file = "/work/repo/net/dc1.yaml"
        var relative = ReportFixture.oversized
        relative.location.file = "dc2.yaml"  // given in /work/repo/net
        var outside = ReportFixture.unreachable
        outside.location.file = "/elsewhere/dc3.yaml"
        let report = LintReport(files: [], diagnostics: [], findings: [inside, relative, outside], suppressed: [], rules: [])
        let out = GitHubReporter.render(report, options: ReportOptions(repositoryRoot: "/work/repo", currentDirectory: "/work/repo/net"))
        let files = out.split(separator: "\n").map { line -> String in
            let start = line.range(of: "file=")!.upperBound
            return String(line[start...].prefix { $0 != "," })
        }
        #expect(Set(files) == ["net/dc1.yaml", "net/dc2.yaml", "/elsewhere/dc3.yaml"])
        // The same paths as GitLab's for the same options.
        let gitlab = GitLabReporter.render(report, options: ReportOptions(repositoryRoot: "/work/repo", currentDirectory: "/work/repo/net"))
        let paths = try jsonArray(try parseReportJSON(gitlab)).map { try jsonObject(try jsonObject($0)["location"])["path"] as? String }
        #expect(Set(paths.compactMap { $0 }) == Set(files))
    }

    // MARK: Text

    @Test func textSortsBySeverityWhenAsked() {
        let report = ReportFixture.report(diagnostics: false)
        func heads(_ sort: FindingSort) -> [String] {
            TextReporter.render(report, options: ReportOptions(sort: sort)).split(separator: "\n")
                .filter { $0.hasPrefix("dc/") }.map { String($0.split(separator: " ")[1]) }
        }
        #expect(heads(.location) == ["low", "high", "critical", "medium"])  // ams1 2:3, 5:5; fra1 3:3, 4:7
        #expect(heads(.severity) == ["critical", "high", "medium", "low"])
    }

    /// Twelve trombones through one far gateway and three on another workload's VLAN.
    static func trombones() -> [Finding] {
        var findings: [Finding] = []
        for i in 1...12 {
            var f = ReportFixture.trombone
            f.message = "workload w\(i) tromboning"
            f.subject = Subject(kind: "workload", name: String(format: "w%02d", i))
            f.location.line = 10 + i
            findings.append(f)
        }
        for vlan in ["a", "b", "c"] {
            var f = ReportFixture.trombone
            f.subject = Subject(kind: "workload", name: "solo")
            f.context = [("vlan", .string(vlan)), ("gateway", .string("gw-\(vlan)")), ("rtt_ms", .int(8)), ("endpoints", .int(1))]
            findings.append(f)
        }
        return findings
    }

    @Test func rootCausesAreSaidOnce() throws {
        let causes = RootCauses.find(Self.trombones())
        #expect(causes.count == 2)
        #expect(causes[0].key == "gateway" && causes[0].name == "fra1-core" && causes[0].count == 12)
        #expect(causes[0].line == "12 TL400 gateway-trombone findings share gateway fra1-core: workload w01, w02, w03, w04, … (8 more)")
        // Three findings on one subject, each with its own gateway: the subject is the cause.
        #expect(causes[1].line == "3 TL400 gateway-trombone findings are on workload solo")

        let report = LintReport(files: [ReportFixture.ams1], diagnostics: [], findings: Self.trombones(), suppressed: [], rules: [])
        let out = TextReporter.render(report, options: ReportOptions())
        let notes = out.split(separator: "\n").filter { $0.hasPrefix("note: ") }.map(String.init)
        #expect(notes == ["note: " + causes[0].line, "note: " + causes[1].line])
        #expect(out.split(separator: "\n").filter { $0.hasPrefix("dc/ams1.yaml:") }.count == 15)
    }

    /// A domain's first switch by name only labels TL200's findings: stretched VLANs that
    /// happen to share it (the alphabetically first core) are not one cause.
    @Test func aLabelIsNoRootCause() throws {
        let stretched = ["app", "db", "mgmt"].map { vlan in
            Finding(ruleID: "TL200", ruleName: "stretched-vlan", score: 7.3, message: "VLAN \(vlan) is bridged across 2 sites", fix: "",
                    subject: Subject(kind: "vlan", name: vlan), location: SourceLocation(file: "m.yaml", line: 3, column: 3),
                    context: [("scope", .string("multi-site")), ("switch", .string("m1-core1"))])
        }
        #expect(RootCauses.find(stretched).count == 1)   // rules not given: every key may be a cause
        let rule = try #require(RuleRegistry.rule(named: "TL200")).descriptor
        #expect(rule.causeKeys.isEmpty)
        #expect(RootCauses.find(stretched, causeKeys: ["TL200": rule.causeKeys]).isEmpty)
        let report = LintReport(files: ["m.yaml"], diagnostics: [], findings: stretched, suppressed: [], rules: [rule])
        #expect(!TextReporter.render(report, options: ReportOptions()).contains("note: "))
    }

    @Test func fewOrUnrelatedFindingsHaveNoRootCause() {
        #expect(RootCauses.find(Array(Self.trombones().prefix(2))).isEmpty)
        #expect(RootCauses.find(ReportFixture.report().findings).isEmpty)
        #expect(!TextReporter.render(ReportFixture.report(), options: ReportOptions()).contains("note: "))
    }
}
