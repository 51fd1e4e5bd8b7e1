import Testing
import TopolintCore
@testable import TopolintYAML
@testable import TopolintModel

/// Input built to hurt: each gives exactly one TL001, quickly, without crashing.
@Suite("Core: hostile input")
struct CoreHostileInputTests {
    @Test("a billion-laughs alias bomb of a few hundred bytes stops at the expansion limit")
    func billionLaughs() throws {
        var yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
            yaml += "\(name): &\(name) [\(aliases)]\n"
        }
        #expect(yaml.utf8.count < 500)
        let d = try #require(CoreFixture.expectOneSyntaxError(Array(yaml.utf8)))
        #expect(d.message.contains("alias"))
        // It stops on the line where the expansion crosses the limit (9^7 > 1,000,000).
        #expect(d.location.line == 7)
    }

    @Test("an alias bomb through mapping merges stops as well")
    func mergeBomb() throws {
        var yaml = "a: &a {k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9}\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = (0..<10).map { "x\($0): *\(previous)" }.joined(separator: ", ")
            yaml += "\(name): &\(name) {\(aliases)}\n"
        }
        CoreFixture.expectOneSyntaxError(Array(yaml.utf8))
    }

    @Test("10,000 nested flow sequences stop at the depth limit")
    func deepFlow() throws {
        let yaml = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let d = try #require(CoreFixture.expectOneSyntaxError(Array(yaml.utf8)))
        #expect(d.message.contains("nesting deeper than 128"))
        #expect(d.location.line == 1)
        #expect(d.location.column == 129)
    }

    @Test("10,000 nested block sequences stop at the depth limit")
    func deepBlock() throws {
        let yaml = String(repeating: "- ", count: 10_000) + "x\n"
        let d = try #require(CoreFixture.expectOneSyntaxError(Array(yaml.utf8)))
        #expect(d.message.contains("nesting"))
        #expect(d.location.line == 1)
        #expect(d.location.column == 257)
    }

    @Test("1,000 nested block mappings stop at the depth limit")
    func deepBlockMappings() throws {
        // One key per line, each indented one more space than the last (10,000 would be 50 MB).
        var yaml = ""
        for depth in 0..<1_000 { yaml += String(repeating: " ", count: depth) + "k:\n" }
        let d = try #require(CoreFixture.expectOneSyntaxError(Array(yaml.utf8)))
        #expect(d.message.contains("nesting"))
        #expect(d.location.line == 129)
        #expect(d.location.column == 129)
    }

    @Test("invalid UTF-8 is a TL001 at the bad byte's line and column")
    func invalidUTF8() throws {
        let bytes = Array("topology: t\nversion: 1\nsites:\n  fr".utf8) + [0xFF] + Array("a1: {}\n".utf8)
        let d = try #require(CoreFixture.expectOneSyntaxError(bytes))
        #expect(d.message.contains("UTF-8"))
        #expect(d.location.line == 4)
        #expect(d.location.column == 5)
    }

    @Test("invalid UTF-8 after multi-byte characters still gets the right column")
    func invalidUTF8AfterNonASCII() throws {
        let bytes = Array("a: b\nné: \"é".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        let d = try #require(CoreFixture.expectOneSyntaxError(bytes))
        // libyaml points at the octet that breaks the sequence: 0x28 after the lead byte 0xC3.
        #expect(d.location.line == 2)
        #expect(d.location.column == 8)
        #expect(d.message.contains("0x28"))
    }

    @Test("invalid UTF-8 is placed on libyaml's lines: CR, CRLF, NEL and LS all end a line")
    func invalidUTF8AfterOtherLineBreaks() throws {
        let breaks: [[UInt8]] = [[0x0D], [0x0D, 0x0A], [0xC2, 0x85], [0xE2, 0x80, 0xA8]]
        for lineBreak in breaks {
            let bytes = Array("a: 1".utf8) + lineBreak + Array("b: 2".utf8) + lineBreak + Array("c: x".utf8) + [0xFF]
            let d = try #require(CoreFixture.expectOneSyntaxError(bytes))
            #expect(d.location.line == 3, "after \(lineBreak): \(d.oneLine)")
            #expect(d.location.column == 5, "after \(lineBreak): \(d.oneLine)")
        }
    }

    @Test("invalid UTF-8 on the first line of a file with a byte order mark: the mark is no column")
    func invalidUTF8AfterBOM() throws {
        let d = try #require(CoreFixture.expectOneSyntaxError([0xEF, 0xBB, 0xBF] + Array("a: ".utf8) + [0xFF]))
        #expect(d.location.line == 1)
        #expect(d.location.column == 4)
    }

    @Test("an empty file is one TL001 at 1:1")
    func emptyFile() throws {
        let d = try #require(CoreFixture.expectOneSyntaxError([]))
        #expect(d.message.contains("empty"))
        #expect(d.location.line == 1 && d.location.column == 1, "\(d.oneLine)")
    }

    @Test("a file of only comments is one TL001 at 1:1")
    func onlyComments() throws {
        let d = try #require(CoreFixture.expectOneSyntaxError(Array("# a comment\n\n   # another\n".utf8)))
        #expect(d.message.contains("empty"))
        #expect(d.location.line == 1 && d.location.column == 1, "\(d.oneLine)")
    }

    @Test("a binary file with NUL bytes is one TL001")
    func binary() throws {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00]
        let d = try #require(CoreFixture.expectOneSyntaxError(bytes))
        #expect(d.message.contains("control character"))
        #expect(d.location.line == 1)
    }

    @Test("a NUL byte inside an otherwise fine file is one TL001 on its line")
    func nulInText() throws {
        let d = try #require(CoreFixture.expectOneSyntaxError(Array("topology: t\nversion: 1\nsites: {a\0: {}}\n".utf8)))
        #expect(d.location.line == 3)
        #expect(d.location.column == 10)
    }

    @Test("UTF-16 files, either byte order, are one TL001 that says so")
    func utf16() throws {
        let text = "topology: t\nversion: 1\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        for bytes in [little, big] {
            let d = try #require(CoreFixture.expectOneSyntaxError(bytes))
            #expect(d.message.contains("UTF-16"))
            #expect(d.location.line == 1 && d.location.column == 1, "\(d.oneLine)")
        }
    }

    @Test("UTF-32 files, either byte order, are one TL001 that says UTF-32")
    func utf32() throws {
        let scalars = "topology: t\nversion: 1\n".unicodeScalars.map(\.value)
        let little: [UInt8] = [0xFF, 0xFE, 0, 0] + scalars.flatMap { v in (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let big: [UInt8] = [0, 0, 0xFE, 0xFF] + scalars.flatMap { v in (0..<4).reversed().map { UInt8((v >> (8 * $0)) & 0xFF) } }
        for bytes in [little, big] {
            let d = try #require(CoreFixture.expectOneSyntaxError(bytes))
            #expect(d.message == "the file is UTF-32 encoded; topology files must be UTF-8")
            #expect(d.location.line == 1 && d.location.column == 1, "\(d.oneLine)")
        }
    }

    @Test("an alias to an undefined anchor is one TL001 at the alias")
    func undefinedAlias() throws {
        let d = try #require(CoreFixture.expectOneSyntaxError(Array("topology: t\nversion: 1\nsites: *nowhere\n".utf8)))
        #expect(d.message.contains("*nowhere"))
        #expect(d.location.line == 3 && d.location.column == 8)
    }

    @Test("an alias inside the node it names is one TL001, not a cycle")
    func recursiveAlias() throws {
        let d = try #require(CoreFixture.expectOneSyntaxError(Array("topology: t\nversion: 1\nsites: &s {a: *s}\n".utf8)))
        #expect(d.location.line == 3 && d.location.column == 15)
    }

    @Test("an alias used before its anchor is defined is one TL001")
    func aliasBeforeAnchor() {
        CoreFixture.expectOneSyntaxError(Array("a: *later\nb: &later {}\n".utf8))
    }

    @Test("a pattern key standing for 100 million names is refused before expanding")
    func patternBomb() {
        let diagnostics = CoreFixture.diagnostics("topology: t\nversion: 1\nsites:\n  \"s[0:9999][0:9999]\": {}\n")
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 4, column: 3, "over the limit")
    }

    @Test("the reader's limits can be set lower")
    func customLimits() {
        let deep = YAMLReader.parse(Array("a: {b: {c: {d: 1}}}".utf8), file: "l.yaml", limits: YAMLLimits(maxDepth: 3))
        #expect(deep.document == nil)
        #expect(deep.diagnostics.map(\.location.column) == [12])
        #expect(deep.diagnostics.first?.message.contains("deeper than 3") == true)
        let wide = YAMLReader.parse(Array("a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n".utf8), file: "l.yaml", limits: YAMLLimits(maxExpandedNodes: 12))
        #expect(wide.document == nil)
        #expect(wide.diagnostics.map(\.location.line) == [2])
        let fits = YAMLReader.parse(Array("a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n".utf8), file: "l.yaml", limits: YAMLLimits(maxExpandedNodes: 40))
        #expect(fits.document != nil && fits.diagnostics.isEmpty)
    }

    @Test("a lone scalar, a list or a tab-indented file are rejected without a crash")
    func otherShapes() {
        // Not a mapping at the top: a schema error, not a crash.
        let scalar = CoreFixture.diagnostics("just text\n")
        #expect(scalar.count == 1)
        #expect(scalar.first?.code == .schema)
        let list = CoreFixture.diagnostics("- a\n- b\n")
        #expect(list.count == 1)
        #expect(list.first?.code == .schema)
        CoreFixture.expectOneSyntaxError(Array("a:\n\tb: 1\n".utf8))
        // A document with nothing in it parses: its top level is not a mapping.
        let bare = CoreFixture.diagnostics("---\n")
        #expect(bare.count == 1)
        #expect(bare.first?.code == .schema)
    }
}
