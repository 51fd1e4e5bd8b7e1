import TopolintYAML

/// One written entry of an entity mapping: its key, its value, and the names it stands for.
struct Entry {
    var key: YAMLNode
    var value: YAMLNode?
    /// Field values by position in the kind's `EntitySpec.fields` (a slice: the entries of
    /// one mapping share one array of them, rather than one allocation each).
    var fields: ArraySlice<YAMLNode?>
    var instances: Instances

    init(key: YAMLNode, value: YAMLNode?, fields: ArraySlice<YAMLNode?>, instances: Instances) {
        self.key = key
        self.value = value
        self.fields = fields
        self.instances = instances
    }

    init(key: YAMLNode, value: YAMLNode?, fields: [YAMLNode?], instances: Instances) {
        self.init(key: key, value: value, fields: fields[...], instances: instances)
    }

    init(key: YAMLNode, value: YAMLNode?, fields: [YAMLNode?], instances: [(name: String, values: [String])]) {
        self.init(key: key, value: value, fields: fields, instances: Instances(instances))
    }
}

/// The names an entry stands for, with the values of its ranges: one name without an array
/// for a plain key (nearly every entry of a large design), a pattern's list otherwise.
struct Instances: RandomAccessCollection {
    typealias Element = (name: String, values: [String])
    private enum Storage {
        case one(String)
        case list([Element])
    }
    private let storage: Storage

    init(name: String) { storage = .one(name) }

    init(_ list: [Element]) {
        storage = list.count == 1 && list[0].values.isEmpty ? .one(list[0].name) : .list(list)
    }

    var startIndex: Int { 0 }
    var endIndex: Int {
        switch storage {
        case .one: 1
        case let .list(list): list.count
        }
    }

    subscript(position: Int) -> Element {
        switch storage {
        case let .one(name):
            precondition(position == 0, "index out of range")
            return (name, [])
        case let .list(list): return list[position]
        }
    }
}
