import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("Markdown reporter")
struct ReportersMarkdownTests {
    let output = MarkdownReporter.render(ReportFixture.report(), options: ReportOptions())

    /// Splits a table row into cells at pipes that are not backslash-escaped, as GFM does
    /// (a backslash escapes the next character, whatever it is).
    func cells(_ row: Substring) -> [String] {
        var cells: [String] = [], current = ""
        var escaped = false
        for c in row {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { current.append(c); escaped = true; continue }
            if c == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(c)
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        // The leading and trailing pipes give empty first and last cells.
        return Array(cells.dropFirst().dropLast())
    }

    /// The rows of the table whose header row is `header`, without the delimiter row.
    func table(_ header: String, in text: String) throws -> [[String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix(header) })
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map(cells)
    }

    @Test func headingAndCounts() throws {
        #expect(output.hasPrefix("## topolint\n\n"))
        let counts = try table("| critical | high | medium | low | suppressed |", in: output)
        #expect(counts == [["1", "1", "1", "1", "1"]])
    }

    @Test func findingsGroupedByRuleWorstFirstWithLinkedRules() throws {
        let byRule = try table("| Rule | Findings | critical | high | medium | low | Max score |", in: output)
        let uri = ReportFixture.rules[1].helpURI
        #expect(byRule.map { $0[0] } == [
            "[TL200 stretched-vlan](\(uri))",
            "[TL400 gateway-trombone](\(ReportFixture.rules[3].helpURI))",
            "[TL100 oversized-broadcast-domain](\(ReportFixture.rules[0].helpURI))",
            "[TL601 host-vlan-unreachable](\(ReportFixture.rules[4].helpURI))",
        ])
        #expect(byRule[0].dropFirst() == ["1", "1", "0", "0", "0", "9.4"])
        // One section per rule in the same order, each with its count.
        let headings = output.split(separator: "\n").filter { $0.hasPrefix("#### ") }
        #expect(headings.first == "#### [TL200 stretched-vlan](\(uri)): 1 finding")
        #expect(headings.count == 4)
        let rows = try table("| Severity | Score | Location | Subject | Message |", in: output)
        #expect(rows == [["critical", "9.4", "dc/fra1.yaml:3:3", "vlan web",
                          "VLAN web (100) is bridged across 2 sites (ams1, fra1), 12 ms apart<br>*Fix:* route between the sites"]])
    }

    @Test func rulePagesFollowTheRuleDocsURL() throws {
        let out = MarkdownReporter.render(ReportFixture.report(), options: ReportOptions(ruleDocsURL: "https://docs.example/rules/"))
        #expect(out.contains("[TL200 stretched-vlan](https://docs.example/rules/TL200-stretched-vlan.md)"))
    }

    /// 500 findings: 300 of one rule with scores over every band, 200 of another up to 6.9.
    static func manyFindings() -> LintReport {
        var findings: [Finding] = []
        for i in 0..<500 {
            var f = i < 300 ? ReportFixture.stretched : ReportFixture.unreachable
            f.subject = Subject(kind: f.subject.kind, name: "s\(i)")
            f.score = Score.round(Double(i % (i < 300 ? 100 : 70)) / 10)
            f.location.line = i + 1
            findings.append(f)
        }
        return LintReport(files: [ReportFixture.fra1, ReportFixture.ams1], diagnostics: [], findings: findings,
                          suppressed: [], rules: ReportFixture.rules)
    }

    @Test func fiveHundredFindingsStayReadable() throws {
        let out = MarkdownReporter.render(Self.manyFindings(), options: ReportOptions())
        // Outside <details>: the counts, the rules table and three findings per rule.
        var open: [Substring] = [], depth = 0
        for line in out.split(separator: "\n") {
            if line.hasPrefix("<details>") { depth += 1 } else if line.hasPrefix("</details>") { depth -= 1 } else if depth == 0 { open.append(line) }
        }
        let openRows = open.filter { $0.contains("| dc/") }
        #expect(openRows.count == 2 * MarkdownReporter.shownPerRule)
        #expect(out.contains("<summary>297 more TL200 stretched-vlan findings</summary>"))
        #expect(out.contains("<summary>197 more TL601 host-vlan-unreachable findings</summary>"))
        // Folded rows stop at the listing limit; the rest are counted, not dropped silently.
        let allRows = out.split(separator: "\n").filter { $0.contains("| dc/") }
        #expect(allRows.count == MarkdownReporter.listedLimit + MarkdownReporter.shownPerRule)
        #expect(out.contains("_150 not listed here; the JSON or SARIF report has every finding._"))
        #expect(out.contains("_197 not listed here; the JSON or SARIF report has every finding._"))
        #expect(out.utf8.count < 65_536)
        // Worst first: TL200 (scores up to 9.9) before TL601, and within it 9.9 first.
        let rows = try table("| Severity | Score | Location | Subject | Message |", in: out)
        #expect(rows.first?[1] == "9.9")
        #expect(rows.map { Double($0[1])! } == rows.map { Double($0[1])! }.sorted(by: >))
        let byRule = try table("| Rule | Findings |", in: out)
        #expect(byRule.map { $0[1] } == ["300", "200"])
        #expect(byRule[0][2...5] == ["30", "60", "90", "120"])  // critical, high, medium, low
    }

    @Test func diagnosticsHaveTheirOwnTable() throws {
        let rows = try table("| Rule | Location | Message |", in: output)
        #expect(rows == [["TL002 schema", "dc/broken.yaml:7:9", "unknown key \\`uplink\\`<br>did you mean \\`uplinks\\`?"]])
        #expect(output.contains("1 file could not be loaded; no design findings are reported until it loads."))
    }

    @Test func suppressedFoldedAndBaselinedNoted() throws {
        #expect(output.contains("<details><summary>1 suppressed finding</summary>"))
        let rows = try table("| Severity | Score | Rule | Location | Reason |", in: output)
        #expect(rows.count == 1)
        #expect(rows[0][4] == "approved 2026-03")
        #expect(output.contains("2 findings recorded in the baseline not shown"))
    }

    @Test func cleanReport() throws {
        let clean = MarkdownReporter.render(ReportFixture.clean, options: ReportOptions())
        #expect(clean.contains("\n\nNo findings.\n"))
        #expect(!clean.contains("| Severity |"))
        #expect(try table("| critical |", in: clean) == [["0", "0", "0", "0", "0"]])
    }
}
