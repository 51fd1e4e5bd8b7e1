import TopolintCore

/// The source lines of the report's files, split once per file however many entries
/// point into it.
struct SourceLines {
    private let sources: [String: [UInt8]]
    /// Byte offsets where each line starts, found once per file on first use.
    private var starts: [String: [UInt32]] = [:]

    init(_ sources: [String: [UInt8]]) { self.sources = sources }

    /// The file's bytes and the byte range of its 1-based line `number` with the line
    /// break, or nil when the file's text is unknown or too short.
    private mutating func locate(_ number: Int, of file: String) -> (bytes: [UInt8], start: Int, end: Int)? {
        guard number >= 1, let bytes = sources[file], !bytes.isEmpty else { return nil }
        if starts[file] == nil { starts[file] = SourceLines.lineStarts(bytes) }
        guard let lineStarts = starts[file], number <= lineStarts.count else { return nil }
        let end = number < lineStarts.count ? Int(lineStarts[number]) : bytes.count
        return (bytes, Int(lineStarts[number - 1]), end)
    }

    /// The 1-based line of `file`, or nil when the file's text is unknown or too short.
    /// Only the requested line is decoded, so a large file costs one byte scan.
    mutating func line(_ number: Int, of file: String) -> Substring? {
        guard let (bytes, start, end) = locate(number, of: file) else { return nil }
        let cut = textEnd(ofLine: bytes, start, end, last: end == bytes.count)
        return Substring(String(decoding: bytes[start..<cut], as: UTF8.self))
    }

    /// The bytes of line `number` without its line break when the line is short and all
    /// printable ASCII, as nearly every line of a topology file is: such a line is shown as
    /// it is, one terminal cell per byte, with no decoding.
    mutating func plainLine(_ number: Int, of file: String) -> ArraySlice<UInt8>? {
        guard let (bytes, start, end) = locate(number, of: file), end - start <= Snippet.maxScalars else { return nil }
        let cut = textEnd(ofLine: bytes, start, end, last: end == bytes.count)
        let plain = bytes.withUnsafeBufferPointer { isPrintableASCII(UnsafeBufferPointer(rebasing: $0[start..<cut])) }
        return plain ? bytes[start..<cut] : nil
    }

    /// The snippet of line `number` around `column`: a long line (a file of one 100 MB
    /// line, say) is cut to `Snippet.maxScalars` code points around the column, marked
    /// with "…" where cut, so a snippet costs a bounded amount of output.
    mutating func snippet(_ number: Int, of file: String, column: Int) -> Snippet? {
        guard let (bytes, start, end) = locate(number, of: file) else { return nil }
        // Short lines (nearly all of them) take the usual path.
        if end - start <= Snippet.maxScalars, let line = line(number, of: file) { return Snippet(line: line, column: column) }
        // Byte offsets of the window's first and last code point, counted as lead bytes.
        let first = max(0, max(column, 1) - 1 - Snippet.maxScalars / 2)
        var index = 0, i = start, from = start
        while i < end {
            if bytes[i] & 0xC0 != 0x80 {
                if index == first { from = i; break }
                index += 1
            }
            i += 1
        }
        if i >= end { from = end }
        var to = from, taken = 0
        while to < end {
            if bytes[to] & 0xC0 != 0x80 {
                if taken == Snippet.maxScalars { break }
                taken += 1
            }
            to += 1
        }
        let cutEnd = to < end
        var shownEnd = to
        if !cutEnd {   // the line's own end: drop its line break as `line` does
            while shownEnd > from, bytes[shownEnd - 1] == 0x0A || bytes[shownEnd - 1] == 0x0D { shownEnd -= 1 }
        }
        let text = Substring(String(decoding: bytes[from..<shownEnd], as: UTF8.self))
        var snippet = Snippet(line: text, column: column - first)
        if first > 0 { snippet.text = "…" + snippet.text; snippet.caretOffset += 1 }
        if cutEnd { snippet.text += "…" }
        return snippet
    }

    /// Line starts at the line breaks libyaml counts, so line numbers from the parser land
    /// on the line it meant; a break that ends the file starts no line here.
    static func lineStarts(_ bytes: [UInt8]) -> [UInt32] {
        var starts = TopolintCore.lineStarts(of: bytes, length: bytes.count)
        if starts.count > 1, Int(starts[starts.count - 1]) == bytes.count { starts.removeLast() }
        return starts
    }

    /// The lines of a text, split as `lineStarts` does (kept for callers that want them all).
    static func split(_ text: String) -> [Substring] {
        var lines = SourceLines(["": Array(text.utf8)])
        var result: [Substring] = []
        var n = 1
        while let line = lines.line(n, of: "") { result.append(line); n += 1 }
        return result
    }
}

/// A source line made safe and measurable for a terminal, with the caret's offset.
struct Snippet: Equatable {
    /// The line as shown: tabs expanded, control characters replaced.
    var text: String
    /// Terminal cells before the caret.
    var caretOffset: Int

    static let tabWidth = 4
    /// Code points shown of a long line, around the caret.
    static let maxScalars = 160

    /// `column` counts Unicode code points from 1, as libyaml and SARIF's
    /// `unicodeCodePoints` do; a column past the end puts the caret just after the line.
    init(line: Substring, column: Int) {
        // Printable ASCII (nearly every line of a topology file) shows as it is, one cell
        // per byte: no per-scalar work.
        if line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            text = String(line)
            caretOffset = min(max(column, 1) - 1, line.utf8.count)
            return
        }
        var text = ""
        var width = 0
        var caret: Int?
        for (index, scalar) in line.unicodeScalars.enumerated() {
            if index == max(column, 1) - 1 { caret = width }
            let (shown, cells) = Snippet.display(scalar)
            text += shown
            width += cells
        }
        self.text = text
        self.caretOffset = caret ?? width
    }

    /// How a scalar is shown and how many cells it takes. Tabs become spaces (their width
    /// depends on the terminal); control characters become U+FFFD so a hostile file cannot
    /// send escape sequences to the terminal.
    static func display(_ scalar: Unicode.Scalar) -> (String, Int) {
        switch scalar.value {
        case 0x09: return (String(repeating: " ", count: tabWidth), tabWidth)
        case _ where isControl(scalar): return ("\u{FFFD}", 1)
        default: return (String(scalar), width(of: scalar))
        }
    }

    /// C0 and C1 controls and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// Terminal cells for a printable scalar: 0 for combining and zero-width characters,
    /// 2 for East Asian wide and emoji, 1 otherwise. An approximation of wcwidth that is
    /// good enough to put a caret under the right character.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0xFE00...0xFE0F).contains(v) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
