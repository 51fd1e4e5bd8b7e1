/// XML 1.0 text and attribute escaping for the JUnit reporter.
enum XML {
    /// XML 1.0 allows only tab, LF, CR and the ranges below; anything else (NUL, ESC, U+FFFE)
    /// makes the whole document unparseable, so it is dropped rather than escaped
    /// (character references to these code points are not allowed either).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Escapes character data (element content).
    static func text(_ s: String) -> String { escape(s, attribute: false) }

    /// Escapes an attribute value for either quote style. Tab, LF and CR become character
    /// references because parsers normalise them to spaces inside attributes.
    static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            guard isAllowed(scalar) else { continue }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"  // `]]>` is illegal in text; escaping every `>` is simplest
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            // A literal CR is turned into LF by every parser, even in text.
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
