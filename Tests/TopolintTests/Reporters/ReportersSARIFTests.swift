import Foundation
import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("SARIF reporter")
struct ReportersSARIFTests {
    static let root = "/home/ci/repo"

    /// The fixture with absolute paths under the repository root, as the CLI would pass them.
    static func absoluteReport() -> LintReport {
        func move(_ f: Finding) -> Finding {
            var f = f
            f.location.file = root + "/" + f.location.file
            return f
        }
        var d = ReportFixture.schemaError
        d.location.file = root + "/" + d.location.file
        var s = ReportFixture.migration
        s.finding = move(s.finding)
        s.ignoreLocation.file = root + "/" + s.ignoreLocation.file
        let base = ReportFixture.report()
        return LintReport(files: base.files.map { root + "/" + $0 }, diagnostics: [d],
                          findings: base.findings.map(move), suppressed: [s], rules: base.rules)
    }

    /// Paths that need encoding or are absolute elsewhere, for the schema check.
    static func unusualPaths() -> LintReport {
        let files = ["dir/a b:c#%ü.yaml", "C:\\repo\\t.yaml", "C:\\other\\t.yaml", "/abs/x.yaml", "../up.yaml"]
        let findings = files.map { file -> Finding in
            var f = ReportFixture.stretched
            f.location.file = file
            return f
        }
        return LintReport(files: files, diagnostics: [], findings: findings, suppressed: [], rules: ReportFixture.rules)
    }

    func sarif(_ report: LintReport, root: String? = nil) throws -> (log: [String: Any], run: [String: Any]) {
        let text = SARIFReporter.render(report, options: ReportOptions(repositoryRoot: root))
        let log = try jsonObject(try parseReportJSON(text))
        let run = try jsonObject(try jsonArray(log["runs"]).first)
        return (log, run)
    }

    @Test func logHeaderAndDriver() throws {
        let (log, run) = try sarif(ReportFixture.report())
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        #expect(try jsonArray(log["runs"]).count == 1)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try jsonObject(try jsonObject(run["tool"])["driver"])
        #expect(driver["name"] as? String == "topolint")
        #expect(driver["version"] as? String == Project.version)
        #expect(driver["semanticVersion"] as? String == Project.version)
        #expect(driver["informationUri"] as? String == Project.repositoryURL)
    }

    @Test func rulesDescribeEachActiveRuleAndTheLoadErrors() throws {
        let (_, run) = try sarif(ReportFixture.report())
        let rules = try jsonArray(try jsonObject(try jsonObject(run["tool"])["driver"])["rules"]).map { try jsonObject($0) }
        #expect(rules.map { $0["id"] as? String } == ["TL100", "TL200", "TL300", "TL400", "TL601", "TL001", "TL002", "TL003", "TL004"])
        let tl200 = rules[1]
        #expect(tl200["name"] as? String == "stretched-vlan")
        #expect(try jsonObject(tl200["shortDescription"])["text"] as? String == "stretched-vlan summary")
        #expect(try jsonObject(tl200["fullDescription"])["text"] as? String == "stretched-vlan rationale")
        let help = try jsonObject(tl200["help"])
        #expect(help["text"] as? String == "stretched-vlan fix")
        let markdown = try #require(help["markdown"] as? String)
        #expect(markdown.contains("stretched-vlan trigger") && markdown.contains("stretched-vlan formula"))
        #expect(tl200["helpUri"] as? String == ReportFixture.rules[1].helpURI)
        #expect(try jsonObject(tl200["defaultConfiguration"])["level"] as? String == "error")
        let properties = try jsonObject(tl200["properties"])
        #expect(properties["security-severity"] as? String == "8.0")
        #expect(properties["precision"] as? String == "high")
        #expect((properties["tags"] as? [String])?.contains("design") == true)
        #expect(try jsonObject(try jsonObject(rules[0]["defaultConfiguration"]))["level"] as? String == "warning")
        // Every security-severity parses as a number in its severity's band.
        for rule in rules.prefix(5) {
            let value = try #require(Double(try jsonObject(rule["properties"])["security-severity"] as? String ?? ""))
            let level = try jsonObject(rule["defaultConfiguration"])["level"] as? String
            #expect(level == (value >= 7 ? "error" : value >= 4 ? "warning" : "note"))
        }
    }

    @Test func noLoadErrorRulesWithoutDiagnostics() throws {
        let (_, run) = try sarif(ReportFixture.report(diagnostics: false))
        let rules = try jsonArray(try jsonObject(try jsonObject(run["tool"])["driver"])["rules"]).map { try jsonObject($0) }
        #expect(!rules.contains { ($0["id"] as? String)?.hasPrefix("TL00") == true })
    }

    @Test func resultsPointAtTheirRulesWithLevelsRegionsAndFingerprints() throws {
        let (_, run) = try sarif(ReportFixture.report())
        let rules = try jsonArray(try jsonObject(try jsonObject(run["tool"])["driver"])["rules"]).map { try jsonObject($0) }
        let results = try jsonArray(run["results"]).map { try jsonObject($0) }
        #expect(results.count == 6)  // 1 diagnostic + 4 findings + 1 suppressed
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let byRule = Dictionary(uniqueKeysWithValues: results.map { ($0["ruleId"] as! String, $0) })
        #expect(byRule["TL002"]?["level"] as? String == "error")
        #expect(byRule["TL200"]?["level"] as? String == "error")    // critical
        #expect(byRule["TL400"]?["level"] as? String == "error")    // high
        #expect(byRule["TL100"]?["level"] as? String == "warning")  // medium
        #expect(byRule["TL601"]?["level"] as? String == "note")     // low

        let tl200 = try #require(byRule["TL200"])
        #expect(try jsonObject(tl200["message"])["text"] as? String == ReportFixture.stretched.message)
        let physical = try jsonObject(try jsonObject(try jsonArray(tl200["locations"]).first)["physicalLocation"])
        let region = try jsonObject(physical["region"])
        #expect(region["startLine"] as? Int == 3)
        #expect(region["startColumn"] as? Int == 3)
        let artifact = try jsonObject(physical["artifactLocation"])
        #expect(artifact["uri"] as? String == "dc/fra1.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        #expect(try jsonObject(tl200["partialFingerprints"])["topolint/v2"] as? String == ReportFixture.stretched.fingerprint)
        let properties = try jsonObject(tl200["properties"])
        #expect(properties["security-severity"] as? String == "9.4")
        #expect(jsonNumber(properties["score"]) == 9.4)
        #expect(properties["severity"] as? String == "critical")
        #expect(try jsonObject(properties["context"])["scope"] as? String == "multi-site")

        let diagnostic = try #require(byRule["TL002"])
        #expect(try jsonObject(diagnostic["message"])["text"] as? String == "unknown key `uplink` (did you mean `uplinks`?)")
        #expect(try jsonObject(diagnostic["partialFingerprints"])["topolint/v2"] is String)
        #expect(results.filter { $0["suppressions"] != nil }.count == 1)
    }

    @Test func suppressedFindingsAreResultsWithAnInSourceSuppression() throws {
        let (_, run) = try sarif(ReportFixture.report())
        let results = try jsonArray(run["results"]).map { try jsonObject($0) }
        let suppressed = try #require(results.first { $0["ruleId"] as? String == "TL300" })
        let suppressions = try jsonArray(suppressed["suppressions"]).map { try jsonObject($0) }
        #expect(suppressions.count == 1)
        #expect(suppressions[0]["kind"] as? String == "inSource")
        #expect(suppressions[0]["justification"] as? String == "approved 2026-03")
        #expect(suppressed["level"] as? String == "warning")
        #expect(try jsonObject(suppressed["partialFingerprints"])["topolint/v2"] as? String == ReportFixture.migration.finding.fingerprint)
    }

    @Test func absolutePathsBecomeRelativeToTheRepositoryRoot() throws {
        let (_, run) = try sarif(Self.absoluteReport(), root: Self.root + "/")
        let bases = try jsonObject(run["originalUriBaseIds"])
        #expect(try jsonObject(bases["%SRCROOT%"])["uri"] as? String == "file:///home/ci/repo/")
        for result in try jsonArray(run["results"]).map({ try jsonObject($0) }) {
            let artifact = try jsonObject(try jsonObject(try jsonObject(try jsonArray(result["locations"]).first)["physicalLocation"])["artifactLocation"])
            let uri = try #require(artifact["uri"] as? String)
            #expect(uri.hasPrefix("dc/"), "\(uri)")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        }
    }

    @Test func pathsOutsideTheRootStayAbsoluteAsFileURIs() throws {
        let (_, run) = try sarif(Self.absoluteReport(), root: "/elsewhere")
        let result = try jsonObject(try jsonArray(run["results"]).first)
        let artifact = try jsonObject(try jsonObject(try jsonObject(try jsonArray(result["locations"]).first)["physicalLocation"])["artifactLocation"])
        #expect(artifact["uri"] as? String == "file:///home/ci/repo/dc/broken.yaml")
        #expect(artifact["uriBaseId"] == nil)
    }

    @Test func noBaseIDsWithoutAnAbsoluteRoot() throws {
        #expect(try sarif(ReportFixture.report()).run["originalUriBaseIds"] == nil)
        #expect(try sarif(ReportFixture.report(), root: "relative/root").run["originalUriBaseIds"] == nil)
    }

    @Test func unlistedRuleGetsAMinimalEntry() throws {
        var f = ReportFixture.stretched
        f.ruleID = "TL900"
        f.ruleName = "unused-ignore"
        let report = LintReport(files: [ReportFixture.fra1], diagnostics: [], findings: [f], suppressed: [], rules: ReportFixture.rules)
        let (_, run) = try sarif(report)
        let rules = try jsonArray(try jsonObject(try jsonObject(run["tool"])["driver"])["rules"]).map { try jsonObject($0) }
        let result = try jsonObject(try jsonArray(run["results"]).first)
        let index = try #require(result["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "TL900")
    }

    func uri(_ file: String, root: String? = nil, cwd: String? = nil) -> JSONValue? {
        SARIFReporter.artifactLocation(file, options: ReportOptions(repositoryRoot: root, currentDirectory: cwd))["uri"]
    }

    @Test func uriEncodingOfUnusualFileNames() {
        #expect(uri("dir/a b:c#%.yaml") == .string("dir/a%20b%3Ac%23%25.yaml"))
        #expect(uri("dir\\win.yaml") == .string("dir/win.yaml"))
        #expect(uri("./x/./y.yaml") == .string("x/y.yaml"))
        #expect(uri("C:\\repo\\t.yaml", root: "C:\\repo") == .string("t.yaml"))
        #expect(uri("C:\\other\\t.yaml", root: "C:\\repo") == .string("file:///C:/other/t.yaml"))
    }

    @Test func relativePathsResolveAgainstTheWorkingDirectory() {
        #expect(uri("net/dc.yaml", root: "/repo", cwd: "/repo/sub") == .string("sub/net/dc.yaml"))
        #expect(uri("../dc.yaml", root: "/repo", cwd: "/repo/sub") == .string("dc.yaml"))
        #expect(uri("dc.yaml", root: "/repo", cwd: "/tmp") == .string("file:///tmp/dc.yaml"))
        // Without a root there is nothing to be relative to: the path stays as given.
        #expect(uri("net/dc.yaml", cwd: "/repo/sub") == .string("net/dc.yaml"))
        let loc = SARIFReporter.artifactLocation("net/dc.yaml", options: ReportOptions(repositoryRoot: "/repo", currentDirectory: "/repo"))
        #expect(loc["uriBaseId"] == .string("%SRCROOT%"))
    }

    /// Writes sample logs for .ci/validate-sarif.py when TOPOLINT_SARIF_SAMPLE_DIR names
    /// a directory (the test script sets it); otherwise there is nothing to do.
    @Test func writeSamplesForSchemaValidation() throws {
        guard let dir = ProcessInfo.processInfo.environment["TOPOLINT_SARIF_SAMPLE_DIR"], !dir.isEmpty else { return }
        let samples: [(String, String)] = [
            ("relative.sarif", SARIFReporter.render(ReportFixture.report(), options: ReportOptions())),
            ("rooted.sarif", SARIFReporter.render(Self.absoluteReport(), options: ReportOptions(repositoryRoot: Self.root))),
            ("outside-root.sarif", SARIFReporter.render(Self.absoluteReport(), options: ReportOptions(repositoryRoot: "/elsewhere"))),
            ("clean.sarif", SARIFReporter.render(ReportFixture.clean, options: ReportOptions())),
            ("unusual-paths.sarif", SARIFReporter.render(Self.unusualPaths(), options: ReportOptions(repositoryRoot: "C:\\repo"))),
        ]
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in samples {
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
        }
    }
}
