/// A field value the document does not model as its own property: `description`, `tags`,
/// `ignore`, or whatever a hand-kept overlay adds to an entity. Written after the modelled
/// fields, in the order given, in flow style.
public indirect enum ImportValue: Sendable, Equatable {
    case text(String)
    /// Written as is, never quoted: the `all` of a VLAN list.
    case keyword(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case list([ImportValue])
    case map([ImportField])

    /// Merge `other` onto `self`: mappings merge key by key (nested mappings again), any
    /// other value of `other` replaces this one.
    public func merged(with other: ImportValue) -> ImportValue {
        guard case let .map(mine) = self, case let .map(theirs) = other else { return other }
        return .map(ImportField.merge(mine, theirs))
    }
}

/// One `key: value` of an entity that the document holds as data.
public struct ImportField: Sendable, Equatable {
    public var key: String
    public var value: ImportValue
    public init(_ key: String, _ value: ImportValue) {
        self.key = key
        self.value = value
    }

    /// `theirs` onto `mine`: a key both have merges (the later value wins), new keys go last.
    public static func merge(_ mine: [ImportField], _ theirs: [ImportField]) -> [ImportField] {
        var out = mine
        for field in theirs {
            if let i = out.firstIndex(where: { $0.key == field.key }) {
                out[i].value = out[i].value.merged(with: field.value)
            } else {
                out.append(field)
            }
        }
        return out
    }
}
