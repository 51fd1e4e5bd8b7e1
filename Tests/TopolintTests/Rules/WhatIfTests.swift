import Testing
import TopolintCore
import TopolintModel
import TopolintAnalysis
import TopolintRules
import TopolintConfig

/// What a proposed migration domain adds, resolves and asks of the network.
@Suite struct WhatIfTests {
    static func session(_ yaml: String) throws -> WhatIfSession {
        let pack = PackLoader.defaultPack
        let loaded = TopologyLoader.load(bytes: Array(yaml.utf8), file: "w.yaml",
                                         options: LoadOptions(platforms: Array(pack.platforms.keys), ruleNames: RuleRegistry.acceptedNames))
        let topology = try #require(loaded.topology, "\(loaded.diagnostics.map(\.oneLine))")
        return WhatIfSession(RuleContext(topology: topology, analysis: Analysis(topology), pack: pack))
    }

    /// Two sites with web and db; db stays in fra1; gateways in fra1.
    static let design = """
    topology: wi
    version: 1
    sites: {fra1: {}, ams1: {}}
    site_links: [{between: [fra1, ams1], rtt_ms: 8}]
    pods: {fra1-p1: {site: fra1}, fra1-p2: {site: fra1}, ams1-p1: {site: ams1}}
    racks: {fra1-r1: {pod: fra1-p1}, fra1-r2: {pod: fra1-p1}, fra1-r3: {pod: fra1-p2}, ams1-r1: {pod: ams1-p1}}
    switches:
      fra1-tor1: {rack: fra1-r1, vlans: [web, db]}
      fra1-tor2: {rack: fra1-r2, vlans: [web, db]}
      fra1-tor3: {rack: fra1-r3, vlans: [other]}
      ams1-tor1: {rack: ams1-r1, vlans: [web]}
    links:
      - {between: [fra1-tor1, fra1-tor2]}
      - {between: [fra1-tor1, ams1-tor1], vlans: [web]}
    vlans:
      web: {id: 100, subnet: 10.1.0.0/24, gateway: fra1-tor1}
      db: {id: 200, subnet: 10.2.0.0/24, gateway: fra1-tor1}
      other: {id: 300, subnet: 10.3.0.0/24, gateway: fra1-tor3}
    clusters:
      prod-a: {platform: vsphere-4.1, vlans: [web, db], hosts: {"a-esx[1:4]": {rack: fra1-r1, uplinks: [fra1-tor1]}}}
      prod-b: {platform: vsphere-4.1, vlans: [web, db], hosts: {"b-esx[1:4]": {rack: fra1-r2, uplinks: [fra1-tor2]}}}
      dr-c: {platform: vsphere-4.1, vlans: [web], hosts: {"c-esx[1:4]": {rack: ams1-r1, uplinks: [ams1-tor1]}}}
      other-d: {platform: vsphere-4.1, vlans: [other], hosts: {"d-esx[1:2]": {rack: fra1-r3, uplinks: [fra1-tor3]}}}
    workloads:
      shop: {cluster: prod-a, vlans: [web, db], count: 40}
    migration_domains:
      local: {clusters: [prod-a, prod-b]}
    """

    @Test func proposalAcrossSitesAddsMigrationStretchTromboneAndRTTFindings() throws {
        let s = try Self.session(Self.design)
        let domain = try s.domain(named: "metro", clusters: ["prod-a", "dr-c"]).get()
        let o = s.evaluate(adding: [domain])
        let added = Dictionary(grouping: o.added, by: \.ruleID)
        #expect(Set(added.keys) == ["TL300", "TL301", "TL302", "TL401"])
        #expect(added["TL300"]?.first?.string("scope") == "multi-site")
        #expect(added["TL301"]?.first?.string("vlan") == "db")
        #expect(added["TL301"]?.first?.string("cluster") == "dr-c")
        #expect(added["TL301"]?.first?.severity == .critical)
        #expect(added["TL302"]?.first?.double("rtt_ms") == 8)
        #expect(added["TL302"]?.first?.double("limit_ms") == 5)
        #expect(added["TL401"]?.first?.string("vlan") == "web")
        #expect(o.resolved.isEmpty)
        #expect(o.after.findings == o.before.findings + 4)
        // What it asks of the network: db stretched to dr-c's rack in ams1.
        let r = try #require(o.requirements.first)
        #expect(r.worstRTTms == 8 && r.rttLimitMs == 5)
        let stretch = try #require(r.stretches.first)
        #expect(r.stretches.count == 1)
        #expect(stretch.vlan == "db" && stretch.cluster == "dr-c" && stretch.hostsMissing == 4)
        #expect(stretch.sites == ["ams1"] && stretch.racks == ["ams1-r1"])
        #expect(stretch.newSwitches == ["ams1-tor1"])   // the dr-c uplink must start carrying db
        #expect(stretch.scopeBefore == "pod" && stretch.scopeAfter == "multi-site")
        #expect(stretch.switchesBefore == 2 && stretch.switchesAfter == 3)
        #expect(stretch.endpointsBefore == 40 && stretch.endpointsAfter == 40)
    }

    @Test func proposalForSomeWorkloadsJudgesOnlyTheirMoves() throws {
        let s = try Self.session(Self.design.replacing("shop: {cluster: prod-a, vlans: [web, db], count: 40}",
                                                       with: "shop: {cluster: prod-a, vlans: [web, db], count: 40}\n  front: {cluster: prod-a, vlans: [web], count: 10}"))
        // Every workload of prod-a may move: shop loses db (TL301), both trombone on web (TL401).
        let all = s.evaluate(adding: [try s.domain(named: "metro", clusters: ["prod-a", "dr-c"]).get()])
        #expect(all.added.map(\.ruleID).sorted() == ["TL300", "TL301", "TL302", "TL401", "TL401"])
        // Only front moves: no db stretch needed, one trombone.
        let some = s.evaluate(adding: [try s.domain(named: "metro", clusters: ["prod-a", "dr-c"], workloads: ["front"]).get()])
        #expect(some.added.map(\.ruleID).sorted() == ["TL300", "TL302", "TL401"])
        #expect(some.added.first { $0.ruleID == "TL401" }?.string("workload") == "front")
        #expect(try #require(some.requirements.first).stretches.isEmpty)
        #expect(some.requirements.first?.workloads == ["front"] && some.requirements.first?.restricted == true)
        #expect(all.requirements.first?.workloads == ["front", "shop"] && all.requirements.first?.restricted == false)
        // Names that do not fit are errors, with a suggestion where one is close.
        guard case let .failure(unknown) = s.domain(named: "m", clusters: ["prod-a", "dr-c"], workloads: ["frnt"]) else {
            Issue.record("an unknown workload must be an error"); return
        }
        #expect(unknown.message == "unknown workload 'frnt'" && unknown.suggestion == "front")
        guard case let .failure(elsewhere) = s.domain(named: "m", clusters: ["prod-b", "dr-c"], workloads: ["front"]) else {
            Issue.record("a workload outside the domain's clusters must be an error"); return
        }
        #expect(elsewhere.message.contains("runs on cluster 'prod-a', which is not in the proposed domain"))
    }

    @Test func proposalInsideOnePodAddsOnlyTheLowCrossClusterFinding() throws {
        let s = try Self.session(Self.design.replacing("migration_domains:\n  local: {clusters: [prod-a, prod-b]}", with: ""))
        let o = s.evaluate(adding: [try s.domain(named: "pod", clusters: ["prod-a", "prod-b"]).get()])
        #expect(o.added.map(\.ruleID) == ["TL300"])
        #expect(o.added.first?.severity == .low)
        #expect(o.requirements.first?.stretches.isEmpty == true)
    }

    @Test func removingADomainResolvesItsFindings() throws {
        let s = try Self.session(Self.design.replacing("local: {clusters: [prod-a, prod-b]}", with: "local: {clusters: [prod-a, dr-c]}"))
        let o = s.evaluate(adding: [], removing: ["local"])
        #expect(o.added.isEmpty)
        #expect(Set(o.resolved.map(\.ruleID)) == ["TL300", "TL301", "TL302", "TL401"])
        #expect(o.after.findings == o.before.findings - o.resolved.count)
    }

    @Test func unknownClusterIsRefusedWithASuggestion() throws {
        let s = try Self.session(Self.design)
        guard case let .failure(error) = s.domain(named: "x", clusters: ["prod-a", "dr-x"]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.suggestion == "dr-c")
    }

    /// The same findings as a full lint of the file with the domain written into it.
    @Test func whatIfAgreesWithLintingTheEditedFile() throws {
        let s = try Self.session(Self.design)
        let o = s.evaluate(adding: [try s.domain(named: "metro", clusters: ["prod-a", "dr-c"]).get()])
        let edited = Linted(Self.design + "\n  metro: {clusters: [prod-a, dr-c]}\n")
        #expect(edited.findings.count == o.after.findings)
        #expect(Set(edited.findings.map { "\($0.ruleID) \($0.subject.name) \($0.score)" })
                .isSuperset(of: o.added.map { "\($0.ruleID) \($0.subject.name) \($0.score)" }))
    }
}
