import TopolintCore
import TopolintYAML

// What every entity shares: its location, description, tags and ignore; one reference
// that must stand for one entity; whether a value holds a placeholder.

extension Loader {
    func location(_ entry: Entry) -> SourceLocation { doc.location(entry.key) }

    /// description, tags and ignore, accepted on every entity.
    mutating func common(_ entry: Entry, kind: String, spec: EntitySpec) {
        if let node = field(entry.fields, spec, "description") { _ = plainString(node, what: "description") }
        if let node = field(entry.fields, spec, "tags") {
            if doc.kind(node) != .sequence {
                error(.schema, "tags must be a list of strings, not \(describe(node))", at: node)
            } else if let item = doc.items(node).first(where: { doc.kind($0) != .scalar }) {
                // At the item that is not a string: the list itself is right.
                error(.schema, "tags must be a list of strings; this item is \(describe(item))", at: item)
            }
        }
        guard let node = field(entry.fields, spec, "ignore") else { return }
        guard doc.kind(node) == .mapping else {
            error(.schema, "ignore must be a mapping from rule id or name to a reason, not \(describe(node))", at: node)
            return
        }
        for i in 0..<doc.count(node) {
            let key = doc.key(node, i), value = doc.value(node, i)
            guard let rule = plainString(key, what: "an ignore key") else { continue }
            if !options.ruleNames.isEmpty && !options.ruleNames.contains(rule) {
                error(.schema, "ignore names an unknown rule '\(rule)'", at: key,
                      help: closestMatch(to: rule, among: options.ruleNames).map { "did you mean '\($0)'?" })
                continue
            }
            guard doc.kind(value) == .scalar, !doc.isNull(value),
                  !doc.string(value).allSatisfy({ $0 == " " || $0 == "\t" }) else {
                error(.schema, "ignore of '\(rule)' needs a reason (why this finding is accepted), not \(describe(value))", at: value)
                continue
            }
            let reason = doc.string(value)
            // Every instance of a pattern times every ignore key: within the lookup budget.
            guard spend(entry.instances.count, at: key) else { return }
            for instance in entry.instances {
                topology.ignores.append(IgnoreEntry(subject: Subject(kind: kind, name: instance.name), rule: rule,
                                                    reason: reason, location: doc.location(key),
                                                    subjectLocation: doc.location(entry.key)))
            }
        }
    }

    /// One reference that must stand for exactly one entity.
    mutating func single(_ node: YAMLNode, kind: String, values: [String], what: @autoclosure () -> String) -> Int? {
        if let index = declaredName(node, kind: kind) { return spend(1, at: node) ? index : nil }
        guard let found = resolve(node, kind: kind, values: values, what: what()) else { return nil }
        guard found.count == 1 else {
            error(.schema, "\(what()) names one \(kind.replacingUnderscores), but its pattern stands for \(found.count)", at: node)
            return nil
        }
        return found[0]
    }

    func containsPlaceholder(_ node: YAMLNode) -> Bool {
        func has(_ n: YAMLNode) -> Bool { doc.kind(n) == .scalar && doc.withScalarBytes(n) { containsEither($0, UInt8(ascii: "{"), UInt8(ascii: "{")) } }
        if doc.kind(node) != .sequence { return has(node) }
        for i in 0..<doc.count(node) where has(doc.item(node, i)) { return true }
        return false
    }
}
