import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("Reporter utilities")
struct ReportersUtilityTests {
    @Test func scoresShowOneDecimal() {
        #expect(Format.score(8) == "8.0")
        #expect(Format.score(9.4) == "9.4")
        #expect(Format.score(0) == "0.0")
        #expect(Format.score(10) == "10.0")
        #expect(Format.score(4.05) == "4.1")
    }

    @Test func linesSplitLikeLibyaml() {
        #expect(SourceLines.split("a\nb\r\nc\rd\u{85}e\u{2028}f").map(String.init) == ["a", "b", "c", "d", "e", "f"])
        #expect(SourceLines.split("\u{FEFF}x: 1\n").map(String.init) == ["x: 1"])
        #expect(SourceLines.split("x\n\ny").map(String.init) == ["x", "", "y"])
        var lines = SourceLines(["f": Array("one\r\ntwo".utf8), "bad": [0xFF, 0x41]])
        #expect(lines.line(2, of: "f") == "two")
        #expect(lines.line(3, of: "f") == nil)
        #expect(lines.line(0, of: "f") == nil)
        #expect(lines.line(1, of: "missing") == nil)
        #expect(lines.line(1, of: "bad") == "\u{FFFD}A")  // invalid UTF-8 is repaired, not fatal
    }

    @Test func caretOffsetsCountCells() {
        #expect(Snippet(line: "abc", column: 2).caretOffset == 1)
        #expect(Snippet(line: "名前: x", column: 4).caretOffset == 5)
        #expect(Snippet(line: "e\u{301}x", column: 3).caretOffset == 1)  // combining accent takes no cell
        let tab = Snippet(line: "\tx", column: 2)
        #expect(tab.text == "    x" && tab.caretOffset == 4)
        #expect(Snippet(line: "😀x", column: 2).caretOffset == 2)
        #expect(Snippet(line: "ab", column: 9).caretOffset == 2)
        #expect(Snippet(line: "", column: 1).caretOffset == 0)
    }

    @Test func relativePaths() {
        #expect(Paths.relative("/r/a/b.yaml", to: "/r") == "a/b.yaml")
        #expect(Paths.relative("/r/a/b.yaml", to: "/r/") == "a/b.yaml")
        #expect(Paths.relative("/rr/a.yaml", to: "/r") == nil)
        #expect(Paths.relative("/r", to: "/r") == nil)
        #expect(Paths.relative("./a/b.yaml", to: "/r") == "a/b.yaml")
        #expect(Paths.relative("/a.yaml", to: nil) == nil)
        #expect(Paths.relative("a.yaml", to: nil) == "a.yaml")
        #expect(Paths.display("/x/a.yaml", options: ReportOptions(repositoryRoot: "/r")) == "/x/a.yaml")
        #expect(Paths.normalized("/a/../../b/./c/..") == "/b")
        #expect(Paths.normalized("../a/../../b") == "../../b")
        #expect(Paths.normalized("a/b/../c") == "a/c")
        #expect(Paths.fileURI(absolute: "/r/a b", directory: true) == "file:///r/a%20b/")
    }
}
