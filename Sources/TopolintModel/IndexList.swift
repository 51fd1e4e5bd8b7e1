/// A short list of entity indexes stored inline: a host's uplinks are almost always one or
/// two switches, and a heap array per host was a measurable share of a large design's
/// memory and allocation time. Longer lists spill into an array.
public struct IndexList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private var first: Int32 = -1
    private var second: Int32 = -1
    private var spill: [Int32]? = nil
    public private(set) var count: Int = 0

    public init() {}

    public init(_ values: [Int]) {
        if values.count > 2 {
            spill = values.map { Int32($0) }
        } else {
            if values.count > 0 { first = Int32(values[0]) }
            if values.count > 1 { second = Int32(values[1]) }
        }
        count = values.count
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
