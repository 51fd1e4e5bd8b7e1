import Testing
import TopolintCore
import TopolintYAML
import TopolintModel
import TopolintImport

/// The writer every importer shares: quoting, order, comments.
@Suite struct DocumentWriterTests {
    /// Names YAML would misread, or that would not parse plain.
    static let awkward = [
        "no", "on", "Off", "YES", "y", "n", "true", "null", "~", "0101", "2024", "1e3", "0x1F", ".inf", "-x", "12:30",
        "a: b", "x #y", "#c", "[a]", "{b}", "a,b", "*star", "&amp", "!tag", "%p", "@at", "`tick", "'q'", "\"dq\"",
        "back\\slash", "tab\there", "ünï", "", " lead", "trail ", "- dash", "? q", "|", ">", "=", "<<",
    ]

    func document(switches: [String]) -> ImportDocument {
        var document = ImportDocument(name: "t", header: ["header line"])
        document.sites = [.init(name: "s")]
        document.switches = switches.map { ImportDocument.Switch(name: ImportNames.formatSafe($0), site: "s") }
        return document
    }

    @Test func awkwardNamesReadBackAsTheSameText() throws {
        let text = DocumentWriter.write(document(switches: Self.awkward))
        let result = TopologyLoader.load(bytes: Array(text.utf8), file: "w.yaml",
                                         options: LoadOptions(platforms: ["generic"], ruleNames: []))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.oneLine))\n\(text)")
        let names = Set((result.topology?.switches ?? []).map(\.name))
        #expect(names == Set(Self.awkward.map(ImportNames.formatSafe)))
        // And as strings to YAML itself: every key of `switches` is quoted or a plain word.
        let parsed = YAMLReader.parse(Array(text.utf8), file: "w.yaml")
        let doc = try #require(parsed.document)
        let switches = try #require(doc.lookup(doc.root, "switches"))
        for i in 0..<doc.count(switches) {
            let key = doc.key(switches, i)
            let name = doc.string(key)
            #expect(doc.isQuoted(key) || name.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }, "\(name)")
        }
    }

    @Test func patternsAndPlaceholdersAreRenamed() {
        #expect(ImportNames.formatSafe("leaf[1:2]") == "leaf(1:2)")
        #expect(ImportNames.formatSafe("h{1}") == "h(1)")
        #expect(ImportNames.renamed("leaf1") == nil)
        #expect(ImportNames.unique("a", avoiding: ["a", "a-2"]) == "a-3")
    }

    @Test func outputIsSortedWhateverTheOrderGiven() {
        let names = ["s3", "s1", "s2", "on", "0101"]
        var a = document(switches: names), b = document(switches: names.reversed())
        a.links = [.init(a: "s2", b: "s3", vlans: ["v"]), .init(a: "s1", b: "s2", mode: .routed)]
        b.links = a.links.reversed()
        #expect(DocumentWriter.write(a) == DocumentWriter.write(b))
        let lines = DocumentWriter.write(a).split(separator: "\n")
        let order = lines.filter { $0.hasPrefix("  ") && $0.contains(": {site: s}") }.map { $0.split(separator: ":")[0] }
        #expect(order == ["  \"0101\"", "  \"on\"", "  s1", "  s2", "  s3"])
    }

    @Test func notesAreCommentsAboveTheirEntity() {
        var doc = document(switches: [])
        doc.switches = [.init(name: "s1", site: "s", notes: ["first\nline", "second"])]
        doc.vlans = [.init(name: "v", id: 10, subnet: "10.0.0.0/24", gateway: .activeStandby(active: "s1", standby: []), notes: ["gw"])]
        doc.sectionNotes[.links] = ["nothing to link"]
        let lines = DocumentWriter.write(doc).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sw = lines.firstIndex(of: "  s1: {site: s}")!
        #expect(Array(lines[(sw - 2)..<sw]) == ["  # first line", "  # second"])
        let vlan = lines.firstIndex(of: "  v: {id: 10, subnet: 10.0.0.0/24, gateway: {active: s1, standby: []}}")!
        #expect(lines[vlan - 1] == "  # gw")
        #expect(lines.contains("links: []") && lines.contains("  # nothing to link"))
        #expect(lines[0] == "# header line")
    }

    @Test func quotingEscapes() {
        #expect(YAMLScalar.string("a\"b\\c\nd\u{1}") == "\"a\\\"b\\\\c\\nd\\x01\"")
        #expect(YAMLScalar.string("10.1.0.0/22") == "10.1.0.0/22")
        #expect(YAMLScalar.string("2001:db8::/64") == "\"2001:db8::/64\"")
        #expect(YAMLScalar.string("10.1.0/22") == "\"10.1.0/22\"")
    }
}

import PropertyBased

/// Any text as a name: what the writer writes, the loader reads back unchanged.
@Suite struct DocumentWriterPropertyTests {
    static let alphabet: [Character] = Array("aZ09_-./: #,[]{}*&!%@`'\"\\|>?=~<+\t\nüé漢 ") + ["\u{7F}", "\u{85}", "\u{2028}", "\u{1}"]

    @Test func namesRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...(Self.alphabet.count - 1)).array(of: 0...10).array(of: 1...6)) { picks in
            let names = Array(Set(picks.map { ImportNames.formatSafe(String($0.map { Self.alphabet[$0] })) }))
            var document = ImportDocument(name: names[0])
            document.sites = [.init(name: "s")]
            document.switches = names.map { ImportDocument.Switch(name: $0, site: "s", vlans: [names[0]]) }
            document.vlans = [.init(name: names[0], id: 10)]
            let text = DocumentWriter.write(document)
            let result = TopologyLoader.load(bytes: Array(text.utf8), file: "p.yaml", options: LoadOptions(platforms: ["generic"], ruleNames: []))
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.oneLine)) for \(names.map { Array($0.unicodeScalars) })\n\(text)")
            #expect(Set(result.topology?.switches.map(\.name) ?? []) == Set(names))
            #expect(result.topology?.name == names[0] && result.topology?.vlans.first?.name == names[0])
        }
    }
}
