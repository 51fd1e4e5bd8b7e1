/// ANSI SGR styling that disappears entirely when colour is off, so plain output has no
/// escape bytes at all (not even resets).
struct ANSI {
    var enabled: Bool

    static let reset = "\u{1B}[0m"

    enum Style: String {
        case bold = "1"
        case red = "31"
        case redBold = "1;31"
        case yellow = "33"
        case cyan = "36"
        case blue = "34"
        case dim = "2"
    }

    func apply(_ style: Style, _ text: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(style.rawValue)m\(text)\(ANSI.reset)"
    }
}
