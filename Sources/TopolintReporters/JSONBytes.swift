import TopolintCore

/// `JSONValue` written into a `ByteBuffer`: the same bytes as `JSONValue.serialized`, for the
/// reports that can be large (lint JSON, SARIF, GitLab).
enum JSONBytes {
    /// The serialized text, with `suffix` after it; `capacity` is a guess at its size.
    static func text(_ value: JSONValue, pretty: Bool, capacity: Int, suffix: StaticString = "\n") -> String {
        var out = ByteBuffer(capacity: capacity)
        write(value, pretty: pretty, indent: 0, to: &out)
        out.append(suffix)
        return out.string
    }

    static func write(_ value: JSONValue, pretty: Bool, indent: Int, to out: inout ByteBuffer) {
        switch value {
        case .null: out.append("null" as StaticString)
        case let .bool(b): out.append(b ? "true" as StaticString : "false")
        case let .int(i): out.append(i)
        case let .double(d): writeDouble(d, to: &out)
        case let .string(s): out.appendJSONString(s)
        case let .array(items):
            if items.isEmpty { out.append("[]" as StaticString); return }
            out.append(byte: UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(byte: UInt8(ascii: ",")) }
                if pretty { newline(indent + 1, to: &out) }
                write(item, pretty: pretty, indent: indent + 1, to: &out)
            }
            if pretty { newline(indent, to: &out) }
            out.append(byte: UInt8(ascii: "]"))
        case let .object(pairs):
            if pairs.isEmpty { out.append("{}" as StaticString); return }
            out.append(byte: UInt8(ascii: "{"))
            for (i, (key, item)) in pairs.enumerated() {
                if i > 0 { out.append(byte: UInt8(ascii: ",")) }
                if pretty { newline(indent + 1, to: &out) }
                out.appendJSONString(key)
                out.append(pretty ? ": " as StaticString : ":")
                write(item, pretty: pretty, indent: indent + 1, to: &out)
            }
            if pretty { newline(indent, to: &out) }
            out.append(byte: UInt8(ascii: "}"))
        }
    }

    /// A pretty array whose items are made one at a time by `value` (as `.array(items.map(value))`
    /// would print, without holding every item's value at once).
    static func writeArray<T>(_ items: [T], indent: Int, to out: inout ByteBuffer, _ value: (T) -> JSONValue) {
        writeArray(items, indent: indent, to: &out) { item, itemIndent, out in
            write(value(item), pretty: true, indent: itemIndent, to: &out)
        }
    }

    /// A pretty array whose items `writeItem` writes straight into the buffer, at the
    /// indentation it is given.
    static func writeArray<T>(_ items: [T], indent: Int, to out: inout ByteBuffer,
                              writeItem: (T, Int, inout ByteBuffer) -> Void) {
        if items.isEmpty { out.append("[]" as StaticString); return }
        out.append(byte: UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(byte: UInt8(ascii: ",")) }
            newline(indent + 1, to: &out)
            writeItem(item, indent + 1, &out)
            out.flushIfFull()
        }
        newline(indent, to: &out)
        out.append(byte: UInt8(ascii: "]"))
    }

    /// A pretty object written member by member, as `write` prints a `.object`: each
    /// `member` call opens the next member (a comma before all but the first, a new line,
    /// the key), and the caller writes its value. Keys are literals with their quotes and
    /// the colon, `"\"rule\": "`, so a key costs one copy.
    struct Object {
        private let indent: Int
        private var empty = true

        init(indent: Int) { self.indent = indent }

        mutating func member(_ key: StaticString, to out: inout ByteBuffer) {
            out.append(byte: empty ? UInt8(ascii: "{") : UInt8(ascii: ","))
            empty = false
            JSONBytes.newline(indent + 1, to: &out)
            out.append(key)
        }

        /// A member whose value is a string.
        mutating func member(_ key: StaticString, string value: String, to out: inout ByteBuffer) {
            member(key, to: &out)
            out.appendJSONString(value)
        }

        func close(to out: inout ByteBuffer) {
            if empty { out.append("{}" as StaticString); return }
            JSONBytes.newline(indent, to: &out)
            out.append(byte: UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, to out: inout ByteBuffer) {
        out.append(byte: UInt8(ascii: "\n"))
        out.append(repeating: UInt8(ascii: " "), count: 2 * indent)
    }

    /// As `JSONValue` prints numbers: integral values without a fraction (8, not 8.0),
    /// others in Swift's shortest round-trip form, and null for infinities and NaN.
    static func writeDouble(_ d: Double, to out: inout ByteBuffer) {
        guard d.isFinite else { out.append("null" as StaticString); return }
        if d == d.rounded(), abs(d) < 1e15 { out.append(Int(d)); return }
        out.append(d.description)
    }
}
