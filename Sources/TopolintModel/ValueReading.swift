import TopolintCore
import TopolintYAML

/// How plain scalars are read as numbers and booleans, the same in topology files, rule
/// packs and `.topolint.yaml` (docs/format.md, “Numbers and booleans”).
///
/// Numbers are YAML 1.1's decimal forms: an optional sign, digits with `_` allowed between
/// them, an optional fraction and exponent (`8`, `-3`, `1_000`, `2.5`, `.5`, `1.5e3`). The
/// other forms YAML 1.1 resolves to numbers (hexadecimal `0x1F`, octal `017`, binary `0b101`,
/// base 60 `1:30`) and `.inf`/`.nan` are rejected: in a design they are far more often a
/// typo or a zero-padded name than meant, and `017` would silently be 15. Forms no YAML
/// reads as a number (`0x1p3`) are rejected too. Booleans are `true` and `false` (also
/// `True`, `TRUE`, ...); YAML 1.1's `yes`, `on` and the like stay text, as names do.
public enum PlainScalar {
    /// A whole number: sign, then `0` or digits not starting with `0`, `_` between digits.
    public static func integer<C: Collection<UInt8>>(_ bytes: C) -> Int? {
        var digits: [UInt8] = []
        var negative = false
        var it = bytes.makeIterator()
        guard var c = it.next() else { return nil }
        if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            negative = c == UInt8(ascii: "-")
            guard let next = it.next() else { return nil }
            c = next
        }
        guard isDigit(c) else { return nil }
        digits.append(c)
        while let next = it.next() {
            if isDigit(next) { digits.append(next) } else if next != UInt8(ascii: "_") { return nil }
        }
        // `0` alone, never `017` (octal in YAML 1.1) or `08`.
        if digits.count > 1 && digits[0] == UInt8(ascii: "0") { return nil }
        guard let magnitude = Int(String(decoding: digits, as: UTF8.self)) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// A finite decimal number: a whole number as above, or one with a fraction and/or an
    /// exponent.
    public static func number<C: Collection<UInt8>>(_ bytes: C) -> Double? {
        if let n = integer(bytes) { return Double(n) }
        var text: [UInt8] = []
        var i = bytes.startIndex
        func peek() -> UInt8? { i < bytes.endIndex ? bytes[i] : nil }
        func advance() { i = bytes.index(after: i) }
        if let c = peek(), c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { text.append(c); advance() }
        var intDigits = 0, fracDigits = 0
        while let c = peek(), isDigit(c) || (c == UInt8(ascii: "_") && intDigits > 0) {
            if c != UInt8(ascii: "_") { text.append(c); intDigits += 1 }
            advance()
        }
        let hasFraction = peek() == UInt8(ascii: ".")
        // Without a fraction this is a whole number with an exponent at most; a leading zero
        // there is YAML 1.1's octal, as in `integer`.
        if !hasFraction && intDigits > 1 && text.first(where: isDigit) == UInt8(ascii: "0") { return nil }
        if hasFraction {
            text.append(UInt8(ascii: ".")); advance()
            while let c = peek(), isDigit(c) || (c == UInt8(ascii: "_") && fracDigits > 0) {
                if c != UInt8(ascii: "_") { text.append(c); fracDigits += 1 }
                advance()
            }
        }
        guard intDigits + fracDigits > 0 else { return nil }
        if let c = peek(), c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            text.append(c); advance()
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { text.append(s); advance() }
            var expDigits = 0
            while let c = peek(), isDigit(c) { text.append(c); expDigits += 1; advance() }
            guard expDigits > 0 else { return nil }
        } else if !hasFraction {
            return nil   // digits alone are `integer`'s, which said no
        }
        guard i == bytes.endIndex, let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    public static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// A hint for a scalar that YAML 1.1 would read as a number in a form topolint rejects.
    static func numberHint(_ text: String) -> String? {
        var t = Substring(text)
        if t.first == "+" || t.first == "-" { t = t.dropFirst() }
        if t.hasPrefix("0x") || t.hasPrefix("0b") || t.hasPrefix("0o") || t.contains(":") && t.first?.isNumber == true {
            return "write numbers in decimal"
        }
        if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(t) {
            return "write a finite number (YAML 1.1 reads .inf as infinity and .nan as not a number)"
        }
        if t.count > 1, t.first == "0", t.dropFirst().first?.isNumber == true {
            return "write whole numbers without leading zeros (YAML 1.1 reads 017 as octal 15)"
        }
        return nil
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}

/// Typed reads of YAML values that record located diagnostics: one implementation for the
/// topology loader and for rule packs and `.topolint.yaml`, so a value means the same and
/// is rejected with the same words wherever it is written.
public protocol YAMLValueReading {
    var doc: YAMLDocument { get }
    mutating func error(_ code: DiagnosticCode, _ message: String, at node: YAMLNode, help: String?)
}

extension YAMLValueReading {
    /// How a value is named in messages: `a mapping`, `a list`, `nothing` or `'text'`.
    public func describe(_ node: YAMLNode) -> String { doc.describe(node) }

    /// A YAML plain whole number (`8`, `-3`); quoted text is not a number.
    public func plainInteger(_ node: YAMLNode) -> Int? {
        guard doc.kind(node) == .scalar, !doc.isQuoted(node) else { return nil }
        return doc.withScalarBytes(node) { PlainScalar.integer($0) }
    }

    /// A YAML plain decimal number; quoted text is not a number.
    public func plainNumber(_ node: YAMLNode) -> Double? {
        guard doc.kind(node) == .scalar, !doc.isQuoted(node) else { return nil }
        return doc.withScalarBytes(node) { PlainScalar.number($0) }
    }

    /// Any scalar but null, as written.
    public mutating func plainString(_ node: YAMLNode, what: @autoclosure () -> String) -> String? {
        guard doc.kind(node) == .scalar, !doc.isNull(node) else {
            error(.schema, "\(what()) must be text, not \(describe(node))", at: node, help: nil)
            return nil
        }
        return doc.string(node)
    }

    public mutating func integer(_ node: YAMLNode, range: ClosedRange<Int>, what: @autoclosure () -> String) -> Int? {
        guard let value = plainInteger(node) else {
            error(.schema, "\(what()) must be a whole number, not \(describe(node))", at: node,
                  help: doc.kind(node) == .scalar ? PlainScalar.numberHint(doc.string(node)) : nil)
            return nil
        }
        guard range.contains(value) else {
            // A huge upper bound is left unsaid unless the value is past it.
            let bound = range.upperBound >= Int(Int32.max) && value < range.lowerBound
                ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            error(.schema, "\(what()) is \(value), out of range: it must be \(bound)", at: node, help: nil)
            return nil
        }
        return value
    }

    public mutating func number(_ node: YAMLNode, minimum: Double, what: @autoclosure () -> String) -> Double? {
        guard let value = plainNumber(node) else {
            error(.schema, "\(what()) must be a number, not \(describe(node))", at: node,
                  help: doc.kind(node) == .scalar ? PlainScalar.numberHint(doc.string(node)) : nil)
            return nil
        }
        guard value >= minimum else {
            error(.schema, "\(what()) is \(JSONValue.double(value).serialized()), out of range: it must be at least \(JSONValue.double(minimum).serialized())", at: node, help: nil)
            return nil
        }
        return value
    }

    public mutating func boolean(_ node: YAMLNode, what: @autoclosure () -> String) -> Bool? {
        if doc.kind(node) == .scalar, !doc.isQuoted(node), let value = PlainScalar.boolean(doc.string(node)) { return value }
        error(.schema, "\(what()) must be true or false, not \(describe(node))", at: node, help: nil)
        return nil
    }

    /// One of `choices`, with a "did you mean" for a near miss.
    public mutating func oneOf(_ node: YAMLNode, _ choices: [String], what: @autoclosure () -> String) -> String? {
        guard let value = plainString(node, what: what()) else { return nil }
        guard choices.contains(value) else {
            let suggestion = closestMatch(to: value, among: choices)
            error(.schema, "\(what()) is '\(value)', not one of \(choices.joined(separator: ", "))", at: node,
                  help: suggestion.map { "did you mean '\($0)'?" })
            return nil
        }
        return value
    }

    /// The items of a list, or the node itself when a single value stands for a list.
    public func listItems(_ node: YAMLNode) -> [YAMLNode] {
        doc.kind(node) == .sequence ? doc.items(node) : [node]
    }

    /// A list of text (or one text standing for a list), each with its node; nil after the
    /// first item that is not text.
    public mutating func stringList(_ node: YAMLNode, what: @autoclosure () -> String) -> [(String, YAMLNode)]? {
        var result: [(String, YAMLNode)] = []
        for item in listItems(node) {
            guard let s = plainString(item, what: "an item of \(what())") else { return nil }
            result.append((s, item))
        }
        return result
    }
}
