/// A short list of entity indexes stored inline: a host's uplinks are almost always one or
/// two switches, and a heap array per host was a measurable share of a large design's
/// memory and allocation time. Longer lists spill into an array.
public struct IndexList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// -1 where unused: entity indexes are never negative (a list holding one spills).
    private var first: Int32 = -1
    private var second: Int32 = -1
    private var spill: [Int32]? = nil

    public init() {}

    public init(_ values: [Int]) {
        if values.count > 2 || values.contains(where: { $0 < 0 }) {
            spill = values.map { Int32($0) }
        } else {
            if values.count > 0 { first = Int32(values[0]) }
            if values.count > 1 { second = Int32(values[1]) }
        }
    }

    /// One index, or two distinct ones (a second equal to the first is dropped, as a
    /// reference list keeps each index once).
    public init(first: Int, second: Int?) {
        let second = second == first ? nil : second
        if first < 0 || (second ?? 0) < 0 {
            spill = [Int32(first)] + (second.map { [Int32($0)] } ?? [])
            return
        }
        self.first = Int32(first)
        if let second { self.second = Int32(second) }
    }

    /// The count follows from what is stored, so a list takes 16 bytes (a host 40).
    public var count: Int {
        if let spill { return spill.count }
        return first < 0 ? 0 : second < 0 ? 1 : 2
    }

    public init(arrayLiteral elements: Int...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Int {
        precondition(position >= 0 && position < count, "index out of range")
        if let spill { return Int(spill[position]) }
        return Int(position == 0 ? first : second)
    }
}
