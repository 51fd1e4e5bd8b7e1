import Testing
@testable import TopolintModel

/// Host names live in one pool of bytes; every name must come back as it went in,
/// whatever its length or script.
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

    /// Sorting indexes by their names' bytes must give what sorting the names gives.
    @Test(arguments: [
        ["esx10", "esx2", "esx1", "a", "esx", "B", "b-1", "b", ""],
        ["é", "e\u{301}x", "z", "a", "ü名"],   // not all ASCII: compared as strings
    ])
    func indexesInNameOrderAreTheNamesSorted(names: [String]) {
        var pool = NamePool()
        for name in names { pool.append(name) }
        let everyOther = Array(stride(from: 0, to: names.count, by: 2))
        for indices in [Array(names.indices), Array(names.indices.reversed()), everyOther] {
            #expect(pool.inNameOrder(indices).map { pool[$0] } == indices.map { names[$0] }.sorted())
            // The first k without sorting them all: the same as the sorted prefix.
            for k in 0...indices.count + 1 {
                #expect(pool.firstInNameOrder(indices, k).map { pool[$0] } == Array(indices.map { names[$0] }.sorted().prefix(k)), "k = \(k)")
            }
        }
    }
}
