/// A parsed JSON answer, read loosely: a REST API adds fields between releases, so the
/// readers ask for what they need and treat anything else as absent.
public struct JSONTree: Sendable {
    indirect enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number as written, and its value.
        case number(String, Double)
        case string(String)
        case array([JSONTree])
        case object([String: JSONTree])
    }

    let value: Value

    init(_ value: Value) { self.value = value }

    static let absent = JSONTree(.null)

    /// The JSON text `bytes` (RFC 8259, any value at the top), or nil when it is not JSON.
    public static func parse(_ bytes: [UInt8]) -> JSONTree? {
        var parser = JSONParser(bytes)
        return parser.document()
    }

    public subscript(key: String) -> JSONTree {
        if case let .object(members) = value { return members[key] ?? .absent }
        return .absent
    }

    public var isNull: Bool { if case .null = value { true } else { false } }
    public var isObject: Bool { if case .object = value { true } else { false } }
    public var keys: [String] { if case let .object(members) = value { Array(members.keys) } else { [] } }
    public var array: [JSONTree] { if case let .array(items) = value { items } else { [] } }
    public var isArray: Bool { if case .array = value { true } else { false } }

    /// Text, or a number or boolean as text (an id may come as either).
    public var string: String? {
        switch value {
        case let .string(s): s
        case let .number(text, number): Self.integral(number) ?? text
        case let .bool(b): b ? "1" : "0"
        default: nil
        }
    }

    /// A number (truncated to an integer) or text that is an integer.
    public var int: Int? {
        switch value {
        case let .number(_, number): number.isFinite && abs(number) < 9.0e18 ? Int(number) : nil
        case let .string(s): Int(s)
        case let .bool(b): b ? 1 : 0
        default: nil
        }
    }

    /// An object's id: NetBox uses integers, Nautobot UUIDs; both become text.
    public var id: String? { self["id"].string }

    /// A choice field (`{"value": "tagged", "label": "Tagged"}`) or a plain value.
    public var choice: String? { isObject ? self["value"].string : string }

    static func integral(_ d: Double) -> String? {
        d == d.rounded() && abs(d) < 9.0e15 ? String(Int(d)) : nil
    }
}

/// A strict recursive-descent JSON reader over bytes. Nesting is capped, so a hostile
/// answer cannot exhaust the stack.
struct JSONParser {
    let bytes: [UInt8]
    var at = 0
    var depth = 0
    static let maxDepth = 256

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() -> JSONTree? {
        // A UTF-8 byte order mark is tolerated, as servers sometimes send one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        guard let value = value() else { return nil }
        skipSpace()
        return at == bytes.count ? value : nil
    }

    mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    mutating func value() -> JSONTree? {
        skipSpace()
        guard at < bytes.count else { return nil }
        switch bytes[at] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map { JSONTree(.string($0)) }
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    mutating func literal(_ word: StaticString, _ value: JSONTree.Value) -> JSONTree? {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return nil }
        let matches = word.withUTF8Buffer { w in (0..<count).allSatisfy { bytes[at + $0] == w[$0] } }
        guard matches else { return nil }
        at += count
        return JSONTree(value)
    }

    mutating func object() -> JSONTree? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { return nil }
        at += 1
        var members: [String: JSONTree] = [:]
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return JSONTree(.object(members)) }
        while true {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
            at += 1
            guard let item = value() else { return nil }
            members[key] = item
            skipSpace()
            guard at < bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
            if bytes[at] == UInt8(ascii: "}") { at += 1; return JSONTree(.object(members)) }
            return nil
        }
    }

    mutating func array() -> JSONTree? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { return nil }
        at += 1
        var items: [JSONTree] = []
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return JSONTree(.array(items)) }
        while true {
            guard let item = value() else { return nil }
            items.append(item)
            skipSpace()
            guard at < bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
            if bytes[at] == UInt8(ascii: "]") { at += 1; return JSONTree(.array(items)) }
            return nil
        }
    }

    mutating func number() -> JSONTree? {
        let start = at
        if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
        func digits() -> Int {
            let from = at
            while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 { at += 1 }
            return at - from
        }
        let whole = at
        guard digits() > 0 else { return nil }
        if bytes[whole] == UInt8(ascii: "0"), at - whole > 1 { return nil }   // no leading zeros
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { return nil }
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { return nil }
        }
        let text = String(decoding: bytes[start..<at], as: UTF8.self)
        guard let number = Double(text) else { return nil }
        return JSONTree(.number(text, number))
    }

    /// A string literal (the opening quote at `at`); escapes decoded, surrogate pairs joined.
    mutating func string() -> String? {
        at += 1
        var out: [UInt8] = []
        while at < bytes.count {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") { at += 1; return String(validating: out, as: UTF8.self) }
            if b < 0x20 { return nil }
            if b != UInt8(ascii: "\\") { out.append(b); at += 1; continue }
            at += 1
            guard at < bytes.count else { return nil }
            let e = bytes[at]
            at += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate must be followed by \u and a low one.
                    guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else { return nil }
                    at += 2
                    guard let low = hex4(), low >= 0xDC00 && low < 0xE000 else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    return nil
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: String(Character(unicode)).utf8)
            default: return nil
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[at]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v * 16 + d
            at += 1
        }
        return v
    }
}
