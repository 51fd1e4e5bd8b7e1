import TopolintCore
import TopolintYAML

/// `.topolint-baseline.json`: today's findings by fingerprint and severity, so `lint
/// --baseline` reports only what is new or worse.
///
/// Fingerprints leave out line numbers and paths (they use the topology's name), so edits
/// elsewhere, and renaming or moving a file, keep them. A recorded finding comes back as new
/// when its severity rose: high at 12 ms is not the same news as critical at 30 ms.
/// Baselines of earlier releases (fingerprints on the path as given, no severity) still
/// match, by the finding's legacy fingerprint and whatever its severity.
enum Baseline {
    /// One recorded finding: the severity it had, nil for entries that do not say.
    typealias Known = [String: Severity?]

    /// `file` is informative (relative to the repository root, so the file reads the same
    /// from any working directory); matching uses the fingerprint and severity only.
    static func render(_ findings: [Finding], relativePath: (String) -> String) -> String {
        let entries: [JSONValue] = findings.sorted(by: Finding.reportOrder).map { f in
            .object([("fingerprint", .string(f.fingerprint)), ("rule", .string(f.ruleID)),
                     ("severity", .string(f.severity.rawValue)), ("score", .double(f.score)),
                     ("topology", .string(f.topology)),
                     ("subject", .string("\(f.subject.kind) \(f.subject.name)")),
                     ("file", .string(relativePath(f.location.file))),
                     ("message", .string(f.message))])
        }
        let json = JSONValue.object([("tool", .string(Project.name)), ("version", .int(2)), ("findings", .array(entries))])
        return json.serialized(pretty: true) + "\n"
    }

    /// The fingerprints a baseline records. JSON is read with the YAML reader (JSON is
    /// YAML), so a corrupt baseline is reported at its line and column.
    static func load(path: String) -> Result<Known, BaselineError> {
        let bytes: [UInt8]
        do { bytes = try SourceFile.read(path: path) } catch {
            return .failure(BaselineError(unreadable: "cannot read baseline \(path): \(SourceFile.reason(error))"))
        }
        let parsed = YAMLReader.parse(bytes, file: path)
        guard let doc = parsed.document, parsed.diagnostics.isEmpty else {
            // Said as every other baseline error is: where, then what (the parser's words
            // for an empty file are about topology files).
            if parsed.isEmpty { return .failure(BaselineError(invalid: "\(path):1:1: not a topolint baseline: the file is empty")) }
            let first = parsed.diagnostics.first.map { "\($0.location.file):\($0.location.line):\($0.location.column): not a topolint baseline: \($0.message)" }
            return .failure(BaselineError(invalid: first ?? "\(path):1:1: not a topolint baseline: the file is empty"))
        }
        func invalid(_ node: YAMLNode, _ what: String) -> Result<Known, BaselineError> {
            let at = doc.location(node)
            return .failure(BaselineError(invalid: "\(path):\(at.line):\(at.column): not a topolint baseline: \(what) (expected {\"findings\": [{\"fingerprint\": ...}]})"))
        }
        guard doc.kind(doc.root) == .mapping else { return invalid(doc.root, "the top level is not an object") }
        guard let list = doc.lookup(doc.root, "findings") else { return invalid(doc.root, "no \"findings\" list") }
        guard doc.kind(list) == .sequence else { return invalid(list, "\"findings\" is not a list") }
        var known: Known = [:]
        for entry in doc.items(list) {
            guard doc.kind(entry) == .mapping, let fingerprint = doc.lookup(entry, "fingerprint"),
                  doc.kind(fingerprint) == .scalar, !doc.isNull(fingerprint) else {
                return invalid(entry, "an entry without a \"fingerprint\"")
            }
            // JSON text is quoted: a bare 5 or true is no fingerprint topolint wrote.
            guard doc.isQuoted(fingerprint) else { return invalid(fingerprint, "the fingerprint \(doc.string(fingerprint)) is not text") }
            // A severity, when given, must be one: a misspelt one read as "none" would cover
            // the finding at any severity, hiding one that rose.
            var severity: Severity? = nil
            if let node = doc.lookup(entry, "severity"), !doc.isNull(node) {
                guard doc.kind(node) == .scalar, let value = Severity(rawValue: doc.string(node)) else {
                    let shown = doc.kind(node) == .scalar ? "'\(doc.string(node))'" : "not text"
                    return invalid(node, "the severity \(shown) is not one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                severity = value
            }
            // The same fingerprint twice (two files of one design name): keep the one that
            // covers more, whatever their order (no severity, of an earlier release, covers all).
            if let existing = known[doc.string(fingerprint)] {
                guard let old = existing else { continue }
                if let severity, severity < old { continue }
            }
            known[doc.string(fingerprint)] = severity
        }
        return .success(known)
    }

    /// The findings the baseline does not cover, and how many it did.
    static func apply(_ known: Known, to findings: [Finding]) -> (findings: [Finding], baselined: Int) {
        let kept = findings.filter { !covers(known, $0) }
        return (kept, findings.count - kept.count)
    }

    static func covers(_ known: Known, _ f: Finding) -> Bool {
        // This release's fingerprint, then the one of a release that identified the finding
        // by other facts (a baseline it recorded still holds).
        for fingerprint in [f.fingerprint, f.earlierFingerprint].compactMap({ $0 }) {
            if let recorded = known[fingerprint] {
                guard let recorded else { return true }
                return f.severity <= recorded
            }
        }
        // Written by an earlier release: its key, and no severity to compare.
        return known[f.legacyFingerprint] != nil
    }
}

/// A baseline that cannot be used: unreadable (exit status 3) or not a baseline (2).
struct BaselineError: Error, CustomStringConvertible {
    var description: String
    var isIOError: Bool
    init(unreadable description: String) { self.description = description; isIOError = true }
    init(invalid description: String) { self.description = description; isIOError = false }
}
