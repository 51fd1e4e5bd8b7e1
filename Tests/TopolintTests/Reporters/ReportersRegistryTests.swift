import Foundation
import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("Reporters registry")
struct ReportersRegistryTests {
    @Test func everyFormatIsRegisteredUnderItsID() {
        #expect(Reporters.ids == ["text", "json", "sarif", "junit", "github", "gitlab", "markdown", "html"])
        for id in Reporters.ids {
            let reporter = Reporters.reporter(for: id)
            #expect(reporter?.id == id)
            #expect(reporter?.summary.isEmpty == false)
        }
        #expect(Reporters.reporter(for: "yaml") == nil)
        #expect(Reporters.all.count == Reporters.ids.count)
    }

    /// The findings a rendered report shows, as "rule file:line", read back from each
    /// format's own structure (JSON keys, XML elements, annotation lines, table rows).
    static func shownFindings(_ output: String, format: String) throws -> [String] {
        func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
        func row(_ rule: Any?, _ file: Any?, _ line: Any?) -> String { "\(rule ?? "-") \(file ?? "-"):\(line ?? "-")" }
        switch format {
        case "json":
            let findings = (try json(output) as? [String: Any])?["findings"] as? [[String: Any]] ?? []
            return findings.map { f in
                let at = f["location"] as? [String: Any]
                return row(f["rule"], at?["file"], at?["line"])
            }
        case "sarif":
            let runs = (try json(output) as? [String: Any])?["runs"] as? [[String: Any]] ?? []
            let results = runs.flatMap { $0["results"] as? [[String: Any]] ?? [] }.filter { $0["suppressions"] == nil }
            return results.map { r in
                let physical = ((r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                let file = (physical?["artifactLocation"] as? [String: Any])?["uri"]
                return row(r["ruleId"], file, (physical?["region"] as? [String: Any])?["startLine"])
            }
        case "gitlab":
            let issues = try json(output) as? [[String: Any]] ?? []
            return issues.map { i in
                let at = i["location"] as? [String: Any]
                let rule = (i["check_name"] as? String)?.split(separator: " ").first.map(String.init)
                return row(rule, at?["path"], (at?["lines"] as? [String: Any])?["begin"])
            }
        case "text":
            return Self.groups(#"(?m)^(\S+):(\d+):\d+: \w+ \[[\d.]+\] (TL\d+) "#, in: output).map { "\($0[2]) \($0[0]):\($0[1])" }
        case "github":
            return Self.groups(#"(?m)^::\w+ file=([^,]+),line=(\d+),col=\d+,title=(TL\d+) "#, in: output).map { "\($0[2]) \($0[0]):\($0[1])" }
        case "markdown":
            // One section per rule (`#### [TL200 name](page): N findings`), its rows below it;
            // the suppressed findings' <details> at the end is not part of them.
            var shown: [String] = [], rule = ""
            for line in output.components(separatedBy: "<details><summary>1 suppressed")[0].split(separator: "\n") {
                if let heading = Self.groups(#"^#### \[(TL\d+) "#, in: String(line)).first { rule = heading[0]; continue }
                if let row = Self.groups(#"^\| \w+ \| [\d.]+ \| ([^|]+):(\d+):\d+ \|"#, in: String(line)).first {
                    shown.append("\(rule) \(row[0]):\(row[1])")
                }
            }
            return shown
        case "junit":
            return Self.groups(#"name="(TL\d+) [^"]*">\s*<failure [^>]*>([^:<]+):(\d+):\d+ "#, in: output).map { "\($0[0]) \($0[1]):\($0[2])" }
        case "html":
            // One table row per finding, with its rule as data and its location in a cell.
            return Self.groups(#"(?s)<tr class="sev-[^"]*" data-severity="\w+" data-score="[\d.]+" data-rule="(TL\d+)"[^>]*>.*?<td class="loc">([^<]+):(\d+):\d+</td>"#, in: output)
                .map { "\($0[0]) \($0[1]):\($0[2])" }
        default:
            Issue.record("no reader for format \(format): teach this test to read it")
            return []
        }
    }

    static func strippingANSI(_ text: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*m") else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: "")
    }

    static func groups(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) }
        }
    }

    @Test(arguments: Reporters.ids)
    func everyReporterShowsExactlyTheReportsFindings(format: String) throws {
        let options = ReportOptions(color: false, repositoryRoot: "/repo")
        let empty = LintReport(files: [], diagnostics: [], findings: [], suppressed: [], rules: [])
        for report in [empty, ReportFixture.clean, ReportFixture.report(), ReportFixture.report(sources: false)] {
            let out = try #require(Reporters.render(report, format: format, options: options))
            // Code-scanning formats carry load errors as results of their own, next to findings.
            let loadErrorsAsResults = ["sarif", "github", "gitlab"].contains(format)
            let expected = report.findings.map { "\($0.ruleID) \($0.location.file):\($0.location.line)" }
                + (loadErrorsAsResults ? report.diagnostics.map { "\($0.code.id) \($0.location.file):\($0.location.line)" } : [])
            let shown = try Self.shownFindings(out, format: format)
            #expect(shown.sorted() == expected.sorted(), "\(format): \(shown) in\n\(out)")
            // Colour changes how text looks, never what it says.
            let colored = try #require(Reporters.render(report, format: format, options: ReportOptions(color: true, repositoryRoot: "/repo")))
            #expect(Self.strippingANSI(colored) == out, "\(format)")
            // Load errors are shown by every format, with their code and line.
            for d in report.diagnostics {
                #expect(out.contains(d.code.id) && out.contains(String(d.location.line)), "\(format) hides \(d.oneLine)")
            }
            // The suppressed finding is never shown as a finding, and its reason is kept
            // wherever the format has room for it.
            for s in report.suppressed where ["json", "sarif", "markdown"].contains(format) {
                #expect(out.contains(s.reason), "\(format) drops the reason of \(s.finding.ruleID)")
            }
        }
        #expect(Reporters.render(empty, format: "nope") == nil)
    }

    @Test func renderingIsDeterministic() {
        for id in Reporters.ids {
            let a = Reporters.render(ReportFixture.report(), format: id)
            let b = Reporters.render(ReportFixture.report(), format: id)
            #expect(a == b, "\(id)")
        }
    }
}
