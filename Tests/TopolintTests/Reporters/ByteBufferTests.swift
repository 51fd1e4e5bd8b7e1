import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("Byte-buffer writers")
struct ByteBufferTests {
    /// Strings that exercise every escape, multi-byte UTF-8 next to escapes, and a bridged
    /// (non-contiguous-capable) string path through Substring.
    static let strings = [
        "", "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "bell \u{07} nul \u{00} esc \u{1B} us \u{1F}",
        "del \u{7F} c1 \u{85} ä 漢字 🚀", "\u{1F}\u{1F}\"", "ends with escape\n", "é\"é",
    ]

    static let doubles: [Double] = [0, 8, -8, 7.5, 0.1, 1e15, 1e16, -1e15, 123456.789, .infinity, -.infinity, .nan, .leastNonzeroMagnitude]

    static var sample: JSONValue {
        .object([
            ("strings", .strings(strings)),
            ("doubles", .array(doubles.map { .double($0) })),
            ("ints", .array([0, 1, -1, 42, Int.max, Int.min].map { .int($0) })),
            ("flags", .array([.bool(true), .bool(false), .null])),
            ("empty", .object([("a", .array([])), ("b", .object([]))])),
            ("nested", .array([.object([("k \"q\"", .array([.array([.string("x")])]))])])),
        ])
    }

    @Test(arguments: [false, true])
    func jsonMatchesTheStringSerializer(pretty: Bool) {
        let expected = ByteBufferTests.sample.serialized(pretty: pretty) + "\n"
        let written = JSONBytes.text(ByteBufferTests.sample, pretty: pretty, capacity: 16)
        #expect(written == expected)
        #expect(Array(written.utf8) == Array(expected.utf8))
    }

    @Test func eachStringEscapesAsTheStringSerializerDoes() {
        for s in ByteBufferTests.strings {
            var out = ByteBuffer(capacity: 0)
            out.appendJSONString(s)
            #expect(out.string == JSONValue.string(s).serialized(), "\(s.debugDescription)")
        }
    }

    @Test("an escape at any position of a run read eight bytes at a time is still escaped")
    func escapesAtEveryPosition() {
        for length in 0...24 {
            for at in 0..<max(length, 1) {
                for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "é", " ", "\u{7F}"] {
                    var chars = Array(repeating: "a", count: length)
                    if length > 0 { chars[at] = special }
                    let s = chars.joined()
                    var out = ByteBuffer(capacity: 0)
                    out.appendJSONString(s)
                    #expect(out.string == JSONValue.string(s).serialized(), "\(s.debugDescription)")
                }
            }
        }
    }

    @Test func integersAreWrittenInDecimal() {
        for value in [0, 7, -7, 10, 100, 2_147_483_648, Int.max, Int.min] {
            var out = ByteBuffer(capacity: 0)
            out.append(value)
            #expect(out.string == String(value))
        }
    }

    @Test func piecesAreAppendedInOrder() {
        var out = ByteBuffer(capacity: 4)
        out.append("ab" as StaticString)
        out.append("ç".dropFirst(0))
        out.append(byte: UInt8(ascii: "-"))
        out.append(repeating: UInt8(ascii: " "), count: 3)
        out.append(repeating: UInt8(ascii: " "), count: 0)
        out.append("ü漢")
        #expect(out.string == "abç-   ü漢")
        #expect(out.bytes.count == 2 + 2 + 1 + 3 + 2 + 3)
    }

    func snippet(_ line: String, _ column: Int) -> (String, Int) {
        let shown = Snippet(line: Substring(line), column: column)
        return (shown.text, shown.caretOffset)
    }

    @Test func snippetsOfASCIIAndOtherLinesPutTheCaretUnderTheColumn() {
        #expect(snippet("  web: {id: 100}", 3) == ("  web: {id: 100}", 2))
        #expect(Snippet(line: "abc", column: 9).caretOffset == 3)
        #expect(Snippet(line: "abc", column: 0).caretOffset == 0)
        #expect(snippet("", 1) == ("", 0))
        #expect(snippet("\tx", 2) == ("    x", 4))
        #expect(snippet("漢x", 2) == ("漢x", 2))
        #expect(snippet("a\u{1B}b", 3) == ("a\u{FFFD}b", 2))
    }
}

/// Short printable lines skip `Snippet`'s decoding; what is shown must not change.
@Suite("Reporters: plain source lines")
struct PlainLineTests {
    static let lines = ["  web: {id: 100}", "x", "", "\tdb: {id: 200}", "ü名: {id: 300}", "del \u{7F} here",
                        "c1 \u{90} here", String(repeating: "long ", count: 40)]

    @Test func aSnippetIsWhatSnippetShows() {
        for line in PlainLineTests.lines {
            for breakText in ["\n", "\r\n", ""] {
                let source = "first: 1\n" + line + breakText + "last: 2\n"
                for column in 0...(line.unicodeScalars.count + 2) {
                    var lines = SourceLines(["f.yaml": Array(source.utf8)])
                    let written = TextReporter.snippet(SourceLocation(file: "f.yaml", line: 2, column: column), lines: &lines,
                                                       caretStyle: .red, ansi: ANSI(enabled: false))
                    var again = SourceLines(["f.yaml": Array(source.utf8)])
                    let shown = again.snippet(2, of: "f.yaml", column: column)!
                    let expected = "  2 | \(shown.text)\n    | \(String(repeating: " ", count: shown.caretOffset))^\n"
                    #expect(written == expected, "\(line.debugDescription) column \(column)")
                }
            }
        }
    }

    @Test func onlyShortPrintableASCIILinesArePlain() {
        let source = PlainLineTests.lines.joined(separator: "\n")
        var lines = SourceLines(["f.yaml": Array(source.utf8)])
        let plain = (1...PlainLineTests.lines.count).map { lines.plainLine($0, of: "f.yaml").map { String(decoding: $0, as: UTF8.self) } }
        #expect(plain == ["  web: {id: 100}", "x", "", nil, nil, nil, nil, nil])
        #expect(lines.plainLine(99, of: "f.yaml") == nil)
        #expect(lines.plainLine(1, of: "other.yaml") == nil)
    }

    @Test func messagesAreCleanedOnlyWhenTheyHoldAControl() {
        for length in 0...20 {
            for at in 0..<max(length, 1) {
                for special in ["\u{01}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "é", "\t", "~"] {
                    var chars = Array(repeating: "a", count: length)
                    if length > 0 { chars[at] = special }
                    let text = chars.joined()
                    let control = text.unicodeScalars.contains { Snippet.isControl($0) }
                    if control { #expect(TextReporter.mayHoldControl(text), "\(text.debugDescription)") }
                    #expect(TextReporter.clean(text) == (control ? text.unicodeScalars.map {
                        Snippet.isControl($0) ? ($0 == "\t" ? " " : "\u{FFFD}") : String($0)
                    }.joined() : text))
                }
            }
        }
    }
}

/// A report written out a piece at a time is the report rendered whole, byte for byte,
/// however many pieces it takes.
@Suite("Reports written as they are made")
struct StreamedReportTests {
    static func report(_ count: Int) -> LintReport {
        let findings = (0..<count).map { i in
            Finding(ruleID: "TL600", ruleName: "workload-vlan-missing", score: Double(i % 100) / 10,
                    message: "finding \(i): " + String(repeating: "é—", count: i % 50) + " \"quoted\"", fix: "fix it",
                    subject: Subject(kind: "workload", name: "w\(i)"),
                    location: SourceLocation(file: "big.yaml", line: i + 1, column: 3),
                    context: [("vlan", .string("v\(i % 7)")), ("hosts", .strings((0..<(i % 30)).map { "host-\($0)" }))])
        }
        let source = Array((0..<count).map { "  w\($0): {cluster: c, vlans: [v]}\n" }.joined().utf8)
        return LintReport(files: ["big.yaml"], diagnostics: [], findings: findings, suppressed: [], rules: [],
                          sources: ["big.yaml": source])
    }

    @Test("text and JSON: the pieces make the whole report, several pieces for a large one", arguments: ["json", "text"])
    func piecesMakeTheWhole(format: String) throws {
        for count in [0, 3, 6000] {
            let report = Self.report(count)
            let whole = try #require(Reporters.renderBytes(report, format: format))
            var pieces: [[UInt8]] = []
            #expect(Reporters.write(report, format: format) { pieces.append(Array($0)) })
            #expect(Array(pieces.joined()) == whole)
            if count == 6000 && format == "json" { #expect(whole.count > 2 * ByteBuffer.flushAt) }
            if whole.count > 2 * ByteBuffer.flushAt {
                #expect(pieces.count >= 2, "a report of \(whole.count) bytes in one piece")
                #expect(pieces.dropLast().allSatisfy { $0.count >= ByteBuffer.flushAt })
            }
        }
        #expect(!Reporters.write(Self.report(1), format: "no-such-format") { _ in })
    }
}
