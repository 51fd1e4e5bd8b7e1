import TopolintCore

/// GitHub-flavoured Markdown for a pull request comment or `$GITHUB_STEP_SUMMARY`: counts
/// first, then one table row per finding with the rule linked to its documentation.
public struct MarkdownReporter: Reporter {
    public static let id = "markdown"
    public static let summary = "Markdown tables, for pull request comments and job summaries"

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        let summary = report.summary
        let helpURIs = Dictionary(report.rules.map { ($0.id, $0.helpURI) }, uniquingKeysWith: { first, _ in first })
        var blocks: [String] = ["## \(Project.name)"]

        blocks.append(table(
            ["critical", "high", "medium", "low", "suppressed"], numeric: [0, 1, 2, 3, 4],
            rows: [[summary.count(.critical), summary.count(.high), summary.count(.medium),
                    summary.count(.low), summary.suppressed].map(String.init)]))

        if !report.diagnostics.isEmpty {
            let files = Format.filesWithDiagnostics(report.diagnostics).count
            blocks.append("### Load errors\n\n" + (files == 1
                    ? "1 file could not be loaded; no design findings are reported until it loads."
                    : "\(files) files could not be loaded; no design findings are reported until they load."))
            blocks.append(table(["Rule", "Location", "Message"], rows: report.diagnostics.map { d in
                var message = cell(d.message)
                if let help = d.help, !help.isEmpty { message += "<br>" + cell(help) }
                return [cell(Format.ruleTitle(d)), cell(d.location.description), message]
            }))
        }

        if !report.findings.isEmpty {
            blocks.append(table(["Severity", "Score", "Rule", "Location", "Message"], numeric: [1],
                                rows: report.findings.map { f in
                var message = cell(f.message)
                if !f.fix.isEmpty { message += "<br>*Fix:* " + cell(f.fix) }
                return [f.severity.rawValue, Format.score(f.score), ruleCell(f, helpURIs), cell(f.location.description), message]
            }))
        } else if report.diagnostics.isEmpty {
            blocks.append("No findings.")
        }

        if !report.suppressed.isEmpty {
            // Folded: suppressed findings were accepted on purpose, but a reviewer may want
            // to see what an `ignore` hides.
            blocks.append("<details><summary>\(Format.count(report.suppressed.count, "suppressed finding"))</summary>\n\n"
                + table(["Severity", "Score", "Rule", "Location", "Reason"], numeric: [1], rows: report.suppressed.map { s in
                    let f = s.finding
                    return [f.severity.rawValue, Format.score(f.score), ruleCell(f, helpURIs),
                            cell(f.location.description), cell(s.reason)]
                }) + "\n\n</details>")
        }

        if report.baselined > 0 {
            blocks.append("_\(Format.count(report.baselined, "finding")) recorded in the baseline not shown._")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// `[TL200 stretched-vlan](help page)`, or plain text for a rule without a descriptor.
    static func ruleCell(_ f: Finding, _ helpURIs: [String: String]) -> String {
        let title = cell(Format.ruleTitle(f))
        guard let uri = helpURIs[f.ruleID] else { return title }
        return "[\(title)](\(uri))"
    }

    static func table(_ header: [String], numeric: Set<Int> = [], rows: [[String]]) -> String {
        var lines = ["| " + header.joined(separator: " | ") + " |"]
        lines.append("| " + header.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |")
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }

    /// Text for a table cell: a `|` would end the cell and a line break the row, and names
    /// from the file must not turn into emphasis, links or HTML. Backslash escapes work for
    /// any ASCII punctuation in CommonMark; the backslash itself is escaped first so that
    /// `\|` in the input cannot unescape a pipe.
    static func cell(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\", "|", "`", "*", "_", "[", "]", "<", ">", "#", "~", "!":
                out += "\\" + String(scalar)
            case "&": out += "&amp;"
            case "\r": out += "<br>"
            case "\n": if !previousCR { out += "<br>" }
            case "\t": out += " "
            default:
                if Snippet.isControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
