import TopolintCore

/// Human output in the style of rustc and ruff: a `file:line:col:` head that terminals and
/// editors turn into links, the offending source line with a caret, and the fix.
public struct TextReporter: Reporter {
    public static let id = "text"
    public static let summary = "human-readable, with source snippets (the default)"

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        String(decoding: renderBytes(report, options: options), as: UTF8.self)
    }

    /// The bytes as collected: the text is UTF-8 by construction (whole strings and ASCII),
    /// so it goes out without a pass that checks it.
    public static func renderBytes(_ report: LintReport, options: ReportOptions) -> [UInt8] {
        // Entries are written straight into one byte buffer (a few hundred bytes each), not
        // built as strings and joined: with tens of thousands of findings the copies add up.
        var out = ByteBuffer(capacity: ByteBuffer.roomPerEntry * (report.diagnostics.count + report.findings.count) + 256)
        write(report, options: options, to: &out)
        return out.bytes
    }

    /// The same bytes, handed to `sink` a mebibyte at a time as they are made.
    public static func write(_ report: LintReport, options: ReportOptions, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var out = ByteBuffer(sink: sink)
            write(report, options: options, to: &out)
            out.flush()
        }
    }

    private static func write(_ report: LintReport, options: ReportOptions, to out: inout ByteBuffer) {
        let ansi = ANSI(enabled: options.color)
        var lines = SourceLines(report.sources)
        var entries = 0

        for d in report.diagnostics {
            out.flushIfFull()
            if entries > 0 { out.append(byte: UInt8(ascii: "\n")) }
            entries += 1
            appendLocation(d.location, to: &out)
            out.append(": " as StaticString)
            out.append(ansi.apply(.redBold, "error"))
            out.append(byte: UInt8(ascii: "["))
            out.append(ansi.apply(.bold, d.code.id))
            out.append("] " as StaticString)
            out.append(clean(d.message))
            out.append(byte: UInt8(ascii: "\n"))
            appendSnippet(d.location, lines: &lines, caretStyle: .redBold, ansi: ansi, to: &out)
            if let help = d.help, !help.isEmpty {
                out.append("  = help: " as StaticString)
                out.append(clean(help))
                out.append(byte: UInt8(ascii: "\n"))
            }
        }

        for f in options.sort.sorted(report.findings) {
            out.flushIfFull()
            if entries > 0 { out.append(byte: UInt8(ascii: "\n")) }
            entries += 1
            let style = severityStyle(f.severity)
            appendLocation(f.location, to: &out)
            out.append(": " as StaticString)
            out.append(ansi.apply(style, f.severity.rawValue))
            out.append(" [" as StaticString)
            out.append(Format.score(f.score))
            out.append("] " as StaticString)
            out.append(ansi.apply(.bold, f.ruleID))
            out.append(byte: UInt8(ascii: " "))
            out.append(clean(f.ruleName))
            out.append(": " as StaticString)
            out.append(clean(f.message))
            out.append(byte: UInt8(ascii: "\n"))
            appendSnippet(f.location, lines: &lines, caretStyle: style, ansi: ansi, to: &out)
            if !f.fix.isEmpty {
                out.append("  = fix: " as StaticString)
                out.append(clean(f.fix))
                out.append(byte: UInt8(ascii: "\n"))
            }
        }

        if entries > 0 { out.append(byte: UInt8(ascii: "\n")) }
        let causes = RootCauses.find(report.findings, causeKeys: Dictionary(report.rules.map { ($0.id, $0.causeKeys) }, uniquingKeysWith: { a, _ in a }))
        for cause in causes {
            out.append(ansi.apply(.bold, "note"))
            out.append(": " as StaticString)
            out.append(clean(cause.line))
            out.append(byte: UInt8(ascii: "\n"))
        }
        if !causes.isEmpty { out.append(byte: UInt8(ascii: "\n")) }
        out.append(summaryLine(report))
        out.append(byte: UInt8(ascii: "\n"))
    }

    /// `file:line:col`, the file name cleaned (the numbers need no cleaning).
    static func appendLocation(_ loc: SourceLocation, to out: inout ByteBuffer) {
        out.append(clean(loc.file))
        out.append(byte: UInt8(ascii: ":"))
        out.append(loc.line)
        out.append(byte: UInt8(ascii: ":"))
        out.append(loc.column)
    }

    /// Names in messages come from the file, and a YAML double-quoted string can hold any
    /// control character (`"\e[2J"`): none of them may reach the terminal, and a newline
    /// would split an entry's head line.
    public static func clean(_ text: String) -> String {
        guard mayHoldControl(text), text.unicodeScalars.contains(where: { Snippet.isControl($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if Snippet.isControl(scalar) { out += scalar == "\t" ? " " : "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether `text` may hold a control character, by its bytes: every C0 control and DEL
    /// is one byte below 0x20 or 0x7F, and every C1 control is 0xC2 then 0x80–0x9F. Names
    /// and messages are checked eight bytes at a time, and only a hit is decoded.
    static func mayHoldControl(_ text: String) -> Bool {
        let checked = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard let base = utf8.baseAddress else { return false }
            let raw = UnsafeRawPointer(base)
            @inline(__always) func hit(_ word: UInt64) -> Bool {
                wordHasByteBelow(word, 0x20) || wordHasByte(word, 0x7F) || wordHasByte(word, 0xC2)
            }
            var i = 0
            while i + 8 <= utf8.count {
                if hit(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
                i += 8
            }
            while i < utf8.count {
                if utf8[i] < 0x20 || utf8[i] == 0x7F || utf8[i] == 0xC2 { return true }
                i += 1
            }
            return false
        }
        return checked ?? true
    }

    static func severityStyle(_ severity: Severity) -> ANSI.Style {
        switch severity {
        // Distinct, so a glance tells critical from high: bold red, then plain red.
        case .critical: .redBold
        case .high: .red
        case .medium: .yellow
        case .low: .cyan
        }
    }

    /// The gutter, the line and the caret; nothing at all when the line is unknown.
    static func snippet(_ loc: SourceLocation, lines: inout SourceLines, caretStyle: ANSI.Style,
                        ansi: ANSI) -> String {
        var out = ByteBuffer(capacity: 256)
        appendSnippet(loc, lines: &lines, caretStyle: caretStyle, ansi: ansi, to: &out)
        return out.string
    }

    static func appendSnippet(_ loc: SourceLocation, lines: inout SourceLines, caretStyle: ANSI.Style,
                              ansi: ANSI, to out: inout ByteBuffer) {
        let text: ArraySlice<UInt8>, caretOffset: Int
        if let plain = lines.plainLine(loc.line, of: loc.file) {
            // As `Snippet` shows a short printable line: as it is, the caret under the column.
            text = plain
            caretOffset = min(max(loc.column, 1) - 1, plain.count)
        } else {
            guard let shown = lines.snippet(loc.line, of: loc.file, column: loc.column) else { return }
            text = ArraySlice(shown.text.utf8)
            caretOffset = shown.caretOffset
        }
        let number = String(loc.line)
        let bar = ansi.apply(.blue, "|")
        out.append("  " as StaticString)
        out.append(ansi.apply(.blue, number))
        out.append(byte: UInt8(ascii: " "))
        out.append(bar)
        out.append(byte: UInt8(ascii: " "))
        out.append(text)
        out.append("\n  " as StaticString)
        out.append(repeating: UInt8(ascii: " "), count: number.utf8.count)
        out.append(byte: UInt8(ascii: " "))
        out.append(bar)
        out.append(byte: UInt8(ascii: " "))
        out.append(repeating: UInt8(ascii: " "), count: caretOffset)
        out.append(ansi.apply(caretStyle, "^"))
        out.append(byte: UInt8(ascii: "\n"))
    }

    /// One line: the counts that decide whether the run is clean.
    static func summaryLine(_ report: LintReport) -> String {
        var parts: [String] = []
        if !report.diagnostics.isEmpty {
            let files = Format.filesWithDiagnostics(report.diagnostics).count
            let what = files == 1 ? "file could not be loaded" : "\(files) files could not be loaded"
            parts.append(Format.count(report.diagnostics.count, "error") + ": " + what)
        }
        let summary = report.summary
        var findings: [String] = []
        if summary.findings > 0 {
            let bands = Severity.allCases.reversed().map { "\(summary.count($0)) \($0.rawValue)" }
            findings.append(Format.count(summary.findings, "finding") + " (" + bands.joined(separator: ", ") + ")")
        } else if report.diagnostics.isEmpty {
            findings.append("no findings")
        }
        if summary.suppressed > 0 { findings.append("\(summary.suppressed) suppressed") }
        if summary.findings > 0 { findings.append("max score \(Format.score(summary.maxScore))") }
        if report.baselined > 0 { findings.append("\(report.baselined) baselined") }
        if !findings.isEmpty { parts.append(findings.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
