/// Report text collected as UTF-8 bytes in one array with room reserved up front.
///
/// Large reports (tens of thousands of findings) spent most of their writing time growing a
/// `String` one piece or one Unicode scalar at a time. Here every piece is copied as a block
/// of bytes (a string's contiguous UTF-8, a static literal, digits formatted in place), and
/// the text becomes a `String` once, at the end.
struct ByteBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The collected text (the bytes are valid UTF-8: only whole strings and ASCII go in).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    mutating func append(_ text: Substring) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(repeating byte: UInt8, count: Int) {
        guard count > 0 else { return }
        bytes.append(contentsOf: repeatElement(byte, count: count))
    }

    /// Decimal digits, written in place (no intermediate `String`).
    mutating func append(_ value: Int) {
        if value == 0 { bytes.append(UInt8(ascii: "0")); return }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }

    /// A JSON string literal. Runs of bytes that need no escape are copied as blocks; only
    /// `"`, `\` and control characters are escaped. They are all ASCII, and every byte of
    /// a multi-byte UTF-8 sequence is 0x80 or above, so working on bytes escapes exactly
    /// what working on Unicode scalars would.
    mutating func appendJSONString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { appendJSONEscaped($0) }
        if copied == nil { appendJSONEscaped(Array(text.utf8)) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendJSONEscaped<C: RandomAccessCollection>(_ utf8: C) where C.Element == UInt8, C.Index == Int {
        var runStart = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") { i += 1; continue }
            if runStart < i { bytes.append(contentsOf: utf8[runStart..<i]) }
            switch byte {
            case UInt8(ascii: "\""): append("\\\"" as StaticString)
            case UInt8(ascii: "\\"): append("\\\\" as StaticString)
            case UInt8(ascii: "\n"): append("\\n" as StaticString)
            case UInt8(ascii: "\r"): append("\\r" as StaticString)
            case UInt8(ascii: "\t"): append("\\t" as StaticString)
            default:
                append("\\u00" as StaticString)
                bytes.append(ByteBuffer.hexDigit(byte >> 4))
                bytes.append(ByteBuffer.hexDigit(byte & 0xF))
            }
            i += 1
            runStart = i
        }
        if runStart < utf8.endIndex { bytes.append(contentsOf: utf8[runStart..<utf8.endIndex]) }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
