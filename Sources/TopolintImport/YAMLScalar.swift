/// Writing text so that YAML reads back exactly that text, as a string.
///
/// libyaml (YAML 1.1) resolves plain scalars: `no`, `on`, `y` are booleans, `0101` and `1e3`
/// numbers, `~` null, and in flow collections `,` `[` `]` `{` `}` end a plain scalar. The
/// topology loader takes names as text either way, but other YAML tools do not, and a name
/// with `: ` or ` #` would not even parse. So a scalar is written plain only when it is
/// plainly a word; anything else is double-quoted with escapes.
public enum YAMLScalar {
    /// `text` as a scalar safe in block and flow context.
    public static func string(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    /// Always double-quoted, with `"`, `\` and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else if scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    // Line breaks and the byte order mark in YAML's eyes: escape them.
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Words YAML 1.1 reads as booleans or null, compared case-insensitively.
    static let reserved: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    ]

    /// A letter or `_` first, then letters, digits, `_`, `-`, `.`, `/`; not a reserved word.
    /// Conservative: anything that could start a number, a date or an indicator is quoted.
    static func isSafePlain(_ text: String) -> Bool {
        if isIPv4Prefix(text) { return true }
        guard let first = text.unicodeScalars.first else { return false }
        guard isLetter(first) || first == "_" else { return false }
        for scalar in text.unicodeScalars {
            guard isLetter(scalar) || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-"
                || scalar == "." || scalar == "/" else { return false }
        }
        if reserved.contains(text.lowercased()) { return false }
        // `.inf`, `.nan` start with a dot and are caught above; nothing else plain resolves.
        return true
    }

    /// `10.1.0.0/22`: four dotted numbers and a length resolve to nothing but text.
    static func isIPv4Prefix(_ text: String) -> Bool {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[1].isEmpty, halves[1].count <= 2, halves[1].allSatisfy(\.isASCIIDigit) else { return false }
        let parts = halves[0].split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z")
    }

    /// A comment's text on one line: line breaks become spaces.
    static func commentText(_ text: String) -> String {
        String(text.unicodeScalars.map { ($0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}") ? " " : Character($0) })
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
