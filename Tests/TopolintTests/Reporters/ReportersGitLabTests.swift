import Foundation
import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("GitLab reporter")
struct ReportersGitLabTests {
    func issues(_ report: LintReport, root: String? = nil) throws -> [[String: Any]] {
        try jsonArray(try parseReportJSON(GitLabReporter.render(report, options: ReportOptions(repositoryRoot: root)))).map { try jsonObject($0) }
    }

    @Test func requiredFieldsAndSeverities() throws {
        let list = try issues(ReportFixture.report())
        #expect(list.count == 5)
        for issue in list {
            for key in ["description", "check_name", "fingerprint", "severity"] { #expect(issue[key] is String, "\(key)") }
            let location = try jsonObject(issue["location"])
            #expect(location["path"] is String)
            #expect(try jsonObject(location["lines"])["begin"] is Int)
        }
        let severities = Dictionary(uniqueKeysWithValues: list.map { ($0["check_name"] as! String, $0["severity"] as! String) })
        #expect(severities == [
            "TL002 schema": "blocker", "TL200 stretched-vlan": "blocker", "TL400 gateway-trombone": "critical",
            "TL100 oversized-broadcast-domain": "major", "TL601 host-vlan-unreachable": "minor",
        ])
        let tl200 = try #require(list.first { $0["check_name"] as? String == "TL200 stretched-vlan" })
        #expect(tl200["fingerprint"] as? String == ReportFixture.stretched.fingerprint)
        #expect(tl200["description"] as? String == ReportFixture.stretched.message + ". Fix: route between the sites")
        let location = try jsonObject(tl200["location"])
        #expect(location["path"] as? String == ReportFixture.fra1)
        #expect(try jsonObject(location["lines"])["begin"] as? Int == 3)
    }

    @Test func fingerprintsAreUniqueEvenForIdenticalFindings() throws {
        let f = ReportFixture.stretched
        var g = f
        g.location.line = 30  // same rule, file, subject and identity: same fingerprint
        #expect(f.fingerprint == g.fingerprint)
        let report = LintReport(files: [], diagnostics: [ReportFixture.schemaError, ReportFixture.schemaError],
                                findings: [f, g], suppressed: [], rules: [])
        let fingerprints = try issues(report).compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints.count == 4)
        #expect(Set(fingerprints).count == 4)
        #expect(fingerprints.contains(f.fingerprint))
    }

    @Test func pathsAreRelativeToTheRepositoryRoot() throws {
        var f = ReportFixture.stretched
        f.location.file = "/builds/acme/net/dc/fra1.yaml"
        let list = try issues(LintReport(files: [], diagnostics: [], findings: [f], suppressed: [], rules: []), root: "/builds/acme/net")
        #expect(try jsonObject(list[0]["location"])["path"] as? String == "dc/fra1.yaml")
    }

    @Test func cleanReportIsAnEmptyArray() throws {
        #expect(try issues(ReportFixture.clean).isEmpty)
    }
}
