import TopolintCore

/// GitHub-flavoured Markdown for a pull request comment or `$GITHUB_STEP_SUMMARY`: counts
/// first, then a table of rules with their counts, then the findings grouped by rule, worst
/// rule first and worst finding first within it. Each rule shows its few worst findings and
/// folds the rest into `<details>`, so a comment on a design with hundreds of findings still
/// opens on a page of headlines. Past `listedLimit` rows the folded tails stop listing and
/// say how many they leave out (GitHub refuses comments over 65,536 characters).
public struct MarkdownReporter: Reporter {
    public static let id = "markdown"
    public static let summary = "Markdown tables, for pull request comments and job summaries"

    /// Findings shown open under each rule.
    static let shownPerRule = 3
    /// Finding rows listed in all (open and folded) before the tails stop listing.
    static let listedLimit = 150

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        let summary = report.summary
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
            blocks += findingBlocks(report.findings, options: options)
        } else if report.diagnostics.isEmpty {
            blocks.append("No findings.")
        }

        if !report.suppressed.isEmpty {
            // Folded: suppressed findings were accepted on purpose, but a reviewer may want
            // to see what an `ignore` hides.
            blocks.append("<details><summary>\(Format.count(report.suppressed.count, "suppressed finding"))</summary>\n\n"
                + table(["Severity", "Score", "Rule", "Location", "Reason"], numeric: [1], rows: report.suppressed.map { s in
                    let f = s.finding
                    return [f.severity.rawValue, Format.score(f.score), ruleCell(f, options),
                            cell(f.location.description), cell(s.reason)]
                }) + "\n\n</details>")
        }

        if report.baselined > 0 {
            blocks.append("_\(Format.count(report.baselined, "finding")) recorded in the baseline not shown._")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The rules table and one section per rule, worst rule first.
    static func findingBlocks(_ findings: [Finding], options: ReportOptions) -> [String] {
        let groups = Dictionary(grouping: findings, by: \.ruleID).values
            .map { $0.sorted(by: FindingSort.worstFirst) }
            .sorted { a, b in
                if a[0].ruleID == b[0].ruleID { return false }
                return FindingSort.worstFirst(a[0], b[0])
            }
        let bands = Array(Severity.allCases.reversed())
        var blocks = ["### Findings by rule"]
        blocks.append(table(["Rule", "Findings"] + bands.map(\.rawValue) + ["Max score"], numeric: Set(1...6),
                            rows: groups.map { group in
            [ruleCell(group[0], options), String(group.count)]
                + bands.map { band in String(group.filter { $0.severity == band }.count) }
                + [Format.score(group[0].score)]
        }))

        let header = ["Severity", "Score", "Location", "Subject", "Message"]
        func rows(_ slice: ArraySlice<Finding>) -> [[String]] {
            slice.map { f in
                var message = cell(f.message)
                if !f.fix.isEmpty { message += "<br>*Fix:* " + cell(f.fix) }
                return [f.severity.rawValue, Format.score(f.score), cell(f.location.description),
                        cell("\(f.subject.kind) \(f.subject.name)"), message]
            }
        }
        var listed = 0
        for group in groups {
            let title = ruleCell(group[0], options)
            var block = "#### \(title): \(Format.count(group.count, "finding"))\n\n"
            let open = group.prefix(shownPerRule)
            block += table(header, numeric: [1], rows: rows(open))
            listed += open.count
            let tail = group.dropFirst(shownPerRule)
            if !tail.isEmpty {
                let room = max(0, listedLimit - listed)
                let shown = tail.prefix(room)
                listed += shown.count
                block += "\n\n<details><summary>\(tail.count) more \(cell(Format.ruleTitle(group[0]))) "
                    + "finding\(tail.count == 1 ? "" : "s")</summary>\n\n"
                if !shown.isEmpty { block += table(header, numeric: [1], rows: rows(shown)) }
                if shown.count < tail.count {
                    block += (shown.isEmpty ? "" : "\n\n") + "_\(tail.count - shown.count) not listed here; "
                        + "the JSON or SARIF report has every finding._"
                }
                block += "\n\n</details>"
            }
            blocks.append(block)
        }
        return blocks
    }

    /// `[TL200 stretched-vlan](help page)`.
    static func ruleCell(_ f: Finding, _ options: ReportOptions) -> String {
        "[\(cell(Format.ruleTitle(f)))](\(options.helpURI(id: f.ruleID, name: f.ruleName)))"
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
