import Testing
import TopolintCore
@testable import TopolintModel
@testable import TopolintAnalysis

/// Range patterns and placeholders (docs/format.md, Names, ranges, placeholders and references).
@Suite("Core: range patterns and placeholders")
struct CoreRangePatternTests {
    func names(_ text: String) throws -> [String] {
        try RangePattern(text).expand().map(\.name)
    }

    @Test("numeric ranges keep START's zero padding")
    func padding() throws {
        #expect(try names("r[01:12]") == ["r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09", "r10", "r11", "r12"])
        #expect(try names("[08:10]") == ["08", "09", "10"])
        #expect(try names("x[001:003]y") == ["x001y", "x002y", "x003y"])
        #expect(try names("[098:101]") == ["098", "099", "100", "101"])
        #expect(try RangePattern("[001:100]").expansionCount == 100)
        #expect(try names("[00:02]") == ["00", "01", "02"])
    }

    @Test("numeric ranges without a leading zero are not padded")
    func noPadding() throws {
        #expect(try names("h[1:12]") == ["h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10", "h11", "h12"])
        #expect(try names("[9:11]") == ["9", "10", "11"])
        #expect(try names("[0:2]") == ["0", "1", "2"])
        #expect(try names("[5:5]") == ["5"])
    }

    @Test("letter ranges give single letters, in either case")
    func letters() throws {
        #expect(try names("rack-[a:d]") == ["rack-a", "rack-b", "rack-c", "rack-d"])
        #expect(try names("[X:Z]") == ["X", "Y", "Z"])
        #expect(try names("[q:q]") == ["q"])
    }

    @Test("several ranges: the cartesian product, leftmost range outermost, with the values that made each name")
    func cartesian() throws {
        let expanded = try RangePattern("s[1:2]-[a:c]-[08:09]").expand()
        #expect(expanded.map(\.name) == [
            "s1-a-08", "s1-a-09", "s1-b-08", "s1-b-09", "s1-c-08", "s1-c-09",
            "s2-a-08", "s2-a-09", "s2-b-08", "s2-b-09", "s2-c-08", "s2-c-09",
        ])
        #expect(expanded[7].values == ["2", "a", "09"])
        #expect(try RangePattern("s[1:2]-[a:c]-[08:09]").rangeCount == 3)
        #expect(try RangePattern("s[1:2]-[a:c]-[08:09]").expansionCount == 12)
        #expect(try names("[1:2][1:2]") == ["11", "12", "21", "22"])
    }

    @Test("text without ranges, or brackets without a colon, stand for themselves")
    func literals() throws {
        let plain = try RangePattern("fra1-core")
        #expect(!plain.isPattern)
        #expect(plain.expand().map(\.name) == ["fra1-core"])
        #expect(plain.expand()[0].values == [])
        #expect(try names("odd[name]") == ["odd[name]"])
        #expect(try !RangePattern("odd[name]").isPattern)
        #expect(try names("x[1:2]-[v]") == ["x1-[v]", "x2-[v]"])
        #expect(try names("open[1:2") == ["open[1:2"])
    }

    @Test("START > END is an error, for numbers and letters")
    func reversed() {
        #expect(throws: RangePattern.ParseError.reversedRange("12:01")) { try RangePattern("r[12:01]") }
        #expect(throws: RangePattern.ParseError.reversedRange("d:a")) { try RangePattern("[d:a]") }
        #expect(throws: RangePattern.ParseError.reversedRange("10:9")) { try RangePattern("[10:9]") }
    }

    @Test("a mixed range is an error")
    func mixed() {
        #expect(throws: RangePattern.ParseError.mixedRange("1:c")) { try RangePattern("r[1:c]") }
        #expect(throws: RangePattern.ParseError.mixedRange("a:9")) { try RangePattern("[a:9]") }
        #expect(throws: RangePattern.ParseError.mixedRange("a:Z")) { try RangePattern("[a:Z]") }
    }

    @Test("malformed and empty ranges are errors")
    func malformed() {
        for text in ["r[:3]", "r[1:]", "r[:]", "r[1:2:3]", "r[aa:bb]", "r[1.5:3]", "r[-1:3]", "r[é:ü]"] {
            #expect(throws: RangePattern.ParseError.self, "\(text)") { try RangePattern(text) }
        }
        #expect(throws: RangePattern.ParseError.emptyRange(":3")) { try RangePattern("r[:3]") }
    }

    @Test("an oversized expansion is refused before any name is made")
    func tooLarge() {
        #expect(throws: RangePattern.ParseError.self) { try RangePattern("[0:9999][0:9999]") }
        #expect(throws: RangePattern.ParseError.self) { try RangePattern("[1:99999999999]") }
    }

    @Test("error messages name the range")
    func messages() {
        #expect(RangePattern.ParseError.reversedRange("3:1").message.contains("[3:1]"))
        #expect(RangePattern.ParseError.mixedRange("1:c").message.contains("[1:c]"))
        #expect(RangePattern.ParseError.emptyRange(":3").message.contains("[:3]"))
    }

    @Test("placeholders are replaced by the key's range values as formatted")
    func placeholders() throws {
        #expect(try Placeholders.substitute("r{1}-tor", ["01"]) == "r01-tor")
        #expect(try Placeholders.substitute("{2}{1}-{2}", ["01", "b"]) == "b01-b")
        #expect(try Placeholders.substitute("no braces", []) == "no braces")
        #expect(try Placeholders.substitute("{x}-{1}", ["7"]) == "{x}-7")
        #expect(try Placeholders.substitute("open{1", ["7"]) == "open{1")
    }

    @Test("a placeholder with no matching range is an error")
    func placeholderOutOfRange() {
        #expect(throws: Placeholders.SubstituteError.noSuchRange(index: 2, available: 1)) {
            try Placeholders.substitute("r{1}-{2}", ["01"])
        }
        #expect(throws: Placeholders.SubstituteError.noSuchRange(index: 1, available: 0)) {
            try Placeholders.substitute("r{1}", [])
        }
        #expect(throws: Placeholders.SubstituteError.noSuchRange(index: 0, available: 1)) {
            try Placeholders.substitute("r{0}", ["1"])
        }
    }
}

/// Patterns as the loader uses them: keys, placeholders in values, references, links.
@Suite("Core: patterns in topologies")
struct CorePatternLoadingTests {
    static let base = """
        topology: t
        version: 1
        sites: {s1: }
        pods:
          "p[1:2]": {site: s1}

        """

    @Test("pattern keys expand for sites, pods, racks, switches, hosts and workloads")
    func patternKeys() throws {
        let t = try #require(CoreFixture.topology("""
            topology: t
            version: 1
            sites:
              "dc[1:2]": {}
            pods:
              "dc[1:2]-p[a:b]": {site: "dc{1}"}
            racks:
              "dc[1:2]-p[a:b]-r[01:02]": {pod: "dc{1}-p{2}"}
            switches:
              "dc[1:2]-p[a:b]-r[01:02]-tor": {rack: "dc{1}-p{2}-r{3}", vlans: [v]}
            vlans:
              v: {id: 10}
            clusters:
              c:
                vlans: [v]
                hosts:
                  "esx[1:3]": {rack: dc1-pa-r01, uplinks: [dc1-pa-r01-tor]}
            workloads:
              "app[08:10]": {cluster: c, vlans: [v], count: 2}
            """))
        #expect(t.sites.map(\.name) == ["dc1", "dc2"])
        #expect(t.pods.map(\.name) == ["dc1-pa", "dc1-pb", "dc2-pa", "dc2-pb"])
        #expect(t.pods.map { t.sites[$0.site].name } == ["dc1", "dc1", "dc2", "dc2"])
        #expect(t.racks.count == 8)
        #expect(t.racks[5].name == "dc2-pa-r02")
        #expect(t.pods[t.racks[5].pod!].name == "dc2-pa")
        #expect(t.sites[t.racks[5].site].name == "dc2")
        #expect(t.switches.count == 8)
        let sw = try #require(t.switches.first { $0.name == "dc2-pb-r01-tor" })
        #expect(t.racks[sw.placement.rack!].name == "dc2-pb-r01")
        #expect(t.pods[sw.placement.pod!].name == "dc2-pb")
        #expect(t.sites[sw.placement.site].name == "dc2")
        #expect(t.hosts.indices.map(t.hostName) == ["esx1", "esx2", "esx3"])
        #expect(t.workloads.map(\.name) == ["app08", "app09", "app10"])
        #expect(t.workloads.allSatisfy { $0.count == 2 })
    }

    @Test("placeholders fill hosts' racks and uplinks, and switches' VLANs, per instance")
    func placeholdersPerInstance() throws {
        let t = try #require(CoreFixture.topology(Self.base + """
            racks:
              "r[1:3]": {pod: p1}
            switches:
              "r[1:3]-tor": {rack: "r{1}", vlans: ["v{1}"]}
            vlans:
              v1: {id: 11}
              v2: {id: 12}
              v3: {id: 13}
            clusters:
              c:
                hosts:
                  "r[1:3]-esx[a:b]": {rack: "r{1}", uplinks: ["r{1}-tor"], vlans: ["v{1}"]}
            """))
        #expect(t.hosts.count == 6)
        for (h, host) in t.hosts.enumerated() {
            let digit = String(t.hostName(h).dropFirst().prefix(1))
            #expect(t.racks[host.rack].name == "r\(digit)")
            #expect(host.uplinks.map { t.switches[$0].name } == ["r\(digit)-tor"])
            #expect(host.vlans.map { t.vlans[$0].name } == ["v\(digit)"], "\(t.hostName(h))")
        }
        for sw in t.switches {
            let digit = String(sw.name.dropFirst().prefix(1))
            #expect(sw.vlans == .some([t.vlans.firstIndex { $0.name == "v\(digit)" }!]))
        }
    }

    @Test("a reference that is a pattern stands for every name it expands to")
    func patternReferences() throws {
        let t = try #require(CoreFixture.topology(Self.base + """
            racks:
              r1: {pod: p1}
            switches:
              "leaf[1:4]": {rack: r1}
              spine: {pod: "p[1:1]"}
            vlans:
              v: {id: 10}
            clusters:
              c:
                hosts:
                  h1: {rack: r1, uplinks: ["leaf[2:3]", leaf1]}
                  h2: {rack: r1, uplinks: "leaf[1:4]"}
            """))
        let h1 = t.hosts[try #require(t.hosts.indices.first { t.hostName($0) == "h1" })]
        #expect(h1.uplinks.map { t.switches[$0].name } == ["leaf2", "leaf3", "leaf1"])
        let h2 = t.hosts[try #require(t.hosts.indices.first { t.hostName($0) == "h2" })]
        #expect(h2.uplinks.map { t.switches[$0].name } == ["leaf1", "leaf2", "leaf3", "leaf4"])
        let spine = try #require(t.switches.first { $0.name == "spine" })
        #expect(t.pods[spine.placement.pod!].name == "p1", "a pattern standing for one name is that name")
    }

    @Test("every name a pattern reference stands for must exist")
    func patternReferenceMissing() {
        let diagnostics = CoreFixture.diagnostics(Self.base + """
            racks:
              r1: {pod: p1}
            switches:
              "leaf[1:3]": {rack: r1}
            clusters:
              c:
                hosts:
                  h1: {rack: r1, uplinks: ["leaf[2:5]"]}
            """)
        #expect(diagnostics.count == 2, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 13, column: 32, "'leaf4' (from the pattern 'leaf[2:5]')")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 13, column: 32, "'leaf5'")
    }

    @Test("a pattern reference where one entity is wanted, standing for several, is an error")
    func patternForSingle() {
        let diagnostics = CoreFixture.diagnostics(Self.base + """
            racks:
              r1: {pod: "p[1:2]"}
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 7, column: 13, "stands for 2")
    }

    @Test("pattern links with a placeholder pair instances: 40 links, not 1,600")
    func pairedLinks() throws {
        let t = try #require(CoreFixture.topology(Self.base + """
            racks:
              "r[01:40]": {pod: p1}
            switches:
              "r[01:40]-leaf[1:2]": {rack: "r{1}", vlans: [v]}
            links:
              - between: ["r[01:40]-leaf1", "r{1}-leaf2"]
            vlans:
              v: {id: 10}
            """))
        #expect(t.links.count == 40)
        // Each rack's pair bridges v on its own: 40 domains of two switches in one rack.
        let analysis = Analysis(t)
        #expect(analysis.domains.count == 40)
        #expect(analysis.domains.allSatisfy { $0.switches.count == 2 && $0.racks.count == 1 && $0.scope == .rack })
        for (i, link) in t.links.enumerated() {
            let n = i + 1 < 10 ? "0\(i + 1)" : "\(i + 1)"
            #expect(t.switches[link.a].name == "r\(n)-leaf1")
            #expect(t.switches[link.b].name == "r\(n)-leaf2")
            #expect(t.name(ofLink: i) == "r\(n)-leaf1 -- r\(n)-leaf2")
        }
    }

    @Test("pattern links without placeholders connect every switch to every switch")
    func everyToEvery() throws {
        let t = try #require(CoreFixture.topology(Self.base + """
            racks:
              r1: {pod: p1}
            switches:
              "leaf[1:3]": {rack: r1}
              "spine[a:b]": {pod: p1}
              core: {site: s1}
            links:
              - between: ["leaf[1:3]", "spine[a:b]"]
              - between: [core, "spine[a:b]"]
            """))
        let pairs = t.links.map { "\(t.switches[$0.a].name)-\(t.switches[$0.b].name)" }
        #expect(pairs == ["leaf1-spinea", "leaf1-spineb", "leaf2-spinea", "leaf2-spineb", "leaf3-spinea", "leaf3-spineb",
                          "core-spinea", "core-spineb"])
    }

    @Test("a placeholder in the second end of a link whose first end has no range is an error")
    func linkPlaceholderWithoutRange() {
        let diagnostics = CoreFixture.diagnostics(Self.base + """
            racks:
              r1: {pod: p1}
            switches:
              "leaf[1:2]": {rack: r1}
            links:
              - between: [leaf1, "leaf{1}"]
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 11, column: 22, "placeholder {1}")
    }

    @Test("a placeholder beyond the key's ranges is a TL002 at the value")
    func placeholderNoRange() {
        let diagnostics = CoreFixture.diagnostics(Self.base + """
            racks:
              "r[1:2]": {pod: "p{2}"}
            """)
        // Reported per instance (r1, r2), all at the one value written.
        #expect((1...3).contains(diagnostics.count), "\(diagnostics.map(\.oneLine))")
        #expect(diagnostics.allSatisfy { $0.code == .schema && $0.location.line == 7 && $0.location.column == 19 })
        let d = CoreFixture.expect(diagnostics, .schema, line: 7, column: 19, "placeholder {2}")
        #expect(d?.message.contains("1 range") == true)
    }

    @Test("a placeholder in a plain (non-pattern) entry is an error")
    func placeholderInPlainEntry() {
        let diagnostics = CoreFixture.diagnostics(Self.base + """
            racks:
              r1: {pod: "p{1}"}
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 7, column: 13, "placeholder {1}")
    }

    @Test("range errors in keys are TL002 at the key")
    func keyRangeErrors() {
        let diagnostics = CoreFixture.diagnostics(Self.base + """
            racks:
              "r[12:01]": {pod: p1}
              "q[1:c]": {pod: p1}
              "x[:3]": {pod: p1}
            """)
        #expect(diagnostics.count == 3, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 7, column: 3, "runs backwards")
        CoreFixture.expect(diagnostics, .schema, line: 8, column: 3, "mixes numbers and letters")
        CoreFixture.expect(diagnostics, .schema, line: 9, column: 3, "empty or malformed")
    }
}
