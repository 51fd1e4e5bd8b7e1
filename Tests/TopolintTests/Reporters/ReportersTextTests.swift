import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("Text reporter")
struct ReportersTextTests {
    let plain = TextReporter.render(ReportFixture.report(), options: ReportOptions(color: false))

    /// The entry (blank-line separated block) whose head line starts with `head`.
    func entry(_ text: String, startingWith head: String) throws -> [Substring] {
        let blocks = text.split(separator: "\n\n", omittingEmptySubsequences: false)
        let block = try #require(blocks.first { $0.hasPrefix(head) })
        return block.split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func findingHeadLineSnippetAndFix() throws {
        let lines = try entry(plain, startingWith: "dc/fra1.yaml:3:3:")
        #expect(lines[0] == "dc/fra1.yaml:3:3: critical [9.4] TL200 stretched-vlan: VLAN web (100) is bridged across 2 sites (ams1, fra1), 12 ms apart")
        #expect(lines[1] == "  3 |   web: {id: 100, gateway: fra1-core}")
        #expect(lines[2] == "    |   ^")
        #expect(lines[3] == "  = fix: route between the sites")
    }

    @Test func caretSitsUnderTheColumnAfterMultibyteCharacters() throws {
        let lines = try entry(plain, startingWith: "dc/fra1.yaml:4:7:")
        #expect(lines[0].contains("medium [5.0] TL100 oversized-broadcast-domain"))
        let source = String(lines[1]), caret = String(lines[2])
        #expect(source == "  4 |   ü名: {id: 300}")
        // Column 7 counts code points (`{`); 名 takes two terminal cells, so the caret is
        // 7 cells into the line, under the brace.
        let gutter = "  4 | ".count
        #expect(caret == "    | " + String(repeating: " ", count: 7) + "^")
        let cellsBeforeBrace = source.dropFirst(gutter).prefix { $0 != "{" }
            .reduce(0) { $0 + ($1 == "名" ? 2 : 1) }
        #expect(caret.count - 1 == gutter + cellsBeforeBrace)
    }

    @Test func tabsExpandAndTheCaretFollows() {
        let report = LintReport(
            files: [ReportFixture.fra1], diagnostics: [],
            findings: [Finding(ruleID: "TL100", ruleName: "x", score: 5, message: "m", fix: "",
                               subject: Subject(kind: "vlan", name: "db"), location: ReportFixture.at(ReportFixture.fra1, 5, 2), context: [])],
            suppressed: [], rules: [], sources: [ReportFixture.fra1: Array(ReportFixture.fra1Source.utf8)])
        let out = TextReporter.render(report, options: ReportOptions())
        #expect(out.contains("  5 |     db: {id: 200}\n    |     ^\n"))
        #expect(!out.contains("= fix"))
    }

    @Test func diagnosticHasErrorHeadAndHelpLine() throws {
        let lines = try entry(plain, startingWith: "dc/broken.yaml")
        #expect(lines[0] == "dc/broken.yaml:7:9: error[TL002] unknown key `uplink`")
        #expect(lines[1] == "  = help: did you mean `uplinks`?")  // no source for this file
    }

    @Test func missingSourceOmitsTheSnippet() throws {
        let out = TextReporter.render(ReportFixture.report(sources: false), options: ReportOptions())
        let lines = try entry(out, startingWith: "dc/fra1.yaml:3:3:")
        #expect(lines.count == 2)
        #expect(lines[1] == "  = fix: route between the sites")
        #expect(!out.contains("\n  3 | ") && !out.contains("\n    | "))
    }

    @Test func outOfRangeLocationsNeverCrash() {
        var f = ReportFixture.stretched
        for (line, column) in [(0, 0), (-3, 5), (99, 1), (3, 999), (1, -4)] {
            f.location = ReportFixture.at(ReportFixture.fra1, line, column)
            let report = LintReport(files: [ReportFixture.fra1], diagnostics: [], findings: [f], suppressed: [], rules: [],
                                    sources: [ReportFixture.fra1: Array(ReportFixture.fra1Source.utf8)])
            let out = TextReporter.render(report, options: ReportOptions())
            #expect(out.contains("TL200"))
            if line == 3 && column == 999 {
                // Past the end: the caret goes just after the line.
                let lineLength = "  web: {id: 100, gateway: fra1-core}".count
                #expect(out.contains("    | " + String(repeating: " ", count: lineLength) + "^\n"))
            }
        }
    }

    @Test func summaryLine() throws {
        let last = try #require(plain.split(separator: "\n").last)
        #expect(last == "1 error: file could not be loaded; 4 findings (1 critical, 1 high, 1 medium, 1 low), 1 suppressed, max score 9.4, 2 baselined")
        #expect(TextReporter.render(ReportFixture.clean, options: ReportOptions()) == "no findings\n")
        let loadOnly = LintReport(files: ["a", "b"], diagnostics: [
            Diagnostic(.yamlSyntax, "x", at: ReportFixture.at("a", 1, 1)), Diagnostic(.duplicate, "y", at: ReportFixture.at("b", 2, 1)),
        ], findings: [], suppressed: [], rules: [])
        let out = TextReporter.render(loadOnly, options: ReportOptions())
        #expect(out.hasSuffix("\n2 errors: 2 files could not be loaded\n"))
    }

    @Test func noEscapesWithoutColourAndEscapesWithIt() {
        #expect(!plain.contains("\u{1B}"))
        let coloured = TextReporter.render(ReportFixture.report(), options: ReportOptions(color: true))
        #expect(coloured.contains("\u{1B}[1;31mcritical\u{1B}[0m"))
        // High is red but not bold: told apart from critical at a glance.
        #expect(coloured.contains("\u{1B}[31mhigh\u{1B}[0m"))
        #expect(TextReporter.severityStyle(.critical) != TextReporter.severityStyle(.high))
        #expect(coloured.contains("\u{1B}[33mmedium\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[36mlow\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1mTL200\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;31m^\u{1B}[0m"))
        // Stripping the escapes gives back the plain output.
        #expect(stripANSI(coloured) == plain)
    }

    @Test func controlCharactersFromTheFileNeverReachTheTerminal() {
        var f = ReportFixture.stretched
        f.message = "VLAN \u{1B}[2Jweb\nsecond"
        let report = LintReport(files: [ReportFixture.fra1], diagnostics: [], findings: [f], suppressed: [], rules: [],
                                sources: [ReportFixture.fra1: Array("a\nb\n  w\u{1B}b: 1\n".utf8)])
        let out = TextReporter.render(report, options: ReportOptions())
        #expect(!out.contains("\u{1B}"))
        #expect(out.contains("VLAN \u{FFFD}[2Jweb\u{FFFD}second"))
    }

    func stripANSI(_ s: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in s.unicodeScalars {
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            if scalar == "\u{1B}" { inEscape = true; continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
