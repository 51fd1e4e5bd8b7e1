import Testing
import TopolintCore
@testable import TopolintModel
@testable import TopolintAnalysis
@testable import TopolintPicture

/// Three sites: web bridged between fra1 and ams1 with its only gateway in fra1, app across
/// two pods of fra1, and a one-rack VLAN in lon1 (whose rack names a site, not a pod).
enum PictureFixture {
    static let yaml = """
    topology: pic
    version: 1
    sites: {fra1: {}, ams1: {}, lon1: {}}
    site_links: [{between: [fra1, ams1], rtt_ms: 8}, {between: [fra1, lon1], rtt_ms: 12}]
    pods: {fra1-p1: {site: fra1}, fra1-p2: {site: fra1}, ams1-p1: {site: ams1}}
    racks:
      "fra1-r[01:03]": {pod: fra1-p1}
      fra1-r10: {pod: fra1-p2}
      "ams1-r[01:02]": {pod: ams1-p1}
      lon1-r01: {site: lon1}
    switches:
      "fra1-r[01:03]-tor": {rack: "fra1-r{1}", role: access, vlans: [web]}
      fra1-r10-tor: {rack: fra1-r10, vlans: [app]}
      fra1-core: {pod: fra1-p1, role: core, vlans: [web, app]}
      ams1-core: {pod: ams1-p1, role: core, vlans: [web]}
      "ams1-r[01:02]-tor": {rack: "ams1-r{1}", role: access, vlans: [web]}
      lon1-tor: {rack: lon1-r01, vlans: [lon]}
      lon1-border: {site: lon1, role: border}
    links:
      - between: ["fra1-r[01:03]-tor", fra1-core]
      - between: [fra1-r10-tor, fra1-core]
      - between: ["ams1-r[01:02]-tor", ams1-core]
      - {between: [fra1-core, ams1-core], vlans: [web]}
    vlans:
      web: {id: 100, gateway: fra1-core}
      app: {id: 200, gateway: fra1-core}
      lon: {id: 300}
    clusters:
      dr: {platform: vsphere-7.0, vlans: [web], hosts: {"ams1-esx[1:4]": {rack: ams1-r01, uplinks: [ams1-r01-tor]}}}
      prod: {platform: vsphere-7.0, vlans: [web], hosts: {"fra1-esx[1:2]": {rack: fra1-r01, uplinks: [fra1-r01-tor]}}}
    workloads:
      shop-dr: {cluster: dr, vlans: [web], count: 40}
      shop: {cluster: prod, vlans: [web], count: 10}
    """

    static func analyzed() throws -> CoreAnalyzed { try #require(CoreFixture.analyzed(yaml)) }

    static func finding(_ rule: String, _ kind: String, _ name: String, context: [(String, JSONValue)] = []) -> Finding {
        Finding(ruleID: rule, ruleName: rule, score: 7, message: "m", fix: "f", subject: Subject(kind: kind, name: name),
                location: SourceLocation(file: CoreFixture.file, line: 1, column: 1), context: context)
    }
}

@Suite struct PictureBuilderTests {
    @Test func placesEveryRackInItsPodAndGivesPodlessRacksAnUnnamedPod() throws {
        let a = try PictureFixture.analyzed()
        let p = PictureBuilder.build(a.analysis, findings: [])
        #expect(p.sites.map(\.name) == ["fra1", "ams1", "lon1"])
        #expect(p.pods.map(\.name) == ["fra1-p1", "fra1-p2", "ams1-p1", ""])
        #expect(p.pods[3].site == 2)
        #expect(p.racks.map(\.name) == ["fra1-r01", "fra1-r02", "fra1-r03", "fra1-r10", "ams1-r01", "ams1-r02", "lon1-r01"])
        #expect(p.racks.map(\.pod) == [0, 0, 0, 1, 2, 2, 3])
        #expect(p.racks.map(\.hosts) == [2, 0, 0, 0, 4, 0, 0])
        let border = try #require(p.switches.first { $0.name == "lon1-border" })
        #expect(border.site == 2 && border.pod == nil && border.rack == nil && border.role == "border")
        #expect(p.siteLinks == [Picture.SiteLink(a: 0, b: 1, rttMs: 8), Picture.SiteLink(a: 0, b: 2, rttMs: 12)])
    }

    @Test func drawsDomainsAcrossPodsOrSitesWithWhatTheyReach() throws {
        let a = try PictureFixture.analyzed()
        let p = PictureBuilder.build(a.analysis, findings: [])
        // Sorted by VLAN name; lon stays in one rack and is not drawn.
        #expect(p.bands.map(\.vlan) == ["app", "web"])
        let app = p.bands[0], web = p.bands[1]
        #expect(app.scope == "site" && app.sites == [0] && app.pods == [0, 1] && app.racks == [3])
        #expect(app.switchCount == 2 && app.firstSwitch == "fra1-core")
        #expect(web.scope == "multi-site" && web.sites == [0, 1] && web.pods == [0, 2])
        #expect(web.racks == [0, 1, 2, 4, 5])
        #expect(web.switchCount == 7 && web.hosts == 6 && web.endpoints == 50 && web.reasons == ["stretched"])
    }

    @Test func aFlaggedDomainIsDrawnEvenWithinOnePod() throws {
        let a = try PictureFixture.analyzed()
        let oversized = PictureFixture.finding("TL100", "vlan", "lon", context: [("switch", .string("lon1-tor"))])
        let p = PictureBuilder.build(a.analysis, findings: [oversized])
        let lon = try #require(p.bands.first { $0.vlan == "lon" })
        #expect(lon.reasons == ["oversized"] && lon.scope == "rack" && lon.racks == [6] && lon.pods == [3] && lon.sites == [2])
    }

    @Test func aTromboneRunsFromTheEndpointsSiteToTheGatewaysSite() throws {
        let a = try PictureFixture.analyzed()
        let p = PictureBuilder.build(a.analysis, findings: [])
        // shop runs beside its gateway; shop-dr's 4 hosts in ams1 reach fra1-core, 8 ms away.
        #expect(p.trombones == [Picture.Trombone(vlan: "web", vlanID: 100, fromSite: 1, toSite: 0, gateway: "fra1-core",
                                                 rttMs: 8, endpoints: 40, hosts: 4, workloads: ["shop-dr"])])
    }

    /// A workload pinned to some hosts (`hosts`) has all its endpoints on them: the arrow
    /// counts them all, as lint and `domains` do, not a share spread over the cluster.
    @Test func aPinnedWorkloadsTromboneCountsItsOwnHosts() throws {
        let a = try #require(CoreFixture.analyzed("""
            topology: t
            version: 1
            sites: {a: {}, b: {}}
            site_links: [{between: [a, b], rtt_ms: 9}]
            pods: {pa: {site: a}, pb: {site: b}}
            racks: {ra: {pod: pa}, rb: {pod: pb}}
            switches: {sa: {rack: ra, vlans: [web]}, sb: {rack: rb, vlans: [web]}}
            links: [{between: [sa, sb]}]
            vlans: {web: {id: 10, subnet: 10.0.0.0/24, gateway: sa}}
            clusters: {c: {vlans: [web], hosts: {ha: {rack: ra, uplinks: [sa]}, hb: {rack: rb, uplinks: [sb]}}}}
            workloads: {w: {cluster: c, vlans: [web], count: 10, hosts: [hb]}}
            """))
        let p = PictureBuilder.build(a.analysis, findings: [])
        #expect(p.trombones == [Picture.Trombone(vlan: "web", vlanID: 10, fromSite: 1, toSite: 0, gateway: "sa",
                                                 rttMs: 9, endpoints: 10, hosts: 1, workloads: ["w"])])
    }

    @Test func aMoveAMigrationDomainAllowsIsADashedTrombone() throws {
        let a = try PictureFixture.analyzed()
        let move = PictureFixture.finding("TL401", "migration_domain", "metro", context: [
            ("vlan", .string("web")), ("workload", .string("shop")), ("cluster", .string("dr")),
            ("gateway", .string("fra1-core")), ("rtt_ms", .int(8))])
        // Reported twice (two domains allowing the same move): drawn once.
        let p = PictureBuilder.build(a.analysis, findings: [move, move])
        #expect(p.trombones.count == 2)
        #expect(p.trombones[1] == Picture.Trombone(vlan: "web", vlanID: 100, fromSite: 1, toSite: 0, gateway: "fra1-core",
                                                   rttMs: 8, endpoints: 10, hosts: 4, workloads: ["shop"], ifMoved: true))
    }

    @Test func aProposedStretchReachesTheVLANsRacksAndTheTargetClusters() throws {
        let a = try PictureFixture.analyzed()
        var p = PictureBuilder.build(a.analysis, findings: [])
        PictureBuilder.addProposals(&p, analysis: a.analysis, stretches: [
            ProposedStretch(vlan: "app", cluster: "dr", scope: "multi-site", switches: 4, hosts: 4, endpoints: 0)])
        let band = try #require(p.bands.last)
        #expect(band.vlan == "app" && band.reasons == ["proposed"] && band.note == "if stretched to cluster dr")
        // app today: fra1-r10 (pod fra1-p2) and the core in fra1-p1; dr's hosts stand in ams1-r01.
        #expect(band.racks == [3, 4] && band.pods == [0, 1, 2] && band.sites == [0, 1])
        #expect(band.scope == "multi-site" && band.switchCount == 4)
    }

    @Test func oneVLANShowsEveryDomainOfItAndOnlyItsTrombones() throws {
        let a = try PictureFixture.analyzed()
        let p = PictureBuilder.build(a.analysis, findings: [], vlan: try a.vlan("lon"))
        #expect(p.bands.map(\.vlan) == ["lon"] && p.bands[0].reasons.isEmpty)
        #expect(p.trombones.isEmpty)
    }

    @Test func findingSubjectsMapToTheElementsThatStandForThem() throws {
        let a = try PictureFixture.analyzed()
        let findings = [
            PictureFixture.finding("TL200", "vlan", "web", context: [("switch", .string("ams1-core"))]),
            PictureFixture.finding("TL400", "workload", "shop-dr"),
            PictureFixture.finding("TL303", "cluster", "prod"),
            PictureFixture.finding("TL403", "switch", "lon1-border"),
            PictureFixture.finding("TL200", "vlan", "web", context: [("switch", .string("ams1-core"))]),
            PictureFixture.finding("TL900", "zone", "nowhere"),
            PictureFixture.finding("TL601", "host", "ams1-esx3"),
        ]
        let p = PictureBuilder.build(a.analysis, findings: findings)
        // One highlight per subject; a subject with nothing drawn (an unknown zone) has none.
        #expect(p.highlights.map(\.subject.name) == ["web", "shop-dr", "prod", "lon1-border", "ams1-esx3"])
        #expect(p.highlights[4].racks == [4])
        let web = p.highlights[0]
        #expect(web.bands == [1] && web.trombones == [0] && web.racks == [0, 1, 2, 4, 5])
        #expect(p.highlights[1].trombones == [0] && p.highlights[1].racks == [4])
        #expect(p.highlights[2].racks == [0])
        #expect(p.highlights[3].switches == [try a.switchIndex("lon1-border")])
        #expect(p.highlightIndex(of: Subject(kind: "cluster", name: "prod")) == 2)
    }

    @Test func theTopologyGraphGroupsSwitchesBySiteAndPod() throws {
        let a = try PictureFixture.analyzed()
        let g = NetworkGraphBuilder.topology(a.topology)
        #expect(g.groups.map(\.label) == ["site fra1", "site ams1", "site lon1", "pod fra1-p1", "pod fra1-p2", "pod ams1-p1"])
        #expect(g.groups[3].parent == 0 && g.groups[5].parent == 1)
        #expect(g.nodes.count == a.topology.switches.count)
        // A switch in a rack of a pod sits in the pod's group; one placed by site in the site's.
        #expect(g.nodes[try a.switchIndex("fra1-r10-tor")].group == 4)
        #expect(g.nodes[try a.switchIndex("lon1-border")].group == 2)
        #expect(g.edges.count == 7)
        #expect(g.edges.filter { $0.label == "web" }.count == 1)
    }

    @Test func aVLANGraphHoldsItsDomainsTrunksAndOverlay() throws {
        let a = try PictureFixture.analyzed()
        let g = NetworkGraphBuilder.vlan(a.analysis, vlan: try a.vlan("web"))
        #expect(g.groups.count == 1 && g.groups[0].label == "domain 1: multi-site, ams1, fra1, 6 hosts, 50 endpoints")
        #expect(g.nodes.count == 7)
        // Three ToR uplinks in fra1, two in ams1, and the DCI trunk.
        #expect(g.edges.count == 6 && g.edges.allSatisfy { !$0.dashed })
        let evpn = try #require(CoreFixture.analyzed("""
        topology: x
        version: 1
        sites: {s: {}}
        pods: {p: {site: s}}
        racks: {"r[1:3]": {pod: p}}
        switches: {"r[1:3]-leaf": {rack: "r{1}", role: leaf, vtep: true, vlans: [v]}}
        vlans: {v: {id: 10, vni: 10010}}
        """))
        let overlay = NetworkGraphBuilder.vlan(evpn.analysis, vlan: try evpn.vlan("v"))
        #expect(overlay.nodes.map(\.label) == ["r1-leaf", "r2-leaf", "r3-leaf", "VNI 10010"])
        #expect(overlay.edges.map { [$0.a, $0.b] } == [[0, 3], [1, 3], [2, 3]] && overlay.edges.allSatisfy(\.dashed))
    }
}
