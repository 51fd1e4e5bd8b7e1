import TopolintCore
import TopolintYAML

/// Typed reads from a YAML document that record located diagnostics, for rule packs and
/// `.topolint.yaml` (the topology loader has its own, richer reader).
struct YAMLFields {
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

    mutating func string(_ node: YAMLNode, what: String) -> String? {
        guard doc.kind(node) == .scalar, !doc.isNull(node) else {
            error(.schema, "\(what) must be text", at: node)
            return nil
        }
        return doc.string(node)
    }

    mutating func number(_ node: YAMLNode, what: String, minimum: Double = 0) -> Double? {
        guard doc.kind(node) == .scalar, !doc.isQuoted(node), let value = Double(doc.string(node)), value.isFinite else {
            error(.schema, "\(what) must be a number", at: node)
            return nil
        }
        guard value >= minimum else {
            error(.schema, "\(what) must be at least \(JSONValue.double(minimum).serialized())", at: node)
            return nil
        }
        return value
    }

    mutating func integer(_ node: YAMLNode, what: String, minimum: Int = 0) -> Int? {
        guard doc.kind(node) == .scalar, !doc.isQuoted(node), let value = Int(doc.string(node)) else {
            error(.schema, "\(what) must be a whole number", at: node)
            return nil
        }
        guard value >= minimum else {
            error(.schema, "\(what) must be at least \(minimum)", at: node)
            return nil
        }
        return value
    }

    mutating func boolean(_ node: YAMLNode, what: String) -> Bool? {
        if doc.kind(node) == .scalar, !doc.isQuoted(node) {
            switch doc.string(node) {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        error(.schema, "\(what) must be true or false", at: node)
        return nil
    }

    mutating func choice(_ node: YAMLNode, _ choices: [String], what: String) -> String? {
        guard let value = string(node, what: what) else { return nil }
        guard choices.contains(value) else {
            error(.schema, "\(what) is '\(value)', not one of \(choices.joined(separator: ", "))", at: node,
                  help: closestMatch(to: value, among: choices).map { "did you mean '\($0)'?" })
            return nil
        }
        return value
    }

    mutating func stringList(_ node: YAMLNode, what: String) -> [(String, YAMLNode)]? {
        let items = doc.kind(node) == .sequence ? doc.items(node) : [node]
        var result: [(String, YAMLNode)] = []
        for item in items {
            guard let s = string(item, what: "an item of \(what)") else { return nil }
            result.append((s, item))
        }
        return result
    }
}
