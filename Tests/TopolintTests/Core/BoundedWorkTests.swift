import Testing
import TopolintCore
@testable import TopolintYAML
@testable import TopolintModel

/// The work for a file is bounded by what the file says: suggestions from an index, once
/// per distinct name; diagnostics capped per file; name and lookup budgets from YAML
/// nodes, never from bytes a comment or padding adds.
@Suite struct BoundedWorkTests {
    static func loader(_ yaml: String, workBudget: Int? = nil) -> Loader {
        let parsed = YAMLReader.parse(Array(yaml.utf8), file: CoreFixture.file)
        var loader = Loader(document: parsed.document!, options: CoreFixture.options)
        if let workBudget { loader.workBudget = workBudget }
        loader.run()
        return loader
    }

    // MARK: suggestions

    @Test func aKnownNameThatExtendsTheTypedOneRanksFirst() {
        let platforms = ["vsphere-6.7", "vsphere-7.0", "vsphere-8.0", "hyperv-2022", "generic"]
        #expect(closestMatch(to: "vsphere-7", among: platforms) == "vsphere-7.0")
        #expect(closestMatch(to: "vsphere-6", among: platforms) == "vsphere-6.7")
        #expect(closestMatch(to: "vsphere-8.1", among: platforms) == "vsphere-8.0")
        #expect(closestMatch(to: "rtt", among: ["between", "rtt_ms", "bandwidth_gbps", "description", "tags", "ignore"]) == "rtt_ms")
        // Two letters are too few to guess from.
        #expect(closestMatch(to: "rt", among: ["rtt_ms"]) == nil)

        let rtt = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {a: {}, b: {}}
            site_links:
              - {between: [a, b], rtt: 4}
            """)
        CoreFixture.expect(rtt, .schema, line: 5, column: 23, "unknown key 'rtt'", help: "did you mean 'rtt_ms'?")
        let platform = TopologyLoader.load(bytes: Array("""
            topology: t
            version: 1
            clusters: {c: {platform: vsphere-7}}
            """.utf8), file: "p.yaml", options: LoadOptions(platforms: platforms, ruleNames: []))
        #expect(platform.diagnostics.contains { $0.message.hasPrefix("unknown platform 'vsphere-7'") && $0.help == "did you mean 'vsphere-7.0'?" })
    }

    /// Within a limit, only the band of cells near the diagonal is computed: the same answer
    /// as the whole table, capped at limit + 1.
    @Test func theBandedDistanceAgreesWithTheWholeTable() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcd")
        func word() -> String { String((0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        for _ in 0..<2_000 {
            let a = word(), b = word(), full = editDistance(a, b)
            for limit in 0...3 {
                #expect(editDistance(a, b, limit: limit) == min(full, limit + 1), "\(a) \(b) limit \(limit)")
            }
        }
        // Two long names one edit apart: the band makes this their length's work, not its
        // square (the whole table would be 400 million cells).
        let long = String(repeating: "leaf-", count: 4_000)
        #expect(editDistance(long + "x", long + "y", limit: 2) == 1)
        #expect(editDistance(long + "xyz", "q" + long, limit: 2) == 3)
    }

    /// The index gives the same answer as a full scan when the names near the word fit its
    /// per-question budget.
    @Test func theIndexAgreesWithAFullScan() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abc-01")
        func word() -> String { String((0..<Int.random(in: 1...7, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        for _ in 0..<200 {
            let names = Set((0..<Int.random(in: 0...60, using: &generator)).map { _ in word() })
            var index = SuggestionIndex(names)
            for _ in 0..<10 {
                let w = word()
                #expect(index.suggestion(for: w) == closestMatch(to: w, among: names), "\(w) among \(names.sorted())")
            }
        }
    }

    /// 500,000 racks and 500,000 switches whose rack names a missing one: each distinct
    /// name is searched once, for the first few hundred, each within the index's budget.
    @Test func aMissingRackAcrossAPatternCostsBoundedSuggestions() {
        let loader = Self.loader("""
            topology: t
            version: 1
            sites: {s: {}}
            racks: {"r[000000:049999]": {site: s}}
            switches: {"s[000000:049999]": {rack: "q{1}"}}
            """)
        let index = loader.suggestionIndexes["rack"]
        #expect(index?.count == 50_000)
        #expect(index?.answered == LoadLimits.suggestions)
        #expect(index.map { $0.comparisons <= LoadLimits.suggestions * (SuggestionIndex.comparisonsPerQuery + 64) } == true)
        let diagnostics = Loader.tidy(loader.diagnostics, unstored: loader.unstored)
        // One position: three messages, then the sum of the rest.
        #expect(diagnostics.count == 4)
        #expect(diagnostics.allSatisfy { $0.location.line == 5 && $0.location.column == 39 })
        #expect(diagnostics[0].message == "rack of switch 's000000' names rack 'q000000', which does not exist")
        // Repeats at one position are dropped as such; what was never built is counted.
        #expect(loader.unstored == 48_000)
        #expect(diagnostics[3].message.hasPrefix("and 48000 more problems in this file, not shown"))
        // Checking stopped once enough was known.
        #expect(loader.diagnostics.count == LoadLimits.storedDiagnostics)
    }

    @Test func aRepeatedBadNameIsSearchedOnce() {
        var index = SuggestionIndex((0..<5_000).map { "leaf\($0)" })
        #expect(index.suggestion(for: "leaf1x") == "leaf1")
        let spent = index.comparisons
        #expect(spent > 0 && spent <= SuggestionIndex.comparisonsPerQuery + 64)
        for _ in 0..<1_000 { _ = index.suggestion(for: "leaf1x") }
        #expect(index.comparisons == spent)
        #expect(index.answered == 1)
    }

    // MARK: diagnostics cap

    @Test func diagnosticsAreCappedPerFileWithALocatedSummary() {
        var yaml = "topology: t\nversion: 1\nsites: {s: {}}\nswitches:\n"
        for i in 0..<300 { yaml += "  sw\(i): {rack: nope\(i)}\n" }
        let diagnostics = CoreFixture.diagnostics(yaml)
        #expect(diagnostics.count == LoadLimits.diagnosticsPerFile + 1)
        #expect(diagnostics[199].location.line == 4 + 200)
        let last = diagnostics[200]
        #expect(last.message.hasPrefix("and 100 more problems in this file, not shown (the first 200 are"))
        // At the first problem left out: switch sw200 on line 205.
        #expect(last.location.line == 205 && last.location.column == 17)
        #expect(last.code == .unresolvedReference)
    }

    @Test func tidyCapsEachFileOnItsOwn() {
        let a = (1...250).map { Diagnostic(.schema, "a\($0)", at: SourceLocation(file: "a.yaml", line: $0, column: 1)) }
        let b = (1...5).map { Diagnostic(.schema, "b\($0)", at: SourceLocation(file: "b.yaml", line: $0, column: 1)) }
        let tidy = Loader.tidy(a + b)
        #expect(tidy.filter { $0.location.file == "a.yaml" }.count == 201)
        #expect(tidy.filter { $0.location.file == "b.yaml" }.count == 5)
        #expect(tidy.last { $0.location.file == "a.yaml" }?.message.hasPrefix("and 50 more problems") == true)
        #expect(tidy.last { $0.location.file == "a.yaml" }?.location.line == 201)
    }

    // MARK: budgets from content

    static let tenMillion = """
        topology: t
        version: 1
        sites: {s: {}}
        racks: {r: {site: s}}
        switches: {"s[0000000:9999999]": {rack: r}}

        """

    /// A 600 KB comment buys no names: the budget and the error are the same with and
    /// without it.
    @Test func commentsAndPaddingDoNotRaiseTheNameBudget() {
        let padded = Self.tenMillion + "# " + String(repeating: "x", count: 600_000) + "\n" + String(repeating: " \n", count: 10_000)
        let plain = CoreFixture.diagnostics(Self.tenMillion)
        let withComment = CoreFixture.diagnostics(padded)
        #expect(plain.map(\.oneLine) == withComment.map(\.oneLine))
        let nodes = YAMLReader.parse(Array(padded.utf8), file: "x").document!.nodeCount
        #expect(nodes == YAMLReader.parse(Array(Self.tenMillion.utf8), file: "x").document!.nodeCount)
        CoreFixture.expect(withComment, .schema, line: 5, column: 12, "expand to more than \(LoadLimits.names(nodes: nodes)) names")
        #expect(LoadLimits.names(nodes: nodes) == 1_000_000 + 16 * nodes)
    }

    /// Every VLAN a host, switch or trunk carries counts against the same budget: a host
    /// pattern in a cluster of many VLANs (each host carries them all) stops at the host,
    /// a switch pattern with a long list at the list, a trunk at the link.
    @Test func vlanMembershipsCountAgainstTheLookupBudget() {
        let vlans = (0..<100).map { "v\($0)" }
        var head = "topology: t\nversion: 1\nsites: {s: {}}\nracks: {r: {site: s}}\nvlans:\n"
        for (i, v) in vlans.enumerated() { head += "  \(v): {id: \(i + 1)}\n" }
        let list = "[" + vlans.joined(separator: ", ") + "]"
        let hosts = head + "switches: {sw: {site: s}}\nclusters:\n  c:\n    vlans: \(list)\n    hosts:\n      \"h[1:500]\": {rack: r, uplinks: [sw]}\n"
        let loaded = Self.loader(hosts, workBudget: 20_000)
        let hostLine = 100 + 11
        // On the host pattern's line (at the host, or the uplink looked up as it ran out).
        #expect(loaded.diagnostics.map(\.location.line) == [hostLine], "\(loaded.diagnostics.map(\.oneLine))")
        #expect(loaded.diagnostics.first?.message.contains("more than 20000 reference lookups and VLAN memberships") == true)
        #expect(Self.loader(hosts, workBudget: 60_000).diagnostics.isEmpty)
        let switches = head + "switches: {\"sw[1:500]\": {site: s, vlans: \(list)}}\n"
        let loadedSwitches = Self.loader(switches, workBudget: 20_000)
        #expect(loadedSwitches.diagnostics.map(\.location.line) == [100 + 6], "\(loadedSwitches.diagnostics.map(\.oneLine))")
        let trunks = head + "switches: {\"sw[1:500]\": {site: s}, core: {site: s}}\nlinks: [{between: [\"sw[1:500]\", core], vlans: \(list)}]\n"
        let loadedTrunks = Self.loader(trunks, workBudget: 20_000)
        #expect(loadedTrunks.diagnostics.map(\.location.line) == [100 + 7], "\(loadedTrunks.diagnostics.map(\.oneLine))")
    }

    /// A host pattern times a long list of references stops at the lookup budget, with one
    /// error at the list.
    @Test func patternsTimesListsStopAtTheLookupBudget() {
        var yaml = "topology: t\nversion: 1\nsites: {s: {}}\nracks: {r: {site: s}}\nswitches: {\"sw[0:9]\": {site: s}}\nclusters:\n  c:\n    hosts:\n      \"h[0:9][000:099]\":\n        rack: r\n        uplinks:\n"
        for _ in 0..<50 { yaml += "          - \"sw{1}\"\n" }
        let loader = Self.loader(yaml, workBudget: 20_000)
        let (reported, work) = (loader.workReported, loader.work)
        #expect(reported)
        #expect(work > 20_000 && work <= 20_000 + 10)
        let budget = loader.diagnostics.filter { $0.message.contains("more than 20000 reference lookups") }
        #expect(budget.count == 1)
        // At the uplink being looked up when the budget ran out (lines 12 to 61).
        #expect(budget.first.map { (12...61).contains($0.location.line) && $0.location.column == 13 } == true)
        // Within the budget the same file loads.
        #expect(Self.loader(yaml).diagnostics.isEmpty)
    }

    // MARK: site links

    /// Round-trip times are kept per group of sites joined by links, so the groups are
    /// bounded: pairs within groups add up as size × (size − 1), and the link that would
    /// go past the limit is refused, once.
    @Test func siteGroupsCountPairsAndRefuseTheLinkThatGoesOver() {
        var groups = SiteGroups(count: 8)
        do { let joined = groups.join(0, 1, limit: 12); #expect(joined) }          // {0,1}: 2 pairs
        #expect(groups.pairs == 2)
        do { let joined = groups.join(2, 3, limit: 12); #expect(joined) }          // {2,3}: 2 more
        do { let joined = groups.join(1, 3, limit: 12); #expect(joined) }          // {0,1,2,3}: 12
        #expect(groups.pairs == 12)
        do { let joined = groups.join(0, 2, limit: 12); #expect(joined) }          // already joined: nothing new
        do { let joined = groups.join(3, 4, limit: 12); #expect(!joined) }         // a fifth site would make 20
        #expect(groups.pairs == 12)
        do { let joined = groups.join(4, 5, limit: 14); #expect(joined) }          // another group of two fits 14
        #expect(groups.pairs == 14)
    }

    @Test func aChainOfTooManySitesGetsOneErrorAtTheLinkThatGoesOver() {
        var yaml = "topology: t\nversion: 1\nsites: {\"s[1:2050]\": {}}\nsite_links:\n"
        for i in 1..<2050 { yaml += "  - {between: [s\(i), s\(i + 1)], rtt_ms: 1}\n" }
        let diagnostics = Self.loader(yaml).diagnostics
        #expect(diagnostics.count == 1)
        // Link 2048 (s2048–s2049) would make a group of 2,049 sites; it is on line 4 + 2048.
        #expect(diagnostics.first?.location.line == 2052)
        #expect(diagnostics.first?.message.contains("4192256 pairs of sites") == true)
    }

    // MARK: input size

    @Test func anEndlessStreamStopsOneBytePastTheLimit() {
        #expect(throws: SourceFile.ReadError.tooLarge(4_097)) { try SourceFile.read(path: "/dev/zero", maxBytes: 4_096) }
        let big = SourceFile.diagnostic(for: .tooLarge(SourceFile.defaultMaxBytes + 1), path: "/dev/zero")
        #expect(big.message == "the file is over the 1073741824-byte limit (at least 1073741825 bytes) for a topology file")
    }
}

extension BoundedWorkTests {
    /// Ignores on a pattern entry are one per instance and key: charged to the same budget.
    @Test func ignoresOnAPatternCountAgainstTheLookupBudget() {
        var yaml = "topology: t\nversion: 1\nsites:\n  \"s[0000:9999]\":\n    ignore:\n"
        for i in 0..<5 { yaml += "      \(i == 0 ? "TL200" : "stretched-vlan\(i)"): accepted\n" }
        let loader = Self.loader(yaml, workBudget: 5_000)
        let (reported, work) = (loader.workReported, loader.work)
        #expect(reported)
        #expect(work == 10_000)
        #expect(loader.topology.ignores.isEmpty)
        #expect(loader.diagnostics.contains { $0.message.contains("more than 5000 reference lookups") && $0.location.line == 6 })
    }
}
