import Testing
@testable import TopolintModel

/// Host names live in one pool of bytes; every name must come back as it went in,
/// whatever its length or script, and a pool joined from two loads must read as one.
@Suite("Model: the pool of names")
struct NamePoolTests {
    static let names = ["", "h1", "dc1-p01-r001-esx01", "ü名-ホスト", String(repeating: "x", count: 300), "a b"]

    @Test func namesComeBackAsTheyWentIn() {
        var pool = NamePool()
        for name in Self.names { pool.append(name) }
        #expect(pool.count == Self.names.count)
        #expect((0..<pool.count).map { pool[$0] } == Self.names)
        #expect(pool.all == Self.names)
        #expect(pool.withBytes(of: 2) { Array($0) } == Array("dc1-p01-r001-esx01".utf8))
    }

    @Test(arguments: 0...6)
    func aJoinedPoolReadsAsOne(from index: Int) {
        var first = NamePool(), second = NamePool()
        for name in Self.names.prefix(3) { first.append(name) }
        for name in Self.names { second.append(name) }
        first.append(second, from: index)
        #expect(first.all == Array(Self.names.prefix(3)) + Array(Self.names[min(index, Self.names.count)...]))
    }

    @Test func aTableLooksNamesUpByTheirBytes() {
        let table = NameTable()
        for name in Self.names { #expect(table.insert(name) != nil, "\(name)") }
        for (i, name) in Self.names.enumerated() {
            #expect(table.index(of: name) == i)
            #expect(table.insert(name) == nil, "a second \(name) is refused")
        }
        #expect(table.index(of: "h2") == nil)
        #expect(table.names.all == Self.names)
    }
}
