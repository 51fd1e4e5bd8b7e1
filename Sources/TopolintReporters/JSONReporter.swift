import TopolintCore

/// The `lint` JSON described in docs/report.md#3-the-json-of-lint: the format scripts and other tools build on, so every key
/// listed there keeps its name and meaning.
public struct JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = "the JSON report documented in docs/report.md, for scripts"

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        String(decoding: renderBytes(report, options: options), as: UTF8.self)
    }

    /// Written as bytes into one buffer with room for the report (findings take 700 to
    /// 1000 bytes each; see `ByteBuffer.roomPerEntry`), one finding at a time and without building its JSON value (`FindingJSON`),
    /// so the report never exists twice (as values and as text). The bytes are those of
    /// `ReportJSON.lint(report)` serialized whole.
    public static func renderBytes(_ report: LintReport, options: ReportOptions) -> [UInt8] {
        var out = ByteBuffer(capacity: 2 * ByteBuffer.roomPerEntry * (report.findings.count + report.suppressed.count) + 4096)
        write(report, to: &out)
        return out.bytes
    }

    /// The same bytes, handed to `sink` a mebibyte at a time as they are made.
    public static func write(_ report: LintReport, options: ReportOptions, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var out = ByteBuffer(sink: sink)
            write(report, to: &out)
            out.flush()
        }
    }

    private static func write(_ report: LintReport, to out: inout ByteBuffer) {
        out.append("{\n  \"tool\": " as StaticString)
        JSONBytes.write(ReportJSON.tool, pretty: true, indent: 1, to: &out)
        out.append(",\n  \"summary\": " as StaticString)
        JSONBytes.write(report.summary.json, pretty: true, indent: 1, to: &out)
        out.append(",\n  \"diagnostics\": " as StaticString)
        JSONBytes.writeArray(report.diagnostics, indent: 1, to: &out) { ReportJSON.diagnostic($0) }
        out.append(",\n  \"findings\": " as StaticString)
        JSONBytes.writeArray(report.findings, indent: 1, to: &out, writeItem: FindingJSON.write)
        out.append(",\n  \"suppressed\": " as StaticString)
        JSONBytes.writeArray(report.suppressed, indent: 1, to: &out, writeItem: FindingJSON.write)
        out.append(",\n  \"baselined\": " as StaticString)
        out.append(report.baselined)
        out.append("\n}\n" as StaticString)
    }
}

/// The JSON objects described in docs/report.md#3-the-json-of-lint to #5-the-json-of-what-if (lint's, domains' and
/// what-if's JSON), public so that commands other than `lint` (`what-if` lists
/// findings too) write findings exactly as `lint` does.
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
