import TopolintCore
/// Report text collected as UTF-8 bytes in one array with room reserved up front.
///
/// Large reports (tens of thousands of findings) spent most of their writing time growing a
/// `String` one piece or one Unicode scalar at a time. Here every piece is copied as a block
/// of bytes (a string's contiguous UTF-8, a static literal, digits formatted in place), and
/// the text becomes a `String` once, at the end.
struct ByteBuffer {
    private(set) var bytes: [UInt8] = []
    /// Where the bytes go as they are made, when the report is written out rather than
    /// kept: `flushIfFull` hands them over a mebibyte at a time, so a report of tens of
    /// megabytes never sits in memory whole beside the findings it is made of.
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?

    /// Bytes collected before `flushIfFull` hands them to the sink.
    static let flushAt = 1 << 20

    init(capacity: Int) {
        sink = nil
        bytes.reserveCapacity(capacity)
    }

    /// A buffer that hands its bytes to `sink` as they are made (see `flushIfFull`, `flush`).
    init(sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.sink = sink
        bytes.reserveCapacity(ByteBuffer.flushAt + (1 << 16))
    }

    /// Hands the bytes so far to the sink once there are `flushAt` of them (a reporter
    /// calls this between entries); without a sink, keeps them.
    mutating func flushIfFull() {
        if sink != nil, bytes.count >= ByteBuffer.flushAt { flush() }
    }

    /// Hands every byte so far to the sink (at the end of a report).
    mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer(sink)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Room to reserve per finding of a text report (twice that for JSON), more than a
    /// findings-heavy report uses (450 and 1000 bytes). Reserving too much costs address
    /// space only: the pages of a large buffer become memory when they are written. Too
    /// little costs memory: the buffer grows by copying into one twice its size, and at
    /// that moment both are resident (18 MB of a 24 MB report, on top of the model).
    static let roomPerEntry = 1024

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

    mutating func append(_ run: ArraySlice<UInt8>) {
        bytes.append(contentsOf: run)
    }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(repeating byte: UInt8, count: Int) {
        guard count > 0 else { return }
        // Indentation, mostly: a few bytes a line, where the generic append of a repeated
        // element cost more than the bytes themselves.
        for _ in 0..<count { bytes.append(byte) }
    }

    /// Decimal digits (see `appendDecimal`).
    mutating func append(_ value: Int) { appendDecimal(value, to: &bytes) }

    /// A JSON string literal. Runs of bytes that need no escape are copied as blocks; only
    /// `"`, `\` and control characters are escaped. They are all ASCII, and every byte of
    /// a multi-byte UTF-8 sequence is 0x80 or above, so working on bytes escapes exactly
    /// what working on Unicode scalars would.
    mutating func appendJSONString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { appendJSONEscaped($0) }
        if copied == nil { Array(text.utf8).withUnsafeBufferPointer { appendJSONEscaped($0) } }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendJSONEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let count = utf8.count
        // Eight bytes at a time while none needs an escape (names and messages rarely do).
        if let base = utf8.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= count && !wordNeedsJSONEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        }
        while i < count {
            let byte = utf8[i]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") { i += 1; continue }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
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
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
