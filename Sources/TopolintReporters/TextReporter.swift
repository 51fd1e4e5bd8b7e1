import TopolintCore

/// Human output in the style of rustc and ruff: a `file:line:col:` head that terminals and
/// editors turn into links, the offending source line with a caret, and the fix.
public struct TextReporter: Reporter {
    public static let id = "text"
    public static let summary = "human-readable, with source snippets (the default)"

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        let ansi = ANSI(enabled: options.color)
        var lines = SourceLines(report.sources)
        var entries: [String] = []

        for d in report.diagnostics {
            var entry = "\(clean(d.location.description)): \(ansi.apply(.redBold, "error"))"
                + "[\(ansi.apply(.bold, d.code.id))] \(clean(d.message))\n"
            entry += snippet(d.location, lines: &lines, caretStyle: .redBold, ansi: ansi)
            if let help = d.help, !help.isEmpty { entry += "  = help: \(clean(help))\n" }
            entries.append(entry)
        }

        for f in options.sort.sorted(report.findings) {
            let style = severityStyle(f.severity)
            var entry = "\(clean(f.location.description)): \(ansi.apply(style, f.severity.rawValue)) "
                + "[\(Format.score(f.score))] \(ansi.apply(.bold, f.ruleID)) \(clean(f.ruleName)): \(clean(f.message))\n"
            entry += snippet(f.location, lines: &lines, caretStyle: style, ansi: ansi)
            if !f.fix.isEmpty { entry += "  = fix: \(clean(f.fix))\n" }
            entries.append(entry)
        }

        var out = entries.joined(separator: "\n")
        if !entries.isEmpty { out += "\n" }
        let causes = RootCauses.find(report.findings)
        for cause in causes { out += "\(ansi.apply(.bold, "note")): \(clean(cause.line))\n" }
        if !causes.isEmpty { out += "\n" }
        out += summaryLine(report) + "\n"
        return out
    }

    /// Names in messages come from the file, and a YAML double-quoted string can hold any
    /// control character (`"\e[2J"`): none of them may reach the terminal, and a newline
    /// would split an entry's head line.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { Snippet.isControl($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if Snippet.isControl(scalar) { out += scalar == "\t" ? " " : "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    static func severityStyle(_ severity: Severity) -> ANSI.Style {
        switch severity {
        // Distinct, so a glance tells critical from high: bold red, then plain red.
        case .critical: .redBold
        case .high: .red
        case .medium: .yellow
        case .low: .cyan
        }
    }

    /// The gutter, the line and the caret; nothing at all when the line is unknown.
    static func snippet(_ loc: SourceLocation, lines: inout SourceLines, caretStyle: ANSI.Style,
                        ansi: ANSI) -> String {
        guard let shown = lines.snippet(loc.line, of: loc.file, column: loc.column) else { return "" }
        let number = String(loc.line)
        let blank = String(repeating: " ", count: number.count)
        let bar = ansi.apply(.blue, "|")
        let gutter = ansi.apply(.blue, number)
        return "  \(gutter) \(bar) \(shown.text)\n"
            + "  \(blank) \(bar) \(String(repeating: " ", count: shown.caretOffset))\(ansi.apply(caretStyle, "^"))\n"
    }

    /// One line: the counts that decide whether the run is clean.
    static func summaryLine(_ report: LintReport) -> String {
        var parts: [String] = []
        if !report.diagnostics.isEmpty {
            let files = Format.filesWithDiagnostics(report.diagnostics).count
            let what = files == 1 ? "file could not be loaded" : "\(files) files could not be loaded"
            parts.append(Format.count(report.diagnostics.count, "error") + ": " + what)
        }
        let summary = report.summary
        var findings: [String] = []
        if summary.findings > 0 {
            let bands = Severity.allCases.reversed().map { "\(summary.count($0)) \($0.rawValue)" }
            findings.append(Format.count(summary.findings, "finding") + " (" + bands.joined(separator: ", ") + ")")
        } else if report.diagnostics.isEmpty {
            findings.append("no findings")
        }
        if summary.suppressed > 0 { findings.append("\(summary.suppressed) suppressed") }
        if summary.findings > 0 { findings.append("max score \(Format.score(summary.maxScore))") }
        if report.baselined > 0 { findings.append("\(report.baselined) baselined") }
        if !findings.isEmpty { parts.append(findings.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
