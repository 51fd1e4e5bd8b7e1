import TopolintCore

/// GitHub Actions workflow commands: each line becomes an annotation on the file and line,
/// shown in the run and on the pull request's diff. GitHub places an annotation only when
/// its path is relative to the workspace (the checkout), so paths go through the same
/// repository-root logic as SARIF and GitLab.
public struct GitHubReporter: Reporter {
    public static let id = "github"
    public static let summary = "GitHub Actions annotations (workflow commands)"

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        var out = ""
        for d in report.diagnostics {
            out += command("error", d.location, title: Format.ruleTitle(d), message: Format.messageWithHelp(d), options: options)
        }
        for f in report.findings {
            let title = "\(Format.ruleTitle(f)) (\(Format.score(f.score)) \(f.severity.rawValue))"
            out += command(level(f.severity), f.location, title: title, message: Format.messageWithFix(f), options: options)
        }
        return out
    }

    /// Annotation levels are error, warning and notice; high and critical findings are errors
    /// because they are what `--fail-on` stops a build for by default.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "notice"
        }
    }

    static func command(_ level: String, _ loc: SourceLocation, title: String, message: String,
                        options: ReportOptions) -> String {
        let properties = [
            "file=" + escapeProperty(Paths.display(loc.file, options: options)), "line=\(loc.line)", "col=\(loc.column)",
            "title=" + escapeProperty(title),
        ]
        return "::\(level) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    /// As `escapeData` in @actions/core: the runner splits commands at line breaks and
    /// decodes these three sequences in the message. Other control characters (an escape
    /// sequence in a name from a hostile file) would reach the log as they are: they
    /// become U+FFFD, as in the text report.
    static func escapeData(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case _ where Snippet.isControl(c): out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// As `escapeProperty` in @actions/core: also `:` and `,`, which separate the command's
    /// properties from each other and from the message.
    static func escapeProperty(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":": out += "%3A"
            case ",": out += "%2C"
            case _ where Snippet.isControl(c): out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
