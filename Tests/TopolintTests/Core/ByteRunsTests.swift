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

    @Test("isPrintableASCII: a byte outside 0x20-0x7E at each position is found")
    func printableASCII() {
        for length in ByteRunsTests.lengths {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(plain.withUnsafeBufferPointer { isPrintableASCII($0) })
            for at in 0..<length {
                for byte: UInt8 in [0x00, 0x09, 0x1F, 0x7F, 0x80, 0xC2, 0xFF] {
                    var run = plain
                    run[at] = byte
                    #expect(!run.withUnsafeBufferPointer { isPrintableASCII($0) }, "length \(length) at \(at) byte \(byte)")
                }
                var edge = plain
                edge[at] = at % 2 == 0 ? 0x20 : 0x7E
                #expect(edge.withUnsafeBufferPointer { isPrintableASCII($0) })
            }
        }
    }

    @Test("lineStarts: every line break libyaml counts starts a line, within the length given")
    func lineStartsAtEachBreak() {
        #expect(lineStarts(of: Array("a\nb\r\nc\rd\u{85}e\u{2028}f\n".utf8), length: 100) == [0, 2, 5, 7, 10, 14, 16])
        #expect(lineStarts(of: Array("a\nb\nc".utf8), length: 100) == [0, 2, 4])
        #expect(lineStarts(of: Array("a\nb\nc".utf8), length: 2) == [0, 2])
        #expect(lineStarts(of: Array("\u{FEFF}x\ny".utf8), length: 100) == [3, 5])
        #expect(lineStarts(of: [], length: 0) == [0])
    }

    @Test("needsJSONEscape: a quote, a backslash or a control byte at each position is found")
    func jsonEscapes() {
        for length in ByteRunsTests.lengths {
            let plain = ByteRunsTests.run(length)
            #expect(!plain.withUnsafeBufferPointer { needsJSONEscape($0) })
            for at in 0..<length {
                for byte: UInt8 in [0x00, 0x0A, 0x1F, UInt8(ascii: "\""), UInt8(ascii: "\\")] {
                    var run = plain
                    run[at] = byte
                    #expect(run.withUnsafeBufferPointer { needsJSONEscape($0) }, "length \(length) at \(at) byte \(byte)")
                }
                for byte: UInt8 in [0x20, 0x7F, 0x80, 0xC2, 0xFF] {
                    var run = plain
                    run[at] = byte
                    #expect(!run.withUnsafeBufferPointer { needsJSONEscape($0) })
                }
            }
        }
    }
}
