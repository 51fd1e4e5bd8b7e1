import TopolintCore

/// The `lint` JSON of docs/report.md: the format scripts and other tools build on, so every key
/// listed there keeps its name and meaning.
public struct JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = "the JSON report documented in docs/report.md, for scripts"

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        // Written as bytes into one buffer sized for the report (findings take about 700
        // bytes each), not grown one scalar at a time as a String.
        JSONBytes.text(ReportJSON.lint(report), pretty: true,
                       capacity: 768 * (report.findings.count + report.suppressed.count) + 4096)
    }
}

/// The JSON objects of docs/report.md, public so that commands other than `lint` (`what-if`
/// lists findings too) write findings exactly as `lint` does.
public enum ReportJSON {
    public static func lint(_ report: LintReport) -> JSONValue {
        .object([
            ("tool", tool),
            ("summary", report.summary.json),
            ("diagnostics", .array(report.diagnostics.map(diagnostic))),
            ("findings", .array(report.findings.map(finding))),
            ("suppressed", .array(report.suppressed.map(suppressed))),
            ("baselined", .int(report.baselined)),
        ])
    }

    public static var tool: JSONValue {
        .object([("name", .string(Project.name)), ("version", .string(Project.version))])
    }

    public static func location(_ location: SourceLocation) -> JSONValue {
        .object([
            ("file", .string(location.file)), ("line", .int(location.line)),
            ("column", .int(location.column)),
        ])
    }

    public static func subject(_ subject: Subject) -> JSONValue {
        .object([("kind", .string(subject.kind)), ("name", .string(subject.name))])
    }

    public static func diagnostic(_ d: Diagnostic) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("rule", .string(d.code.id)), ("name", .string(d.code.name)),
            ("message", .string(d.message)), ("location", location(d.location)),
        ]
        if let help = d.help { pairs.append(("help", .string(help))) }
        return .object(pairs)
    }

    public static func finding(_ f: Finding) -> JSONValue {
        .object([
            ("rule", .string(f.ruleID)), ("name", .string(f.ruleName)),
            ("score", .double(f.score)), ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message)), ("fix", .string(f.fix)),
            ("subject", subject(f.subject)), ("location", location(f.location)),
            ("context", .object(f.context)), ("fingerprint", .string(f.fingerprint)),
        ])
    }

    /// A suppressed finding keeps its score, message and fingerprint, so an audit can see
    /// what an `ignore` hides and a baseline can match it.
    public static func suppressed(_ s: SuppressedFinding) -> JSONValue {
        let f = s.finding
        return .object([
            ("rule", .string(f.ruleID)), ("name", .string(f.ruleName)),
            ("subject", subject(f.subject)), ("reason", .string(s.reason)),
            ("location", location(f.location)), ("score", .double(f.score)),
            ("severity", .string(f.severity.rawValue)), ("message", .string(f.message)),
            ("fingerprint", .string(f.fingerprint)),
            ("ignore_location", location(s.ignoreLocation)),
        ])
    }
}
