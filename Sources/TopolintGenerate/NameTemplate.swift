/// Zero-padded decimal text of `value`, at least `width` digits.
@inline(__always)
func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    let missing = width - digits.utf8.count
    return missing > 0 ? String(repeating: "0", count: missing) + digits : digits
}

/// A name written with the format's range patterns (`[START:END]`, numeric) and placeholders
/// (`{1}`, `{2}`, ...). The pattern form writes the template's text; the expanded form writes
/// every name it stands for, computed here with the format's rules: a numeric range keeps the
/// zero padding of START, several ranges give their cartesian product with the leftmost range
/// outermost, and a placeholder is the value of the key's range of that number.
struct NameTemplate: Sendable {
    enum Part: Sendable {
        case literal(String)
        case range(from: Int, to: Int, width: Int)
        case placeholder(Int)
    }

    private(set) var parts: [Part] = []

    init(_ text: String) {
        parts = NameTemplate.parse(text)
    }

    var hasRanges: Bool {
        parts.contains { if case .range = $0 { return true } else { return false } }
    }

    /// Every name the template stands for, with the value of each of its ranges, after
    /// replacing placeholders by `captures` (the ranges of the key or first link end).
    func instances(captures: [String] = []) -> [(name: String, values: [String])] {
        var result: [(name: String, values: [String])] = [("", [])]
        for part in parts {
            switch part {
            case .literal(let s):
                for i in result.indices { result[i].name += s }
            case .placeholder(let n):
                let value = n >= 1 && n <= captures.count ? captures[n - 1] : "{\(n)}"
                for i in result.indices { result[i].name += value }
            case .range(let from, let to, let width):
                var next: [(name: String, values: [String])] = []
                next.reserveCapacity(result.count * (to - from + 1))
                for item in result {
                    for v in from...to {
                        let text = padded(v, width)
                        next.append((item.name + text, item.values + [text]))
                    }
                }
                result = next
            }
        }
        return result
    }

    /// The names only.
    func names(captures: [String] = []) -> [String] {
        if !hasRanges {
            var out = ""
            for part in parts {
                switch part {
                case .literal(let s): out += s
                case .placeholder(let n): out += n >= 1 && n <= captures.count ? captures[n - 1] : "{\(n)}"
                case .range: break
                }
            }
            return [out]
        }
        return instances(captures: captures).map(\.name)
    }

    private static func parse(_ text: String) -> [Part] {
        var parts: [Part] = []
        var literal = ""
        let chars = Array(text.unicodeScalars)
        var i = 0
        func digits(from start: Int) -> (String, Int) {
            var j = start
            var s = ""
            while j < chars.count, chars[j].properties.numericType != nil, chars[j].isASCII {
                s.unicodeScalars.append(chars[j])
                j += 1
            }
            return (s, j)
        }
        while i < chars.count {
            let c = chars[i]
            if c == "[" {
                let (a, j) = digits(from: i + 1)
                if !a.isEmpty, j < chars.count, chars[j] == ":" {
                    let (b, k) = digits(from: j + 1)
                    if !b.isEmpty, k < chars.count, chars[k] == "]", let from = Int(a), let to = Int(b) {
                        if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                        parts.append(.range(from: from, to: to, width: a.count))
                        i = k + 1
                        continue
                    }
                }
            } else if c == "{" {
                let (a, j) = digits(from: i + 1)
                if !a.isEmpty, j < chars.count, chars[j] == "}", let n = Int(a) {
                    if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                    parts.append(.placeholder(n))
                    i = j + 1
                    continue
                }
            }
            literal.unicodeScalars.append(c)
            i += 1
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }
}

/// Text of a numeric range pattern over `from...to` (or the single padded value when they
/// are equal), used when building templates.
func rangeText(_ from: Int, _ to: Int, width: Int) -> String {
    from == to ? padded(from, width) : "[\(padded(from, width)):\(padded(to, width))]"
}
