import Testing
import TopolintCore
@testable import TopolintReporters

/// A snippet shows a bounded window of its line: a file of one 10 MB line prints about a
/// terminal line, with the caret still under the column it names.
@Suite struct LongLineSnippetTests {
    @Test func aLongLineIsCutAroundTheCaret() throws {
        let line = "a: b" + String(repeating: " ", count: 10_000_000) + "x: 1"
        var lines = SourceLines(["big.yaml": Array((line + "\n").utf8)])
        let column = 10_000_005   // the "x"
        let foundsnippet = lines.snippet(1, of: "big.yaml", column: column)
        let snippet = try #require(foundsnippet)
        #expect(snippet.text.unicodeScalars.count == 1 + Snippet.maxScalars / 2 + 4)
        #expect(snippet.text.hasPrefix("…"))
        #expect(snippet.text.hasSuffix("x: 1"))
        let caret = snippet.text.unicodeScalars.index(snippet.text.unicodeScalars.startIndex, offsetBy: snippet.caretOffset)
        #expect(snippet.text.unicodeScalars[caret] == "x")

        // At the start of the same line: the window runs from the line's start, cut at its end.
        let foundstart = lines.snippet(1, of: "big.yaml", column: 1)
        let start = try #require(foundstart)
        #expect(start.text == "a: b" + String(repeating: " ", count: Snippet.maxScalars - 4) + "…")
        #expect(start.caretOffset == 0)
    }

    @Test func multiByteCharactersAreCountedAsCodePoints() throws {
        let line = String(repeating: "é", count: 1_000) + "Z" + String(repeating: "é", count: 1_000)
        var lines = SourceLines(["u.yaml": Array(line.utf8)])
        let foundsnippet = lines.snippet(1, of: "u.yaml", column: 1_001)
        let snippet = try #require(foundsnippet)
        #expect(snippet.text.unicodeScalars.count == 2 + Snippet.maxScalars)
        let caret = snippet.text.unicodeScalars.index(snippet.text.unicodeScalars.startIndex, offsetBy: snippet.caretOffset)
        #expect(snippet.text.unicodeScalars[caret] == "Z")
    }

    @Test func shortLinesAreShownWhole() throws {
        var lines = SourceLines(["s.yaml": Array("short: line\n".utf8)])
        let foundsnippet = lines.snippet(1, of: "s.yaml", column: 8)
        let snippet = try #require(foundsnippet)
        #expect(snippet == Snippet(line: "short: line", column: 8))
    }
}
