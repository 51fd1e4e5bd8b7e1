import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("GitHub reporter")
struct ReportersGitHubTests {
    struct Command {
        var level: String
        var properties: [String: String]
        var message: String
    }

    /// Parses a workflow command the way the runner does: properties split at `,`, each at
    /// its first `=`, then every value unescaped.
    func parse(_ line: Substring) throws -> Command {
        #expect(line.hasPrefix("::"))
        let body = line.dropFirst(2)
        let end = try #require(body.range(of: "::"))
        let head = body[..<end.lowerBound], message = body[end.upperBound...]
        let space = try #require(head.firstIndex(of: " "))
        var properties: [String: String] = [:]
        for pair in head[head.index(after: space)...].split(separator: ",") {
            let eq = try #require(pair.firstIndex(of: "="))
            properties[String(pair[..<eq])] = unescape(pair[pair.index(after: eq)...])
        }
        return Command(level: String(head[..<space]), properties: properties, message: unescape(message))
    }

    func unescape(_ s: Substring) -> String {
        s.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
            .replacingOccurrences(of: "%25", with: "%")
    }

    @Test func oneCommandPerEntryWithLevelsBySeverity() throws {
        let out = GitHubReporter.render(ReportFixture.report(), options: ReportOptions())
        #expect(out.hasSuffix("\n"))
        let lines = out.split(separator: "\n")
        #expect(lines.count == 5)  // 1 diagnostic + 4 findings; suppressed findings are not annotated
        let commands = try lines.map(parse)
        #expect(commands.map(\.level) == ["error", "notice", "error", "error", "warning"])
        let d = commands[0]
        #expect(d.properties["title"] == "TL002 schema")
        #expect(d.properties["file"] == ReportFixture.broken)
        #expect(d.properties["line"] == "7" && d.properties["col"] == "9")
        #expect(d.message == "unknown key `uplink` (did you mean `uplinks`?)")
        let tl200 = try #require(commands.first { $0.properties["title"]?.hasPrefix("TL200") == true })
        #expect(tl200.properties["title"] == "TL200 stretched-vlan (9.4 critical)")
        #expect(tl200.message == ReportFixture.stretched.message + ". Fix: route between the sites")
        let tl400 = try #require(commands.first { $0.properties["title"]?.hasPrefix("TL400") == true })
        // Line breaks round-trip through the escapes; other control characters are defused.
        #expect(tl400.message == ReportFixture.trickyMessage.replacing("\u{1}", with: "\u{FFFD}") + ". Fix: add a gateway in ams1")
    }

    @Test func escapingMatchesTheActionsToolkit() throws {
        var f = ReportFixture.stretched
        f.location.file = "dir/we,ird:100%\r\n.yaml"
        f.ruleName = "odd,name:x"
        f.message = "50% done\r\nnext: a, b"
        f.fix = ""
        let out = GitHubReporter.render(LintReport(files: [], diagnostics: [], findings: [f], suppressed: [], rules: []),
                                        options: ReportOptions())
        #expect(out == "::error file=dir/we%2Cird%3A100%25%0D%0A.yaml,line=3,col=3,"
                + "title=TL200 odd%2Cname%3Ax (9.4 critical)::50%25 done%0D%0Anext: a, b\n")
        let command = try parse(try #require(out.split(separator: "\n").first))
        #expect(command.properties["file"] == f.location.file)
        #expect(command.properties["title"] == "TL200 odd,name:x (9.4 critical)")
        #expect(command.message == f.message)
    }

    @Test func escapeFunctions() {
        #expect(GitHubReporter.escapeData("%\r\n:,") == "%25%0D%0A:,")
        #expect(GitHubReporter.escapeProperty("%\r\n:,") == "%25%0D%0A%3A%2C")
        // Other control characters never reach the log: an ANSI escape in a name is defused.
        #expect(GitHubReporter.escapeData("ctl\u{01}\u{1B}[31mred\t") == "ctl\u{FFFD}\u{FFFD}[31mred\u{FFFD}")
        #expect(GitHubReporter.escapeProperty("a\u{1B}b") == "a\u{FFFD}b")
    }

    @Test func cleanReportWritesNothing() {
        #expect(GitHubReporter.render(ReportFixture.clean, options: ReportOptions()) == "")
    }
}
