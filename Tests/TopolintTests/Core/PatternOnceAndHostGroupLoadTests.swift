import Testing
import TopolintCore
@testable import TopolintModel

/// Loader points: one report per mistake in a pattern entry, a gateway of unknown keys, the
/// workload `hosts` and the cluster `max_stretched_rtt_ms` keys.
@Suite("Core: pattern mistakes once, gateway keys, workload hosts")
struct PatternOnceAndHostGroupLoadTests {
    static let head = """
        topology: t
        version: 1
        sites: {s1: }

        """

    @Test("a mistake in an entry whose key is a pattern is reported once, not once per name")
    func patternMistakeOnce() {
        let diagnostics = CoreFixture.diagnostics(Self.head + """
            pods: {"p[1:3]": {site: s9}}
            racks: {"r[1:3]": {site: s1}}
            switches: {"sw[1:3]": {rack: r9, vlans: [nope]}}
            vlans: {v: {id: 10}}
            clusters:
              c: {hosts: {"h[1:3]": {rack: r8, uplinks: [sw1]}}}
            workloads: {"w[1:3]": {cluster: cc, vlans: [vv]}}
            """)
        // Six mistakes, each once, though every entry makes three names.
        #expect(diagnostics.count == 6, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 4, column: 25, "site 's9'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 6, column: 30, "rack 'r9'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 6, column: 42, "vlan 'nope'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 9, column: 32, "rack 'r8'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 10, column: 33, "cluster 'cc'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 10, column: 45, "vlan 'vv'")
    }

    @Test("a placeholder makes each name a different reference: each missing one is reported")
    func placeholderMistakesEach() {
        let diagnostics = CoreFixture.diagnostics(Self.head + """
            racks: {r1: {site: s1}}
            switches: {"sw[1:3]": {rack: "r{1}"}}
            """)
        // r2 and r3 do not exist: two different mistakes.
        #expect(diagnostics.count == 2, "\(diagnostics.map(\.oneLine))")
        #expect(Set(diagnostics.map(\.message)).count == 2)
        // A placeholder with no range is one mistake, whichever instance reads it.
        let noRange = CoreFixture.diagnostics(Self.head + """
            racks: {r1: {site: s1}}
            switches: {"sw[1:3]": {rack: "r{2}"}}
            """)
        #expect(noRange.count == 1, "\(noRange.map(\.oneLine))")
        #expect(noRange.first?.message.contains("placeholder {2}") == true)
    }

    @Test("gateway: {hsrp: ...} names the unknown key and how first-hop redundancy is written, and nothing about an empty mapping")
    func hsrpGateway() throws {
        let diagnostics = CoreFixture.diagnostics(Self.head + """
            switches: {a: {site: s1, vlans: [v]}}
            vlans: {v: {id: 10, gateway: {hsrp: a}}}
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        let d = try #require(CoreFixture.expect(diagnostics, .schema, line: 5, column: 31, "unknown key 'hsrp' in gateway of VLAN 'v'"))
        #expect(d.help?.hasPrefix("did you mean 'active'?") == true)
        #expect(d.help?.contains("{active: SWITCH, standby: [SWITCH, ...]}") == true)
        // A near miss of a known key still gets the plain suggestion.
        let typo = CoreFixture.diagnostics(Self.head + """
            switches: {a: {site: s1, vlans: [v]}}
            vlans: {v: {id: 10, gateway: {activ: a}}}
            """)
        #expect(typo.count == 1 && typo[0].help == "did you mean 'active'?", "\(typo.map(\.oneLine))")
    }

    static let cluster = head + """
        racks: {r1: {site: s1}}
        switches: {t: {rack: r1, vlans: [v]}}
        vlans: {v: {id: 10}}
        clusters:
          a: {vlans: [v], max_stretched_rtt_ms: 4.5, hosts: {"a[1:3]": {rack: r1, uplinks: [t]}}}
          b: {vlans: [v], hosts: {b1: {rack: r1, uplinks: [t]}}}

        """

    @Test("workload hosts: sorted host indexes of its cluster; nil without the key; max_stretched_rtt_ms read")
    func workloadHostsLoad() throws {
        let t = try #require(CoreFixture.topology(Self.cluster + """
            workloads:
              pinned: {cluster: a, vlans: [v], hosts: ["a[2:3]", a2]}
              free: {cluster: a, vlans: [v]}
            """))
        #expect(t.workloads[0].hosts?.map(t.hostName) == ["a2", "a3"])
        #expect(t.workloads[1].hosts == nil)
        #expect(t.hosts(ofWorkload: 1).map(t.hostName) == ["a1", "a2", "a3"])
        #expect(t.clusters[0].maxStretchedRTTms == 4.5)
        #expect(t.clusters[1].maxStretchedRTTms == nil)
    }

    @Test("workload hosts of another cluster, unknown hosts and an empty list are errors")
    func workloadHostsErrors() {
        let diagnostics = CoreFixture.diagnostics(Self.cluster + """
            workloads:
              w1: {cluster: a, vlans: [v], hosts: [a1, b1]}
              w2: {cluster: a, vlans: [v], hosts: [a9]}
              w3: {cluster: a, vlans: [v], hosts: []}
            """)
        #expect(diagnostics.count == 3, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 11, column: 44, "host 'b1' of workload 'w1' is in cluster 'b', not in the workload's cluster 'a'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 12, column: 40, "host 'a9'", help: "did you mean 'a1'?")
        CoreFixture.expect(diagnostics, .schema, line: 13, column: 39, "names no host")
        let negative = CoreFixture.diagnostics(Self.cluster.replacing("max_stretched_rtt_ms: 4.5", with: "max_stretched_rtt_ms: -1"))
        #expect(negative.count == 1 && negative[0].message.contains("max_stretched_rtt_ms is -1, out of range"), "\(negative.map(\.oneLine))")
    }
}
