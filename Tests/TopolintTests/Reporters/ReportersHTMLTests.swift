import Testing
import TopolintCore
@testable import TopolintReporters

@Suite struct ReportersHTMLTests {
    /// The fixture report with a drawing of dc/fra1.yaml that can outline VLAN web.
    static func report() -> LintReport {
        var report = ReportFixture.report(diagnostics: false)
        var picture = DrawnFixture.picture(sites: 2, racksPerPod: 3)
        picture.highlights[0].subject = Subject(kind: "vlan", name: "web")
        report.pictures = [ReportFixture.fra1: picture]
        return report
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        var count = 0, rest = Substring(text)
        while let r = rest.range(of: needle) { count += 1; rest = rest[r.upperBound...] }
        return count
    }

    static func rows(_ html: String) -> [Substring] {
        html.split(separator: "\n").filter { $0.hasPrefix("<tr class=\"sev-") }
    }

    @Test func oneSectionPerFileWithCountsAndTheDrawing() {
        let html = HTMLReporter.render(Self.report(), options: ReportOptions())
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("<section class=\"file\" id=\"f0\"><h2>dc/fra1.yaml</h2>"))
        #expect(html.contains("<section class=\"file\" id=\"f1\"><h2>dc/ams1.yaml</h2>"))
        // Two findings in fra1 (9.4 and 5.0), two in ams1 plus the suppressed one.
        #expect(html.contains("2 findings (0 critical, 1 high, 0 medium, 1 low), max score 8.1, 1 suppressed"))
        #expect(html.contains("2 findings (1 critical, 0 high, 1 medium, 0 low), max score 9.4"))
        #expect(html.contains("<span class=\"n\">9.4</span><span class=\"l\">max score</span>"))
        // fra1 has a drawing, ams1 none.
        #expect(Self.occurrences(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\"", in: html) == 1)
        #expect(html.contains("id=\"f0-site-0\""))
    }

    @Test func rowsRunWorstFirstAndCarryTheirSortKeys() {
        let rows = Self.rows(HTMLReporter.render(Self.report(), options: ReportOptions()))
        let scores = rows.compactMap { row -> Double? in
            guard let r = row.range(of: "data-score=\"") else { return nil }
            return Double(row[r.upperBound...].prefix { $0 != "\"" })
        }
        // Per file, worst first: fra1 9.4, 5.0; ams1 8.1, 2.5.
        #expect(scores == [9.4, 5.0, 8.1, 2.5])
        #expect(rows[0].contains("data-severity=\"critical\"") && rows[0].contains("data-rule=\"TL200\""))
    }

    @Test func aFindingLinksToItsRuleAndToItsSubjectInTheDrawing() {
        let html = HTMLReporter.render(Self.report(), options: ReportOptions())
        #expect(html.contains("<a href=\"#rule-TL200\">TL200</a>"))
        #expect(html.contains("<article id=\"rule-TL200\"><h3>TL200 stretched-vlan</h3>"))
        #expect(html.contains("<dt>Why</dt><dd>stretched-vlan rationale</dd>"))
        // The full rule page, where --rule-docs-url says, as SARIF and Markdown link it.
        let page = ReportOptions().helpURI(id: "TL200", name: "stretched-vlan")
        #expect(html.contains("<p class=\"rlink\"><a href=\"\(page)\">The rule's page</a></p>"))
        let mirrored = HTMLReporter.render(Self.report(), options: ReportOptions(ruleDocsURL: "file:///opt/topolint/rules"))
        #expect(mirrored.contains("<a href=\"file:///opt/topolint/rules/TL200-stretched-vlan.md\">The rule's page</a>"))
        // A suppressed finding's rule is explained too: the page lists it.
        #expect(html.contains("id=\"rule-TL300\""))
        #expect(html.contains("<span class=\"mark\" id=\"f0-h0\"></span>"))
        #expect(html.contains("href=\"#f0-h0\""))
        #expect(html.contains("#f0-h0:target~svg .h0"))
        // The oversized finding's VLAN has nothing drawn, so it has no link to the drawing.
        let oversizedRow = Self.rows(html).first { $0.contains("data-rule=\"TL100\"") }!
        #expect(!oversizedRow.contains("class=\"show\""))
    }

    @Test func textFromTheFileIsEscapedAndNothingIsFetched() {
        let html = HTMLReporter.render(Self.report(), options: ReportOptions())
        #expect(html.contains("VLAN db | 50% of &lt;endpoints&gt; &amp; &quot;more&quot; &apos;here&apos;"))
        #expect(!html.contains("<endpoints>"))
        #expect(!html.contains("\u{1}"))
        for fetch in ["<link", "src=", "@import", "url(http", "<iframe"] { #expect(!html.contains(fetch), "\(fetch)") }
        // The snippet of fra1 line 3 with its caret under column 3.
        #expect(html.contains("<pre class=\"src\"><span class=\"ln\">3</span>   web: {id: 100, gateway: fra1-core}\n<span class=\"ln\"> </span>   <span class=\"caret\">^</span></pre>"))
    }

    @Test func whatIfShowsBothSidesAndMarksWhatChanged() {
        let before = Self.report()
        var after = before
        after.findings.append(ReportFixture.migration.finding)
        let html = HTMLReporter.whatIf(before: before, after: after, added: [ReportFixture.migration.finding], resolved: [],
                                       question: "What if <a> moved?", notes: ["VLAN db would have to reach cluster b"])
        #expect(html.contains("<h1>What if &lt;a&gt; moved?</h1>"))
        #expect(html.contains("<section class=\"side\" id=\"b\"><h2>Before</h2>") && html.contains("<section class=\"side\" id=\"a\"><h2>After</h2>"))
        #expect(html.contains("<span class=\"added\">adds 1</span> <span class=\"resolved\">resolves 0</span>"))
        #expect(Self.occurrences(of: "class=\"sev-medium changed\"", in: html) == 1)
        #expect(html.contains("id=\"b-site-0\"") && html.contains("id=\"a-site-0\""))
    }
}
