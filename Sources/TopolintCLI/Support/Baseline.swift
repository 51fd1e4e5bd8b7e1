import TopolintCore
import TopolintYAML

/// `.topolint-baseline.json`: today's findings by fingerprint, so `lint --baseline` reports
/// only what is new. Fingerprints leave out line numbers, so edits elsewhere keep them.
enum Baseline {
    static func render(_ findings: [Finding]) -> String {
        let entries: [JSONValue] = findings.sorted(by: Finding.reportOrder).map { f in
            .object([("fingerprint", .string(f.fingerprint)), ("rule", .string(f.ruleID)),
                     ("subject", .string("\(f.subject.kind) \(f.subject.name)")), ("file", .string(f.location.file)),
                     ("message", .string(f.message))])
        }
        let json = JSONValue.object([("tool", .string(Project.name)), ("version", .int(1)), ("findings", .array(entries))])
        return json.serialized(pretty: true) + "\n"
    }

    /// The fingerprints a baseline records. JSON is read with the YAML reader (JSON is
    /// YAML), so a corrupt baseline is reported at its line and column.
    static func load(path: String) -> Result<Set<String>, BaselineError> {
        let bytes: [UInt8]
        do { bytes = try SourceFile.read(path: path) } catch {
            return .failure(BaselineError(unreadable: "cannot read baseline \(path): \(SourceFile.reason(error))"))
        }
        let parsed = YAMLReader.parse(bytes, file: path)
        guard let doc = parsed.document, parsed.diagnostics.isEmpty else {
            let first = parsed.diagnostics.first.map(\.oneLine) ?? "\(path):1:1: the baseline is empty"
            return .failure(BaselineError(invalid: "not a topolint baseline: " + first))
        }
        func invalid(_ node: YAMLNode, _ what: String) -> Result<Set<String>, BaselineError> {
            let at = doc.location(node)
            return .failure(BaselineError(invalid: "\(path):\(at.line):\(at.column): not a topolint baseline: \(what) (expected {\"findings\": [{\"fingerprint\": ...}]})"))
        }
        guard doc.kind(doc.root) == .mapping else { return invalid(doc.root, "the top level is not an object") }
        guard let list = doc.lookup(doc.root, "findings") else { return invalid(doc.root, "no \"findings\" list") }
        guard doc.kind(list) == .sequence else { return invalid(list, "\"findings\" is not a list") }
        var fingerprints = Set<String>()
        for entry in doc.items(list) {
            guard doc.kind(entry) == .mapping, let fingerprint = doc.lookup(entry, "fingerprint"),
                  doc.kind(fingerprint) == .scalar, !doc.isNull(fingerprint) else {
                return invalid(entry, "an entry without a \"fingerprint\"")
            }
            fingerprints.insert(doc.string(fingerprint))
        }
        return .success(fingerprints)
    }
}

/// A baseline that cannot be used: unreadable (exit status 3) or not a baseline (2).
struct BaselineError: Error, CustomStringConvertible {
    var description: String
    var isIOError: Bool
    init(unreadable description: String) { self.description = description; isIOError = true }
    init(invalid description: String) { self.description = description; isIOError = false }
}
