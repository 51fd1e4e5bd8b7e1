import Testing
import TopolintCore
@testable import TopolintReporters

/// Findings are written into the JSON report without building their `JSONValue`; the bytes
/// must be exactly those of the value printed, which docs/report.md describes.
@Suite("Reporters: findings written directly as JSON")
struct FindingJSONTests {
    static let emptyContext = Finding(
        ruleID: "TL900", ruleName: "no-context", score: 10, message: "", fix: "",
        subject: Subject(kind: "vlan", name: "\u{1}\"q\""), location: SourceLocation(file: "a b.yaml", line: 1, column: 1),
        context: [])

    static let findings = [ReportFixture.stretched, ReportFixture.oversized, ReportFixture.unreachable,
                           ReportFixture.trombone, ReportFixture.migration.finding, emptyContext]

    @Test(arguments: [0, 1, 2])
    func aFindingIsTheBytesOfItsValue(indent: Int) {
        for f in FindingJSONTests.findings {
            var direct = ByteBuffer(capacity: 0), viaValue = ByteBuffer(capacity: 0)
            FindingJSON.write(f, indent: indent, to: &direct)
            JSONBytes.write(ReportJSON.finding(f), pretty: true, indent: indent, to: &viaValue)
            #expect(direct.string == viaValue.string, "\(f.ruleID)")
        }
    }

    @Test func aSuppressedFindingIsTheBytesOfItsValue() {
        var direct = ByteBuffer(capacity: 0), viaValue = ByteBuffer(capacity: 0)
        FindingJSON.write(ReportFixture.migration, indent: 2, to: &direct)
        JSONBytes.write(ReportJSON.suppressed(ReportFixture.migration), pretty: true, indent: 2, to: &viaValue)
        #expect(direct.string == viaValue.string)
        #expect(direct.string.contains("\"ignore_location\": {\n        \"file\": \"dc/ams1.yaml\",\n        \"line\": 9,"))
    }

    @Test(arguments: [true, false])
    func theWholeReportIsItsValuePrinted(diagnostics: Bool) {
        let report = ReportFixture.report(diagnostics: diagnostics)
        let written = JSONReporter.render(report, options: ReportOptions())
        #expect(written == ReportJSON.lint(report).serialized(pretty: true) + "\n")
        #expect(JSONReporter.render(ReportFixture.clean, options: ReportOptions())
            == ReportJSON.lint(ReportFixture.clean).serialized(pretty: true) + "\n")
    }
}
