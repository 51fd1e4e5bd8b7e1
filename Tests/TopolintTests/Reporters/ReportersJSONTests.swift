import Foundation
import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("JSON reporter")
struct ReportersJSONTests {
    let output = JSONReporter.render(ReportFixture.report(), options: ReportOptions())

    @Test func topLevelMatchesReportMD() throws {
        #expect(output.hasSuffix("}\n"))
        let root = try jsonObject(try parseReportJSON(output))
        let tool = try jsonObject(root["tool"])
        #expect(tool["name"] as? String == "topolint")
        #expect(tool["version"] as? String == Project.version)
        let summary = try jsonObject(root["summary"])
        #expect(summary["findings"] as? Int == 4)
        #expect(summary["suppressed"] as? Int == 1)
        for key in ["low", "medium", "high", "critical"] { #expect(summary[key] as? Int == 1, "\(key)") }
        #expect(jsonNumber(summary["max_score"]) == 9.4)
        #expect(root["baselined"] as? Int == 2)
        // Keys in the documented order.
        let keys = ["tool", "summary", "diagnostics", "findings", "suppressed", "baselined"]
        let offsets = try keys.map { try #require(output.range(of: "\n  \"\($0)\": ")).lowerBound }
        #expect(offsets == offsets.sorted())
    }

    @Test func diagnosticsCarryRuleNameLocationAndHelp() throws {
        let root = try jsonObject(try parseReportJSON(output))
        let diagnostics = try jsonArray(root["diagnostics"])
        #expect(diagnostics.count == 1)
        let d = try jsonObject(diagnostics.first)
        #expect(d["rule"] as? String == "TL002")
        #expect(d["name"] as? String == "schema")
        #expect(d["message"] as? String == "unknown key `uplink`")
        #expect(d["help"] as? String == "did you mean `uplinks`?")
        let loc = try jsonObject(d["location"])
        #expect(loc["file"] as? String == ReportFixture.broken)
        #expect(loc["line"] as? Int == 7)
        #expect(loc["column"] as? Int == 9)
    }

    @Test func diagnosticWithoutHelpHasNoHelpKey() throws {
        let report = LintReport(files: ["a.yaml"], diagnostics: [Diagnostic(.yamlSyntax, "bad", at: ReportFixture.at("a.yaml", 1, 1))],
                                findings: [], suppressed: [], rules: [])
        let d = try jsonObject(try jsonArray(try jsonObject(try parseReportJSON(JSONReporter.render(report, options: ReportOptions())))["diagnostics"]).first)
        #expect(d["help"] == nil)
        #expect(d["rule"] as? String == "TL001")
    }

    @Test func findingsInReportOrderWithEveryField() throws {
        let root = try jsonObject(try parseReportJSON(output))
        let findings = try jsonArray(root["findings"]).map { try jsonObject($0) }
        // Sorted by file, line, column: ams1 before fra1.
        #expect(findings.map { $0["rule"] as? String } == ["TL601", "TL400", "TL200", "TL100"])
        let stretched = try #require(findings.first { $0["rule"] as? String == "TL200" })
        #expect(stretched["name"] as? String == "stretched-vlan")
        #expect(jsonNumber(stretched["score"]) == 9.4)
        #expect(stretched["severity"] as? String == "critical")
        #expect(stretched["fix"] as? String == "route between the sites")
        #expect(stretched["fingerprint"] as? String == ReportFixture.stretched.fingerprint)
        let subject = try jsonObject(stretched["subject"])
        #expect(subject["kind"] as? String == "vlan")
        #expect(subject["name"] as? String == "web")
        let loc = try jsonObject(stretched["location"])
        #expect(loc["file"] as? String == ReportFixture.fra1 && loc["line"] as? Int == 3 && loc["column"] as? Int == 3)
        let context = try jsonObject(stretched["context"])
        #expect(context["scope"] as? String == "multi-site")
        #expect(context["sites"] as? [String] == ["ams1", "fra1"])
        #expect(context["max_rtt_ms"] as? Int == 12)
        // Context keys keep the finding's order.
        let s = try #require(output.range(of: "\"scope\": \"multi-site\"")).lowerBound
        let t = try #require(output.range(of: "\"sites\": [")).lowerBound
        let u = try #require(output.range(of: "\"max_rtt_ms\": 12")).lowerBound
        #expect(s < t && t < u)
        // Messages survive escaping exactly.
        let trombone = try #require(findings.first { $0["rule"] as? String == "TL400" })
        #expect(trombone["message"] as? String == ReportFixture.trickyMessage)
    }

    @Test func suppressedFindingsKeepReasonScoreAndFingerprint() throws {
        let root = try jsonObject(try parseReportJSON(output))
        let suppressed = try jsonArray(root["suppressed"])
        #expect(suppressed.count == 1)
        let s = try jsonObject(suppressed.first)
        #expect(s["rule"] as? String == "TL300")
        #expect(s["name"] as? String == "cross-cluster-migration")
        #expect(s["reason"] as? String == "approved 2026-03")
        #expect(jsonNumber(s["score"]) == 4.0)
        #expect(s["message"] as? String == "migration domain metro spans 2 clusters")
        #expect(s["fingerprint"] as? String == ReportFixture.migration.finding.fingerprint)
        #expect(try jsonObject(s["subject"])["kind"] as? String == "migration_domain")
        #expect(try jsonObject(s["location"])["line"] as? Int == 8)
    }

    @Test func cleanReportHasEmptyArrays() throws {
        let root = try jsonObject(try parseReportJSON(JSONReporter.render(ReportFixture.clean, options: ReportOptions())))
        #expect(try jsonArray(root["findings"]).isEmpty)
        #expect(try jsonArray(root["diagnostics"]).isEmpty)
        #expect(try jsonArray(root["suppressed"]).isEmpty)
        #expect(jsonNumber(try jsonObject(root["summary"])["max_score"]) == 0)
        #expect(root["baselined"] as? Int == 0)
    }
}
