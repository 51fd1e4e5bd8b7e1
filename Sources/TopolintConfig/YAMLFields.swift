import TopolintCore
import TopolintYAML
import TopolintModel

/// Reads rule packs and `.topolint.yaml`: mappings with known keys here, and the typed
/// values (numbers, booleans, text, lists) through the readers the topology loader uses,
/// so a value means the same in every file topolint reads.
struct YAMLFields: YAMLValueReading {
    let doc: YAMLDocument
    var diagnostics: [Diagnostic] = []

    init(_ doc: YAMLDocument) { self.doc = doc }

    mutating func error(_ code: DiagnosticCode, _ message: String, at node: YAMLNode, help: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: doc.location(node), help: help))
    }

    /// The pairs of a mapping whose keys are all in `allowed` (unknown keys are reported with
    /// a suggestion). nil when the node is not a mapping.
    mutating func mapping(_ node: YAMLNode, allowed: [String]?, what: String) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        if doc.isNull(node) { return [] }
        guard doc.kind(node) == .mapping else {
            error(.schema, "\(what) must be a mapping", at: node)
            return nil
        }
        var result: [(String, YAMLNode, YAMLNode)] = []
        for i in 0..<doc.count(node) {
            let k = doc.key(node, i)
            guard doc.kind(k) == .scalar else {
                error(.schema, "keys in \(what) must be plain names", at: k)
                continue
            }
            let name = doc.string(k)
            if let allowed, !allowed.contains(name) {
                error(.schema, "unknown key '\(name)' in \(what)", at: k,
                      help: closestMatch(to: name, among: allowed).map { "did you mean '\($0)'?" } ?? "known keys: \(allowed.joined(separator: ", "))")
                continue
            }
            result.append((name, k, doc.value(node, i)))
        }
        return result
    }
}
