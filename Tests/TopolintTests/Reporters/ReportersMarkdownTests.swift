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

    @Test func oneRowPerFindingWithLinkedRules() throws {
        let rows = try table("| Severity | Score | Rule | Location | Message |", in: output)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == 5 })
        #expect(rows.map { $0[0] } == ["low", "high", "critical", "medium"])
        #expect(rows.map { $0[1] } == ["2.5", "8.1", "9.4", "5.0"])
        let tl200 = rows[2]
        let uri = ReportFixture.rules[1].helpURI
        #expect(tl200[2] == "[TL200 stretched-vlan](\(uri))")
        #expect(tl200[3] == "dc/fra1.yaml:3:3")
        #expect(tl200[4] == "VLAN web (100) is bridged across 2 sites (ams1, fra1), 12 ms apart<br>*Fix:* route between the sites")
    }

    @Test func pipesNewlinesAndMarkupAreEscaped() throws {
        let rows = try table("| Severity | Score | Rule | Location | Message |", in: output)
        let message = rows[1][4]
        #expect(message.hasPrefix("VLAN db \\| 50% of \\<endpoints\\> &amp; \"more\" 'here'<br>second line<br>*Fix:*"))
        #expect(!message.contains("\n") && !message.contains("\r"))
        #expect(MarkdownReporter.cell("a\\|b") == "a\\\\\\|b")
        #expect(MarkdownReporter.cell("x\r\ny\nz\rw") == "x<br>y<br>z<br>w")
        #expect(MarkdownReporter.cell("*[a](b)*_c_`d`") == "\\*\\[a\\](b)\\*\\_c\\_\\`d\\`")
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
