/// Range patterns in names: `fra1-r[01:04]-tor` stands for fra1-r01-tor … fra1-r04-tor.
///
/// `[START:END]` is inclusive; numeric ranges keep START's zero padding, letter ranges give
/// single letters; several ranges expand to their cartesian product, leftmost outermost.
public struct RangePattern: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case range(Values)
    }

    /// A range's values, made on demand: a wide range costs nothing until it is expanded.
    struct Values: Sendable, Equatable {
        var start: Int
        var end: Int
        /// Zero padding width (0: none); letters when `letters`.
        var width: Int
        var letters: Bool

        var count: Int { end - start + 1 }

        func value(_ i: Int) -> String {
            let v = start + i
            if letters { return String(UnicodeScalar(UInt8(v))) }
            let digits = String(v)
            return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        }
    }

    let parts: [Part]

    /// The number of ranges, which is what placeholders `{1}`, `{2}`, … may refer to.
    public var rangeCount: Int { parts.reduce(0) { if case .range = $1 { return $0 + 1 }; return $0 } }
    public var isPattern: Bool { rangeCount > 0 }

    /// How many names it stands for.
    public var expansionCount: Int {
        parts.reduce(1) { total, part in
            if case let .range(values) = part { return total.multipliedReportingOverflow(by: values.count).overflow ? Int.max : total * values.count }
            return total
        }
    }

    public enum ParseError: Error, Equatable, Sendable {
        case mixedRange(String)
        case reversedRange(String)
        case emptyRange(String)
        case tooLarge(Int)

        public var message: String {
            switch self {
            case let .mixedRange(r): "range [\(r)] mixes numbers and letters (write [1:9] or [a:f])"
            case let .reversedRange(r): "range [\(r)] runs backwards: START must not be greater than END"
            case let .emptyRange(r): "range [\(r)] is empty or malformed: write [START:END], e.g. [01:12] or [a:d]"
            case let .tooLarge(n): "the pattern expands to \(n) names, over the limit of \(RangePattern.maxExpansion)"
            }
        }
    }

    /// No single pattern needs more names than this; beyond it a typo is far more likely.
    public static let maxExpansion = 10_000_000

    /// Parses `text`. A `[...]` without a colon is literal text, not a range.
    public init(_ text: String) throws(ParseError) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]") else { break }
            let inner = rest[rest.index(after: open)..<close]
            guard inner.contains(":") else {
                literal += rest[..<rest.index(after: close)]
                rest = rest[rest.index(after: close)...]
                continue
            }
            literal += rest[..<open]
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            parts.append(.range(try RangePattern.values(of: String(inner))))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
        let n = expansionCount
        if n > RangePattern.maxExpansion { throw .tooLarge(n) }
    }

    static func values(of inner: String) throws(ParseError) -> Values {
        let pieces = inner.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else { throw .emptyRange(inner) }
        let start = String(pieces[0]), end = String(pieces[1])
        let isDigits = { (s: String) in s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        let isLetter = { (s: String) in s.count == 1 && s.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") } }
        if isDigits(start) && isDigits(end) {
            guard start.count <= 9, end.count <= 9, let a = Int(start), let b = Int(end) else { throw .tooLarge(Int.max) }
            guard a <= b else { throw .reversedRange(inner) }
            let width = start.count > 1 && start.hasPrefix("0") ? start.count : 0
            return Values(start: a, end: b, width: width, letters: false)
        }
        if isLetter(start) && isLetter(end) {
            let a = start.unicodeScalars.first!.value, b = end.unicodeScalars.first!.value
            let sameCase = (a >= 97) == (b >= 97)
            guard sameCase else { throw .mixedRange(inner) }
            guard a <= b else { throw .reversedRange(inner) }
            return Values(start: Int(a), end: Int(b), width: 0, letters: true)
        }
        if (isDigits(start) && isLetter(end)) || (isLetter(start) && isDigits(end)) { throw .mixedRange(inner) }
        throw .emptyRange(inner)
    }

    /// Every name with the range values that made it, leftmost range outermost.
    public func expand() -> [(name: String, values: [String])] {
        // Every combination of the ranges' values, the first range varying slowest: each name
        // is written once from its parts, with one array of values (a host pattern can stand
        // for a million names, and building them range by range copied every one each time).
        var ranges: [Values] = []
        for case let .range(values) in parts { ranges.append(values) }
        guard ranges.allSatisfy({ $0.count > 0 }) else { return [] }
        let total = ranges.reduce(1) { $0 * $1.count }
        var result: [(name: String, values: [String])] = []
        result.reserveCapacity(total)
        var chosen = [Int](repeating: 0, count: ranges.count)
        for _ in 0..<total {
            var name = "", values: [String] = []
            values.reserveCapacity(ranges.count)
            var r = 0
            for part in parts {
                switch part {
                case let .literal(text): name += text
                case let .range(range):
                    let value = range.value(chosen[r])
                    name += value
                    values.append(value)
                    r += 1
                }
            }
            result.append((name, values))
            var k = ranges.count - 1
            while k >= 0 {
                chosen[k] += 1
                if chosen[k] < ranges[k].count { break }
                chosen[k] = 0
                k -= 1
            }
        }
        return result
    }
}

/// Placeholders `{1}`, `{2}`, … in values of a pattern entry: the key's range values.
public enum Placeholders {
    public enum SubstituteError: Error, Equatable, Sendable {
        case noSuchRange(index: Int, available: Int)
    }

    /// Replaces every `{n}` in `text` by `values[n-1]`. Text without braces is returned as is.
    /// Works on UTF-8 bytes: it runs for every reference of every pattern instance.
    public static func substitute(_ text: String, _ values: [String]) throws(SubstituteError) -> String {
        guard text.containsByte(UInt8(ascii: "{")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{") {
                var j = i + 1, n = 0
                while j < bytes.count, j - i <= 9, bytes[j] >= 48, bytes[j] <= 57 {
                    n = n * 10 + Int(bytes[j] - 48)
                    j += 1
                }
                if j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: "}") {
                    guard n >= 1, n <= values.count else { throw .noSuchRange(index: n, available: values.count) }
                    out.append(contentsOf: values[n - 1].utf8)
                    i = j + 1
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Equality for the short ASCII names the loader compares in its hot paths (field names,
    /// entity kinds): different lengths answer at once. `==` on two different small strings
    /// takes the general comparison path, which was a measurable share of loading.
    @inline(__always)
    func sameName(_ other: String) -> Bool {
        utf8.count == other.utf8.count && self == other
    }

    /// Whether the UTF-8 text holds `byte`, scanning contiguous storage (names are scanned for
    /// `[` and `{` once per reference, so the generic sequence walk was measurable).
    func containsByte(_ byte: UInt8) -> Bool {
        var copy = self
        return copy.withUTF8 { buffer in
            for b in buffer where b == byte { return true }
            return false
        }
    }
}
