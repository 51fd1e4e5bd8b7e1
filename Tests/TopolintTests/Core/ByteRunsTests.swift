import Testing
@testable import TopolintCore

/// The word-at-a-time comparisons and hash that name lookups use must agree with the plain
/// byte-by-byte answer at every length, wherever the difference or the byte sought sits.
@Suite("Core: byte runs")
struct ByteRunsTests {
    static let lengths = Array(0...25)

    static func run(_ length: Int) -> [UInt8] { (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) } }

    @Test("bytesEqual: equal runs, and a difference at each position")
    func equal() {
        for n in Self.lengths {
            let a = Self.run(n)
            #expect(a.withUnsafeBufferPointer { x in Array(a).withUnsafeBufferPointer { bytesEqual(x, $0) } }, "\(n)")
            for at in 0..<n {
                var b = a
                b[at] ^= 0x20
                #expect(!a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { bytesEqual(x, $0) } }, "\(n), \(at)")
            }
            let longer = a + [UInt8(ascii: "z")]
            #expect(!a.withUnsafeBufferPointer { x in longer.withUnsafeBufferPointer { bytesEqual(x, $0) } }, "\(n)")
        }
    }

    @Test("containsEither finds either byte at each position, and nothing in a run without them")
    func either() {
        for n in Self.lengths {
            let plain = Self.run(n).map { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") ? UInt8(ascii: "x") : $0 }
            #expect(!plain.withUnsafeBufferPointer { containsEither($0, UInt8(ascii: "{"), UInt8(ascii: "[")) }, "\(n)")
            for at in 0..<n {
                for byte in [UInt8(ascii: "{"), UInt8(ascii: "[")] {
                    var bytes = plain
                    bytes[at] = byte
                    #expect(bytes.withUnsafeBufferPointer { containsEither($0, UInt8(ascii: "{"), UInt8(ascii: "[")) }, "\(n), \(at)")
                }
            }
        }
    }

    @Test("nameHash: the same bytes hash alike; runs that differ in one byte or in length hash apart")
    func hash() {
        var seen = Set<UInt64>()
        for n in Self.lengths {
            let a = Self.run(n)
            let h = a.withUnsafeBufferPointer { nameHash($0) }
            #expect(h == Array(a).withUnsafeBufferPointer { nameHash($0) })
            #expect(seen.insert(h).inserted, "\(n)")
            for at in 0..<n {
                var b = a
                b[at] ^= 0x01
                #expect(seen.insert(b.withUnsafeBufferPointer { nameHash($0) }).inserted, "\(n), \(at)")
            }
        }
    }
}
