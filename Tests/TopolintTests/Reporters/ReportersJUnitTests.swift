import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("JUnit reporter")
struct ReportersJUnitTests {
    let output = JUnitReporter.render(ReportFixture.report(), options: ReportOptions())

    func parse(_ text: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(text.utf8), options: [])
        return try #require(document.rootElement())
    }

    func attribute(_ element: XMLElement, _ name: String) -> String? { element.attribute(forName: name)?.stringValue }

    func children(_ element: XMLElement, _ name: String) -> [XMLElement] { element.elements(forName: name) }

    @Test func suitesPerFileAndCasesPerRule() throws {
        let root = try parse(output)
        #expect(root.name == "testsuites")
        #expect(attribute(root, "name") == "topolint")
        let suites = children(root, "testsuite")
        #expect(suites.compactMap { attribute($0, "name") } == [ReportFixture.fra1, ReportFixture.ams1, ReportFixture.broken])

        let fra1 = suites[0]
        let cases = children(fra1, "testcase")
        // Findings are cases named for rule and subject; rules with nothing to report pass.
        #expect(cases.compactMap { attribute($0, "name") } == [
            "TL100 oversized-broadcast-domain: vlan ü名", "TL200 stretched-vlan: vlan web",
            "TL300 cross-cluster-migration", "TL400 gateway-trombone", "TL601 host-vlan-unreachable",
        ])
        #expect(cases.allSatisfy { attribute($0, "classname") == ReportFixture.fra1 })
        #expect(attribute(fra1, "tests") == "5")
        #expect(attribute(fra1, "failures") == "2")  // TL100 and TL200
        #expect(attribute(fra1, "errors") == "0")

        let tl200 = try #require(cases.first { attribute($0, "name") == "TL200 stretched-vlan: vlan web" })
        let failures = children(tl200, "failure")
        #expect(failures.count == 1)
        #expect(attribute(failures[0], "type") == "critical")
        #expect(attribute(failures[0], "message") == ReportFixture.stretched.message)
        #expect(failures[0].stringValue == "dc/fra1.yaml:3:3 9.4 \(ReportFixture.stretched.message)\nfix: route between the sites")
        // A rule with nothing to report passes: no children at all.
        let tl300 = try #require(cases.first { attribute($0, "name") == "TL300 cross-cluster-migration" })
        #expect(tl300.childCount == 0)

        #expect(attribute(root, "tests") == "16")  // 5 + 5 + (1 load error + 5 skipped)
        #expect(attribute(root, "failures") == "4")
        #expect(attribute(root, "errors") == "1")
        #expect(attribute(root, "skipped") == "5")
    }

    @Test func loadErrorsAreErrorsAndTheFilesRulesAreSkipped() throws {
        let root = try parse(output)
        let broken = try #require(children(root, "testsuite").first { attribute($0, "name") == ReportFixture.broken })
        #expect(attribute(broken, "errors") == "1")
        #expect(attribute(broken, "skipped") == "5")
        let schema = try #require(children(broken, "testcase").first { attribute($0, "name") == "TL002 schema: 7:9" })
        let error = try #require(children(schema, "error").first)
        #expect(attribute(error, "type") == "TL002")
        #expect(attribute(error, "message") == "unknown key `uplink`")
        #expect(error.stringValue?.contains("help: did you mean `uplinks`?") == true)
    }

    @Test func filesThatLoadedAreNotPassedWhileAnotherFailsToLoad() throws {
        // As docs/report.md has it: a load error anywhere means no design findings at all.
        let report = LintReport(files: [ReportFixture.fra1, ReportFixture.broken], diagnostics: [ReportFixture.schemaError],
                                findings: [], suppressed: [], rules: ReportFixture.rules)
        let root = try parse(JUnitReporter.render(report, options: ReportOptions()))
        let fra1 = try #require(children(root, "testsuite").first { attribute($0, "name") == ReportFixture.fra1 })
        #expect(attribute(fra1, "skipped") == "5")
        let skipped = children(fra1, "testcase").compactMap { children($0, "skipped").first }
        #expect(skipped.count == 5)
        #expect(skipped.allSatisfy { attribute($0, "message") == "not checked: 1 file could not be loaded" })
        #expect(attribute(root, "tests") == "11")
        #expect(attribute(root, "skipped") == "10")
    }

    @Test func escapingSurvivesAParser() throws {
        let root = try parse(output)
        let ams1 = try #require(children(root, "testsuite").first { attribute($0, "name") == ReportFixture.ams1 })
        let tl400 = try #require(children(ams1, "testcase").first { attribute($0, "name") == "TL400 gateway-trombone: workload shop" })
        let failure = try #require(children(tl400, "failure").first)
        // Everything but the U+0001, which XML 1.0 cannot hold at all, round-trips, line
        // breaks included.
        let expected = ReportFixture.trickyMessage.replacingOccurrences(of: "\u{1}", with: "")
        #expect(attribute(failure, "message") == expected)
        #expect(failure.stringValue?.hasPrefix("dc/ams1.yaml:5:5 8.1 " + expected) == true)
    }

    @Test func hostileFileNamesStayWellFormed() throws {
        var f = ReportFixture.stretched
        let name = "a&b<c>\"d'\u{0}\u{FFFE}e.yaml"
        f.location.file = name
        let out = JUnitReporter.render(LintReport(files: [name], diagnostics: [], findings: [f], suppressed: [], rules: ReportFixture.rules),
                                       options: ReportOptions())
        let root = try parse(out)
        #expect(attribute(try #require(children(root, "testsuite").first), "name") == "a&b<c>\"d'e.yaml")
    }

    @Test func oneCasePerFindingAndCountsThatAddUp() throws {
        // Three TL400 findings in one file, two on the same workload (one per VLAN), and one
        // TL200: four failing cases with one <failure> each, and the three other rules pass.
        var web = ReportFixture.trombone
        web.location.file = ReportFixture.fra1
        var db = web
        db.context[0] = ("vlan", .string("web"))
        var other = web
        other.subject = Subject(kind: "workload", name: "crm")
        let findings = [ReportFixture.stretched, web, db, other]
        let report = LintReport(files: [ReportFixture.fra1], diagnostics: [], findings: findings, suppressed: [],
                                rules: ReportFixture.rules)
        let root = try parse(JUnitReporter.render(report, options: ReportOptions()))
        let suite = try #require(children(root, "testsuite").first)
        let cases = children(suite, "testcase")
        #expect(cases.count == 4 + 3)
        #expect(cases.allSatisfy { children($0, "failure").count <= 1 })
        #expect(cases.filter { children($0, "failure").count == 1 }.count == 4)
        let names = cases.compactMap { attribute($0, "name") }
        #expect(names.contains("TL400 gateway-trombone: workload shop"))
        #expect(names.contains("TL400 gateway-trombone: workload shop (2)"))
        #expect(names.contains("TL400 gateway-trombone: workload crm"))
        #expect(Set(names).count == names.count)
        for element in [root, suite] {
            #expect(attribute(element, "tests") == "7")
            #expect(attribute(element, "failures") == "4")
            #expect(attribute(element, "errors") == "0")
            #expect(attribute(element, "skipped") == "0")
        }
    }

    @Test func cleanFileOnlyPasses() throws {
        let root = try parse(JUnitReporter.render(ReportFixture.clean, options: ReportOptions()))
        #expect(attribute(root, "tests") == "5")
        #expect(attribute(root, "failures") == "0")
        #expect(attribute(root, "errors") == "0")
    }

    @Test func xmlEscapingFunctions() {
        #expect(XML.text("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(XML.attribute("x\ny\tz\r") == "x&#10;y&#9;z&#13;")
        #expect(XML.text("x\ny\t") == "x\ny\t")
        #expect(XML.text("a\u{0}\u{8}\u{B}\u{FFFF}b\u{10000}") == "ab\u{10000}")
    }
}
