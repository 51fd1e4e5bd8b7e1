import TopolintCore

/// Findings written as pretty JSON straight into a buffer: the bytes of
/// `ReportJSON.finding(f)` and `ReportJSON.suppressed(s)` printed by `JSONBytes.write`,
/// without building either value. A findings-heavy report has tens of thousands of them,
/// and building each value (an array of pairs, a box per member) cost more than writing it.
enum FindingJSON {
    static func write(_ f: Finding, indent: Int, to out: inout ByteBuffer) {
        var object = JSONBytes.Object(indent: indent)
        object.member("\"rule\": ", to: &out)
        out.appendJSONString(f.ruleID)
        object.member("\"name\": ", to: &out)
        out.appendJSONString(f.ruleName)
        object.member("\"score\": ", to: &out)
        JSONBytes.writeDouble(f.score, to: &out)
        object.member("\"severity\": ", to: &out)
        out.appendJSONString(f.severity.rawValue)
        object.member("\"message\": ", to: &out)
        out.appendJSONString(f.message)
        object.member("\"fix\": ", to: &out)
        out.appendJSONString(f.fix)
        object.member("\"subject\": ", to: &out)
        write(f.subject, indent: indent + 1, to: &out)
        object.member("\"location\": ", to: &out)
        write(f.location, indent: indent + 1, to: &out)
        object.member("\"context\": ", to: &out)
        JSONBytes.write(.object(f.context), pretty: true, indent: indent + 1, to: &out)
        object.member("\"fingerprint\": ", to: &out)
        out.appendJSONString(f.fingerprint)
        object.close(to: &out)
    }

    static func write(_ s: SuppressedFinding, indent: Int, to out: inout ByteBuffer) {
        let f = s.finding
        var object = JSONBytes.Object(indent: indent)
        object.member("\"rule\": ", to: &out)
        out.appendJSONString(f.ruleID)
        object.member("\"name\": ", to: &out)
        out.appendJSONString(f.ruleName)
        object.member("\"subject\": ", to: &out)
        write(f.subject, indent: indent + 1, to: &out)
        object.member("\"reason\": ", to: &out)
        out.appendJSONString(s.reason)
        object.member("\"location\": ", to: &out)
        write(f.location, indent: indent + 1, to: &out)
        object.member("\"score\": ", to: &out)
        JSONBytes.writeDouble(f.score, to: &out)
        object.member("\"severity\": ", to: &out)
        out.appendJSONString(f.severity.rawValue)
        object.member("\"message\": ", to: &out)
        out.appendJSONString(f.message)
        object.member("\"fingerprint\": ", to: &out)
        out.appendJSONString(f.fingerprint)
        object.member("\"ignore_location\": ", to: &out)
        write(s.ignoreLocation, indent: indent + 1, to: &out)
        object.close(to: &out)
    }

    static func write(_ subject: Subject, indent: Int, to out: inout ByteBuffer) {
        var object = JSONBytes.Object(indent: indent)
        object.member("\"kind\": ", to: &out)
        out.appendJSONString(subject.kind)
        object.member("\"name\": ", to: &out)
        out.appendJSONString(subject.name)
        object.close(to: &out)
    }

    static func write(_ location: SourceLocation, indent: Int, to out: inout ByteBuffer) {
        var object = JSONBytes.Object(indent: indent)
        object.member("\"file\": ", to: &out)
        out.appendJSONString(location.file)
        object.member("\"line\": ", to: &out)
        out.append(location.line)
        object.member("\"column\": ", to: &out)
        out.append(location.column)
        object.close(to: &out)
    }
}
