import Testing
import TopolintCore
@testable import TopolintYAML

/// The libyaml reader and the located node arena (docs/format.md: “Anchors, aliases and merge keys”, “Load errors”).
@Suite("Core: YAML reader")
struct CoreYAMLReaderTests {
    /// Parses and requires a document with no diagnostics.
    func document(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> YAMLDocument {
        let result = YAMLReader.parse(Array(yaml.utf8), file: "r.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.oneLine))", sourceLocation: sourceLocation)
        return try #require(result.document, sourceLocation: sourceLocation)
    }

    func document(bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> YAMLDocument {
        let result = YAMLReader.parse(bytes, file: "r.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.oneLine))", sourceLocation: sourceLocation)
        return try #require(result.document, sourceLocation: sourceLocation)
    }

    func at(_ doc: YAMLDocument, _ node: YAMLNode) -> [Int] {
        let l = doc.location(node)
        return [l.line, l.column]
    }

    @Test("a block mapping: kinds, counts, lookups and 1-based positions")
    func blockMapping() throws {
        let doc = try document("""
            topology: acme
            version: 1
            sites:
              fra1: {description: first}
              ams1: [a, b, c]
            """)
        let root = doc.root
        #expect(doc.kind(root) == .mapping)
        #expect(doc.count(root) == 3)
        #expect(at(doc, root) == [1, 1])
        #expect(doc.string(doc.key(root, 0)) == "topology")
        #expect(doc.string(doc.value(root, 0)) == "acme")
        #expect(at(doc, doc.value(root, 0)) == [1, 11])
        #expect(at(doc, doc.key(root, 1)) == [2, 1])
        let sites = try #require(doc.lookup(root, "sites"))
        #expect(doc.kind(sites) == .mapping)
        #expect(at(doc, sites) == [4, 3])
        #expect(doc.count(sites) == 2)
        let fra1 = try #require(doc.lookup(sites, "fra1"))
        #expect(at(doc, fra1) == [4, 9])
        let description = try #require(doc.lookup(fra1, "description"))
        #expect(doc.string(description) == "first")
        #expect(at(doc, description) == [4, 23])
        let ams1 = try #require(doc.lookup(sites, "ams1"))
        #expect(doc.kind(ams1) == .sequence)
        #expect(doc.items(ams1).map(doc.string) == ["a", "b", "c"])
        #expect(doc.items(ams1).map { at(doc, $0) } == [[5, 10], [5, 13], [5, 16]])
        #expect(doc.lookup(root, "pods") == nil)
        #expect(doc.lookup(doc.value(root, 0), "x") == nil, "lookup on a scalar finds nothing")
        #expect(doc.count(doc.value(root, 0)) == 0)
        #expect(doc.lineText(3) == "sites:")
        #expect(doc.lineText(99) == nil)
    }

    @Test("quoted scalars are unescaped and flagged as quoted; plain ones are not")
    func quotedScalars() throws {
        let doc = try document(#"""
            a: "a\tb"
            b: 'it''s'
            c: "caf\u00e9 \"x\""
            d: plain text
            e: "plain"
            f: ''
            """#)
        let root = doc.root
        func value(_ key: String) throws -> YAMLNode { try #require(doc.lookup(root, key)) }
        #expect(doc.string(try value("a")) == "a\tb")
        #expect(doc.isQuoted(try value("a")))
        #expect(doc.string(try value("b")) == "it's")
        #expect(doc.string(try value("c")) == "café \"x\"")
        #expect(doc.string(try value("d")) == "plain text")
        #expect(!doc.isQuoted(try value("d")))
        #expect(doc.string(try value("e")) == "plain")
        #expect(doc.isQuoted(try value("e")))
        #expect(doc.scalarEquals(try value("e"), "plain"))
        #expect(!doc.scalarEquals(try value("e"), "plai"))
        #expect(doc.string(try value("f")) == "")
        #expect(!doc.isNull(try value("f")), "a quoted empty string is text, not null")
        #expect(at(doc, try value("a")) == [1, 4])
        #expect(at(doc, try value("c")) == [3, 4])
        // The scalar after an escaped one still has its own bytes and position.
        #expect(at(doc, try value("d")) == [4, 4])
    }

    @Test("multi-line plain scalars fold their lines with single spaces")
    func multiLinePlain() throws {
        let doc = try document("""
            a: one
              two
              three
            b: after
            """)
        #expect(doc.string(try #require(doc.lookup(doc.root, "a"))) == "one two three")
        let b = try #require(doc.lookup(doc.root, "b"))
        #expect(doc.string(b) == "after")
        #expect(at(doc, b) == [4, 4])
    }

    @Test("block scalars: literal keeps lines, folded joins them, chomping indicators apply")
    func blockScalars() throws {
        let doc = try document("""
            literal: |
              line one
              line two
            folded: >
              folded
              text
            stripped: |-
              no newline
            kept: |+
              kept

            next: x
            """)
        func value(_ key: String) throws -> YAMLNode { try #require(doc.lookup(doc.root, key)) }
        #expect(doc.string(try value("literal")) == "line one\nline two\n")
        #expect(doc.isQuoted(try value("literal")), "a block scalar is not plain")
        #expect(doc.string(try value("folded")) == "folded text\n")
        #expect(doc.string(try value("stripped")) == "no newline")
        #expect(doc.string(try value("kept")) == "kept\n\n")
        #expect(doc.string(try value("next")) == "x")
        #expect(at(doc, try value("next")) == [12, 7])
    }

    @Test("line and column found from a hint: the same as a full search, forwards, backwards and far ahead")
    func lineAndColumnWithHint() throws {
        var text = "größe: ünïcødé\nlist:\n"
        for i in 0..<30 { text += "  - {name: é\(i), at: \(i)}\n" }
        let doc = try document(text)
        var nodes: [YAMLNode] = []
        func walk(_ node: YAMLNode) {
            nodes.append(node)
            switch doc.kind(node) {
            case .scalar: break
            case .sequence: for i in 0..<doc.count(node) { walk(doc.item(node, i)) }
            case .mapping: for i in 0..<doc.count(node) { walk(doc.key(node, i)); walk(doc.value(node, i)) }
            }
        }
        walk(doc.root)
        #expect(nodes.count > 150)
        // In file order, in reverse, and every seventh node (jumps of several lines).
        for order in [nodes, nodes.reversed(), stride(from: 0, to: nodes.count, by: 7).map { nodes[$0] }] {
            var hint = 0
            for node in order {
                let found = doc.lineAndColumn(node, hint: &hint)
                #expect(found == doc.lineAndColumn(node), "\(doc.location(node))")
            }
        }
    }

    @Test("the ASCII check that lets an ASCII file skip the character walk sees a high byte anywhere")
    func asciiCheck() {
        for length in [0, 1, 7, 8, 9, 16, 23] {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(plain.withUnsafeBufferPointer { isASCII($0) }, "\(length)")
            for at in 0..<length {
                var bytes = plain
                bytes[at] = 0xC3
                #expect(!bytes.withUnsafeBufferPointer { isASCII($0) }, "\(length), \(at)")
            }
        }
    }

    @Test("non-ASCII text before a scalar: columns count characters, values stay right")
    func nonASCII() throws {
        let doc = try document("""
            größe: ünïcødé
            "日本語": {名前: 値, b: c}
            after: [é, x]
            d: "☃ and \\u2603"
            """)
        let root = doc.root
        #expect(doc.string(doc.key(root, 0)) == "größe")
        #expect(doc.string(doc.value(root, 0)) == "ünïcødé")
        #expect(at(doc, doc.value(root, 0)) == [1, 8])
        #expect(doc.string(doc.key(root, 1)) == "日本語")
        let inner = doc.value(root, 1)
        #expect(at(doc, inner) == [2, 8])
        #expect(doc.string(doc.key(inner, 0)) == "名前")
        #expect(at(doc, doc.key(inner, 0)) == [2, 9])
        #expect(doc.string(doc.value(inner, 0)) == "値")
        #expect(at(doc, doc.value(inner, 0)) == [2, 13])
        #expect(doc.string(doc.value(inner, 1)) == "c")
        #expect(at(doc, doc.value(inner, 1)) == [2, 19])
        let after = try #require(doc.lookup(root, "after"))
        #expect(doc.items(after).map(doc.string) == ["é", "x"])
        #expect(doc.items(after).map { at(doc, $0) } == [[3, 9], [3, 12]])
        #expect(doc.string(try #require(doc.lookup(root, "d"))) == "☃ and ☃")
        #expect(doc.lineText(2) == "\"日本語\": {名前: 値, b: c}")
    }

    @Test("CRLF line endings: same positions and values as LF, no carriage returns in values")
    func crlf() throws {
        let doc = try document("a: 1\r\nb: two\r\nc:\r\n  - x\r\n  - \"y\"\r\nd: long\r\n  plain\r\nlit: |\r\n  l1\r\n  l2\r\n")
        let root = doc.root
        #expect(doc.count(root) == 5)
        let b = try #require(doc.lookup(root, "b"))
        #expect(doc.string(b) == "two")
        #expect(at(doc, b) == [2, 4])
        let c = try #require(doc.lookup(root, "c"))
        #expect(doc.items(c).map(doc.string) == ["x", "y"])
        #expect(doc.items(c).map { at(doc, $0) } == [[4, 5], [5, 5]])
        #expect(doc.string(try #require(doc.lookup(root, "d"))) == "long plain")
        #expect(doc.string(try #require(doc.lookup(root, "lit"))) == "l1\nl2\n")
        #expect(doc.lineText(2) == "b: two")
    }

    @Test("a UTF-8 byte order mark is skipped: positions start after it")
    func utf8BOM() throws {
        let doc = try document(bytes: [0xEF, 0xBB, 0xBF] + Array("a: x\nb: é y\nc: z\n".utf8))
        let root = doc.root
        #expect(doc.string(doc.key(root, 0)) == "a")
        #expect(at(doc, doc.key(root, 0)) == [1, 1])
        #expect(doc.string(doc.value(root, 0)) == "x")
        #expect(at(doc, doc.value(root, 0)) == [1, 4])
        #expect(doc.string(doc.value(root, 1)) == "é y")
        #expect(doc.string(doc.value(root, 2)) == "z")
        #expect(at(doc, doc.value(root, 2)) == [3, 4])
    }

    @Test("null forms: ~, null, Null, NULL and nothing; quoted ones are text")
    func nulls() throws {
        let doc = try document("""
            a:
            b: ~
            c: null
            d: Null
            e: NULL
            f: "null"
            g: nil
            h: ''
            """)
        let values = (0..<doc.count(doc.root)).map { doc.value(doc.root, $0) }
        #expect(values.map(doc.isNull) == [true, true, true, true, true, false, false, false])
        #expect(doc.kind(values[0]) == .scalar)
    }

    @Test("scalars are read as written: no, on, 0101, 1e3 keep their text")
    func scalarsAsWritten() throws {
        let doc = try document("[no, on, yes, off, 0101, 1e3, 0x1F, True, .5]")
        #expect(doc.items(doc.root).map(doc.string) == ["no", "on", "yes", "off", "0101", "1e3", "0x1F", "True", ".5"])
        #expect(doc.items(doc.root).allSatisfy { !doc.isQuoted($0) })
    }

    @Test("anchors and aliases share the anchored node")
    func aliases() throws {
        let doc = try document("""
            a: &list [x, y]
            b: *list
            c: &s text
            d: *s
            """)
        let root = doc.root
        let a = try #require(doc.lookup(root, "a")), b = try #require(doc.lookup(root, "b"))
        #expect(a == b)
        #expect(doc.items(b).map(doc.string) == ["x", "y"])
        #expect(at(doc, b) == [1, 4], "an alias points at the anchored node's position")
        #expect(doc.string(try #require(doc.lookup(root, "d"))) == "text")
    }

    @Test("merge keys: aliased mappings merge in, keys written in the mapping win")
    func mergeKeys() throws {
        let doc = try document("""
            base: &base {role: leaf, vlans: [a], vtep: true}
            extra: &extra {role: core, site: s1, vtep: false}
            one:
              <<: *base
              role: spine
            two:
              <<: [*extra, *base]
              name: two
            three: {vtep: x, <<: *base}
            """)
        let root = doc.root
        let one = try #require(doc.lookup(root, "one"))
        #expect(doc.count(one) == 3)
        #expect(doc.lookup(one, "<<") == nil, "the merge key itself is folded away")
        #expect(doc.string(try #require(doc.lookup(one, "role"))) == "spine")
        #expect(doc.string(try #require(doc.lookup(one, "vtep"))) == "true")
        #expect(doc.items(try #require(doc.lookup(one, "vlans"))).map(doc.string) == ["a"])
        let two = try #require(doc.lookup(root, "two"))
        #expect(doc.count(two) == 5)
        // Earlier merge sources win over later ones.
        #expect(doc.string(try #require(doc.lookup(two, "role"))) == "core")
        #expect(doc.string(try #require(doc.lookup(two, "vtep"))) == "false")
        #expect(doc.string(try #require(doc.lookup(two, "site"))) == "s1")
        #expect(doc.lookup(two, "vlans") != nil)
        // A key written before the merge key also wins.
        let three = try #require(doc.lookup(root, "three"))
        #expect(doc.string(try #require(doc.lookup(three, "vtep"))) == "x")
        #expect(doc.string(try #require(doc.lookup(three, "role"))) == "leaf")
        // The base mapping itself is unchanged.
        let base = try #require(doc.lookup(root, "base"))
        #expect(doc.string(try #require(doc.lookup(base, "role"))) == "leaf")
    }

    @Test("a merge key with a scalar value is a TL001 at that value")
    func badMerge() throws {
        let result = CoreFixture.parse("a: {<<: text}\n")
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.oneLine))")
        CoreFixture.expect(result.diagnostics, .yamlSyntax, line: 1, column: 9, "merge key")
    }

    @Test("a duplicate key is a TL004 at the second key; the first one wins")
    func duplicateKey() throws {
        let result = CoreFixture.parse("""
            sites:
              fra1: {description: first}
              ams1: {}
              fra1: {description: second}
            """)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.oneLine))")
        let d = CoreFixture.expect(result.diagnostics, .duplicate, line: 4, column: 3, "duplicate key 'fra1'")
        #expect(d?.message.contains("line 2, column 3") == true)
        let doc = try #require(result.document, "a duplicate key leaves the document usable")
        let sites = try #require(doc.lookup(doc.root, "sites"))
        #expect(doc.count(sites) == 2)
        let fra1 = try #require(doc.lookup(sites, "fra1"))
        #expect(doc.string(try #require(doc.lookup(fra1, "description"))) == "first")
    }

    /// A mapping of `count` keys `k0: 0`, `k1: 1`, ..., one a line, then `more`.
    static func numberedKeys(_ count: Int, then more: String) -> YAMLReader.Result {
        CoreFixture.parse((0..<count).map { "k\($0): \($0)\n" }.joined() + more)
    }

    @Test("duplicate keys in a large mapping are found too (hashed path)")
    func duplicateKeyLargeMapping() throws {
        let result = Self.numberedKeys(40, then: "k7: again\n")
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.oneLine))")
        CoreFixture.expect(result.diagnostics, .duplicate, line: 41, column: 1, "duplicate key 'k7'")
        let doc = try #require(result.document)
        #expect(doc.count(doc.root) == 40)
        #expect(doc.string(try #require(doc.lookup(doc.root, "k7"))) == "7")
    }

    @Test("in a large mapping every repeat of a key points at its first occurrence")
    func repeatsPointAtTheFirst() throws {
        let result = Self.numberedKeys(300, then: "k7: again\nk299: again\nk7: third\n")
        #expect(result.diagnostics.count == 3, "\(result.diagnostics.map(\.oneLine))")
        CoreFixture.expect(result.diagnostics, .duplicate, line: 301, column: 1, "duplicate key 'k7' (first defined at line 8, column 1)")
        CoreFixture.expect(result.diagnostics, .duplicate, line: 302, column: 1, "duplicate key 'k299' (first defined at line 300, column 1)")
        CoreFixture.expect(result.diagnostics, .duplicate, line: 303, column: 1, "duplicate key 'k7' (first defined at line 8, column 1)")
        let doc = try #require(result.document)
        #expect(doc.count(doc.root) == 300)
    }

    @Test("more than one document is a TL001 at the second document's start")
    func twoDocuments() {
        let result = CoreFixture.parse("a: 1\n---\nb: 2\n")
        #expect(result.document == nil)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.oneLine))")
        CoreFixture.expect(result.diagnostics, .yamlSyntax, line: 2, column: 1, "more than one YAML document")
        // An explicit start marker on the first document alone is fine.
        #expect(CoreFixture.parse("---\na: 1\n...\n").diagnostics.isEmpty)
    }

    @Test("a syntax error is one TL001 at libyaml's position")
    func syntaxError() {
        let result = CoreFixture.parse("a: 1\nb: c: d\n")
        #expect(result.document == nil)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.oneLine))")
        CoreFixture.expect(result.diagnostics, .yamlSyntax, line: 2, column: 5, "mapping values are not allowed")
    }
}
