import TopolintCore

/// Findings written as pretty JSON straight into a buffer: the bytes of
/// `ReportJSON.finding(f)` and `ReportJSON.suppressed(s)` printed by `JSONBytes.write`,
/// without building either value. A findings-heavy report has tens of thousands of them,
/// and building each value (an array of pairs, a box per member) cost more than writing it.
/// The members are in the order the example in docs/report.md#3-the-json-of-lint
/// shows, which differs between the two.
enum FindingJSON {
    static func write(_ f: Finding, indent: Int, to out: inout ByteBuffer) {
        var object = JSONBytes.Object(indent: indent)
        object.member("\"rule\": ", string: f.ruleID, to: &out)
        object.member("\"name\": ", string: f.ruleName, to: &out)
        object.member("\"score\": ", to: &out)
        JSONBytes.writeDouble(f.score, to: &out)
        object.member("\"severity\": ", string: f.severity.rawValue, to: &out)
        object.member("\"message\": ", string: f.message, to: &out)
        object.member("\"fix\": ", string: f.fix, to: &out)
        object.member("\"subject\": ", to: &out)
        write(f.subject, indent: indent + 1, to: &out)
        object.member("\"location\": ", to: &out)
        write(f.location, indent: indent + 1, to: &out)
        object.member("\"context\": ", to: &out)
        JSONBytes.write(.object(f.context), pretty: true, indent: indent + 1, to: &out)
        object.member("\"fingerprint\": ", string: f.fingerprint, to: &out)
        object.close(to: &out)
    }

    static func write(_ s: SuppressedFinding, indent: Int, to out: inout ByteBuffer) {
        let f = s.finding
        var object = JSONBytes.Object(indent: indent)
        object.member("\"rule\": ", string: f.ruleID, to: &out)
        object.member("\"name\": ", string: f.ruleName, to: &out)
        object.member("\"subject\": ", to: &out)
        write(f.subject, indent: indent + 1, to: &out)
        object.member("\"reason\": ", string: s.reason, to: &out)
        object.member("\"location\": ", to: &out)
        write(f.location, indent: indent + 1, to: &out)
        object.member("\"score\": ", to: &out)
        JSONBytes.writeDouble(f.score, to: &out)
        object.member("\"severity\": ", string: f.severity.rawValue, to: &out)
        object.member("\"message\": ", string: f.message, to: &out)
        object.member("\"fingerprint\": ", string: f.fingerprint, to: &out)
        object.member("\"ignore_location\": ", to: &out)
        write(s.ignoreLocation, indent: indent + 1, to: &out)
        object.close(to: &out)
    }

    static func write(_ subject: Subject, indent: Int, to out: inout ByteBuffer) {
        var object = JSONBytes.Object(indent: indent)
        object.member("\"kind\": ", string: subject.kind, to: &out)
        object.member("\"name\": ", string: subject.name, to: &out)
        object.close(to: &out)
    }

    static func write(_ location: SourceLocation, indent: Int, to out: inout ByteBuffer) {
        var object = JSONBytes.Object(indent: indent)
        object.member("\"file\": ", string: location.file, to: &out)
        object.member("\"line\": ", to: &out)
        out.append(location.line)
        object.member("\"column\": ", to: &out)
        out.append(location.column)
        object.close(to: &out)
    }
}
