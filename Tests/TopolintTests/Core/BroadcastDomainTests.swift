import Foundation
import Testing
import TopolintCore
@testable import TopolintModel
@testable import TopolintAnalysis

/// Broadcast domains and their figures (docs/format.md: “Trunks”, “VXLAN overlays”, “Hosts join,
/// they never bridge”, “Broadcast domains”, “Endpoints are shares of workloads”, “Scope”).
@Suite("Core: broadcast domains")
struct CoreBroadcastDomainTests {
    /// One site, two pods, three racks; `r3` sits in pod p2.
    static let places = """
        topology: t
        version: 1
        sites: {s1: , s2: }
        pods:
          p1: {site: s1}
          p2: {site: s1}
          q1: {site: s2}
        racks:
          r1: {pod: p1}
          r2: {pod: p1}
          r3: {pod: p2}
          t1: {pod: q1}

        """

    @Test("a trunk carries the VLANs both ends carry; a routed link carries nothing")
    func trunkAndRouted() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v]}
              b: {rack: r1, vlans: [v]}
              c: {rack: r1, vlans: [v]}
              d: {rack: r1, vlans: [v]}
            links:
              - {between: [a, b]}
              - {between: [b, c], mode: routed}
              - {between: [c, d], mode: routed, vlans: [v]}
            vlans:
              v: {id: 10}
            """))
        #expect(try a.partition("v") == [["a", "b"], ["c"], ["d"]])
        let domains = try a.domains("v")
        #expect(domains.map(\.vlan) == [0, 0, 0])
        #expect(domains.allSatisfy { $0.scope == .rack && $0.hostCount == 0 && $0.endpoints == 0 })
    }

    @Test("a trunk's vlans list is intersected with what both ends carry; an all switch carries what reaches it")
    func linkVLANList() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v, w, x]}
              b: {rack: r2, vlans: [v, w]}
              c: {rack: r2, vlans: all}
              d: {rack: r3, vlans: all}
            links:
              - {between: [a, b], vlans: [w, x]}
              - {between: [b, c], vlans: all}
              - {between: [c, d], vlans: [x]}
            vlans:
              v: {id: 10}
              w: {id: 20}
              x: {id: 30}
              y: {id: 40}
            """))
        // v: a-b does not allow v; b-c brings v to c (all); c-d allows only x.
        #expect(try a.partition("v") == [["a"], ["b", "c"]])
        // w: a-b allows and both carry it; b-c brings it to c.
        #expect(try a.partition("w") == [["a", "b", "c"]])
        // x: b does not carry x, so nothing brings x to c, and so none to d either.
        #expect(try a.partition("x") == [["a"]])
        // y: no switch lists it, no gateway or host brings it: the `all` switches do not carry it.
        #expect(try a.partition("y") == [])
        #expect(try !a.analysis.carries(switch: a.switchIndex("c"), vlan: a.vlan("x")))
        #expect(try a.analysis.carries(switch: a.switchIndex("c"), vlan: a.vlan("v")))
        let w = try a.domains("w")[0]
        #expect(a.rackNames(w) == ["r1", "r2"])
        #expect(w.scope == .pod)
    }

    @Test("parallel links carry the union of their VLANs")
    func parallelLinks() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v, w]}
              b: {rack: r1, vlans: [v, w]}
            links:
              - {between: [a, b], vlans: [v]}
              - {between: [b, a], vlans: [w]}
            vlans:
              v: {id: 10}
              w: {id: 20}
            """))
        #expect(try a.partition("v") == [["a", "b"]])
        #expect(try a.partition("w") == [["a", "b"]])
    }

    @Test("a chain of all switches passes on the VLANs that reach it, and no other")
    func allAndAll() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: all}
              b: {rack: r3, vlans: all}
              c: {rack: r3, vlans: [v]}
            links:
              - {between: [a, b]}
              - {between: [b, c], vlans: all}
            vlans:
              v: {id: 10}
              w: {id: 20}
            """))
        // v: c lists it, b-c admits it, so b carries it, and a-b passes it on to a.
        #expect(try a.partition("v") == [["a", "b", "c"]])
        #expect(try a.domains("v")[0].scope == .site)
        // w: defined in the file but brought by nothing: no switch carries it.
        #expect(try a.partition("w") == [])
    }

    @Test("a VLAN no switch carries has no domain")
    func unusedVLAN() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1}
            vlans:
              v: {id: 10}
            """))
        #expect(try a.domains("v").isEmpty)
        #expect(a.analysis.domains.isEmpty)
    }

    @Test("domains of a VLAN come in order of their first switch name")
    func domainOrder() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              zeta: {rack: r1, vlans: [v]}
              beta: {rack: r1, vlans: [v]}
              alpha2: {rack: r1, vlans: [v]}
              gamma: {rack: r1, vlans: [v]}
            links:
              - {between: [zeta, alpha2]}
            vlans:
              v: {id: 10}
            """))
        #expect(try a.partition("v") == [["alpha2", "zeta"], ["beta"], ["gamma"]])
        let zeta = try a.switchIndex("zeta"), v = try a.vlan("v")
        #expect(a.analysis.domain(ofSwitch: zeta, vlan: v) == a.analysis.domainRanges[v].lowerBound)
        #expect(a.analysis.domain(ofSwitch: try a.switchIndex("gamma"), vlan: v) == a.analysis.domainRanges[v].lowerBound + 2)
    }

    @Test("VXLAN joins the VTEPs that carry a VLAN with a vni, across routed links and sites")
    func vxlan() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              l1: {rack: r1, vlans: [ov, plain, lone], vtep: true}
              l2: {rack: t1, vlans: [ov, plain], vtep: true}
              l3: {rack: t1, vlans: [ov]}
              l4: {rack: r2, vlans: [plain], vtep: true}
              l5: {rack: r3, vlans: [ov]}
              l6: {rack: r3, vlans: [lone], vtep: true}
            links:
              - {between: [l1, l2], mode: routed}
              - {between: [l5, l1]}
            vlans:
              ov: {id: 10, vni: 10010}
              plain: {id: 20}
              lone: {id: 30, vni: 10030}
            """))
        // ov: l1 and l2 are VTEPs carrying it; l3 carries it but is no VTEP; l5 is trunked to l1.
        #expect(try a.partition("ov") == [["l1", "l2", "l5"], ["l3"]])
        let ov = try a.domains("ov")[0]
        #expect(ov.scope == .multiSite)
        #expect(a.siteNames(ov) == ["s1", "s2"])
        #expect(a.rackNames(ov) == ["r1", "r3", "t1"])
        // plain has no vni: the VTEPs stay apart.
        #expect(try a.partition("plain") == [["l1"], ["l2"], ["l4"]])
        // lone: l6 is a VTEP carrying it too, so the overlay joins it to l1.
        #expect(try a.partition("lone") == [["l1", "l6"]])
    }

    @Test("a VTEP that does not carry the VLAN is not joined by the overlay")
    func vtepWithoutVLAN() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              l1: {rack: r1, vlans: [ov], vtep: true}
              l2: {rack: r2, vlans: [other], vtep: true}
              l3: {rack: r3, vlans: [ov], vtep: true}
            vlans:
              ov: {id: 10, vni: 1}
              other: {id: 20, vni: 2}
            """))
        #expect(try a.partition("ov") == [["l1", "l3"]])
        #expect(try a.partition("other") == [["l2"]])
        #expect(try a.domains("ov")[0].scope == .site)
    }

    @Test("hosts never bridge: two switches joined only through a host stay two domains, the host counted in both")
    func hostsDoNotTransit() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v]}
              b: {rack: r2, vlans: [v]}
            vlans:
              v: {id: 10}
            clusters:
              c:
                vlans: [v]
                hosts:
                  h1: {rack: r1, uplinks: [a, b]}
            workloads:
              w: {cluster: c, vlans: [v], count: 4}
            """))
        let domains = try a.domains("v")
        #expect(domains.map(a.switchNames) == [["a"], ["b"]])
        #expect(domains.map(\.hostCount) == [1, 1])
        #expect(domains.map(\.endpoints) == [4, 4])
        #expect(domains.map(a.clusterNames) == [["c"], ["c"]])
        // The host sits in r1: the first domain stays in one rack, the second spans r1 and r2.
        #expect(domains.map(a.rackNames) == [["r1"], ["r1", "r2"]])
        #expect(domains.map(\.scope) == [.rack, .pod])
        let h1 = try a.host("h1"), v = try a.vlan("v")
        let first = a.analysis.domainRanges[v].lowerBound
        #expect(a.analysis.domainsJoined(host: h1, vlan: v) == [first, first + 1])
        #expect(a.unreachable.isEmpty)
    }

    @Test("a host carrying a VLAN none of its uplinks carries joins no domain")
    func unreachableHost() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v]}
              b: {rack: r1, vlans: [u]}
            vlans:
              v: {id: 10}
              u: {id: 20}
              nowhere: {id: 30}
            clusters:
              c:
                vlans: [v]
                hosts:
                  h1: {rack: r1, uplinks: [a], vlans: [u, nowhere]}
                  h2: {rack: r1, uplinks: [b]}
            """))
        let h1 = try a.host("h1"), h2 = try a.host("h2")
        #expect(a.analysis.domainsJoined(host: h1, vlan: try a.vlan("v")).count == 1)
        #expect(a.analysis.domainsJoined(host: h1, vlan: try a.vlan("u")).isEmpty)
        #expect(a.analysis.domainsJoined(host: h1, vlan: try a.vlan("nowhere")).isEmpty)
        #expect(a.analysis.domainsJoined(host: h2, vlan: try a.vlan("v")).isEmpty)
        // A host that does not carry u joins no domain of u even though its uplink carries it.
        #expect(a.analysis.domainsJoined(host: h2, vlan: try a.vlan("u")).isEmpty)
        #expect(a.unreachable == ["h1/nowhere", "h1/u", "h2/v"])
        #expect(try a.domains("u").map(\.hostCount) == [0])
        #expect(try a.domains("v").map(\.hostCount) == [1])
        #expect(try a.domains("nowhere").isEmpty)
    }

    @Test("endpoints are shared out as c·k/n: 10 on 3 hosts, 2 and 1 per domain, give 6.67 and 3.33, shown as 7 and 3")
    func fractionalEndpoints() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v, other]}
              b: {rack: r2, vlans: [v, other]}
            vlans:
              v: {id: 10}
              other: {id: 20}
            clusters:
              c:
                hosts:
                  h1: {rack: r1, uplinks: [a], vlans: [v]}
                  h2: {rack: r1, uplinks: [a], vlans: [v]}
                  h3: {rack: r2, uplinks: [b], vlans: [v]}
                  h4: {rack: r2, uplinks: [b], vlans: [other]}
            workloads:
              w: {cluster: c, vlans: [v], count: 10}
            """))
        let domains = try a.domains("v")
        #expect(domains.count == 2)
        #expect(abs(domains[0].endpoints - 20.0 / 3.0) < 1e-9)
        #expect(abs(domains[1].endpoints - 10.0 / 3.0) < 1e-9)
        #expect(domains.map(\.roundedEndpoints) == [7, 3])
        #expect(domains.map(\.hostCount) == [2, 1])
        #expect(a.analysis.carriers(cluster: 0, vlan: try a.vlan("v")) == 3)
        #expect(a.analysis.carriers(cluster: 0, vlan: try a.vlan("other")) == 1)
        // The workload does not name `other`: no endpoints there, though h4 joins it.
        #expect(try a.domains("other").map(\.endpoints) == [0, 0])
        #expect(try a.domains("other").map(\.hostCount) == [0, 1])
    }

    @Test("a half rounds up; several workloads add up in one domain")
    func halfRoundsUp() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v, x]}
              b: {rack: r2, vlans: [v, x]}
            vlans:
              v: {id: 10}
              x: {id: 20}
            clusters:
              c:
                vlans: [v, x]
                hosts:
                  h1: {rack: r1, uplinks: [a]}
                  h2: {rack: r2, uplinks: [b]}
            workloads:
              five: {cluster: c, vlans: [v], count: 5}
              one: {cluster: c, vlans: [x]}
              two: {cluster: c, vlans: [x], count: 2}
            """))
        #expect(try a.domains("v").map(\.endpoints) == [2.5, 2.5])
        #expect(try a.domains("v").map(\.roundedEndpoints) == [3, 3])
        // x: 1/2 + 2/2 = 1.5 per domain, shown as 2.
        #expect(try a.domains("x").map(\.endpoints) == [1.5, 1.5])
        #expect(try a.domains("x").map(\.roundedEndpoints) == [2, 2])
    }

    @Test("a true half still rounds up after floating-point sums: 19/6 + 15/6 + 5/6 = 6.5 gives 7")
    func halfAfterDrift() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v]}
              b: {rack: r2, vlans: [v]}
            vlans:
              v: {id: 10}
            clusters:
              c:
                vlans: [v]
                hosts:
                  h1: {rack: r1, uplinks: [a]}
                  "h[2:6]": {rack: r2, uplinks: [b]}
            workloads:
              w1: {cluster: c, vlans: [v], count: 19}
              w2: {cluster: c, vlans: [v], count: 15}
              w3: {cluster: c, vlans: [v], count: 5}
            """))
        let domains = try a.domains("v")
        #expect(domains.map(\.endpoints) == [6.5, 32.5])
        #expect(domains.map(\.roundedEndpoints) == [7, 33])
    }

    @Test("a sum that is a whole number is exactly that number: 6·4/6 + 23·4/6 + 1·4/6 = 20")
    func wholeAfterDrift() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v]}
              b: {rack: r2, vlans: [v]}
            vlans:
              v: {id: 10}
            clusters:
              c:
                vlans: [v]
                hosts:
                  "h[1:4]": {rack: r1, uplinks: [a]}
                  "h[5:6]": {rack: r2, uplinks: [b]}
            workloads:
              w1: {cluster: c, vlans: [v], count: 6}
              w2: {cluster: c, vlans: [v], count: 23}
              w3: {cluster: c, vlans: [v], count: 1}
            """))
        #expect(try a.domains("v").map(\.endpoints) == [20, 10])
    }

    @Test("snapping keeps thirds as they are and only settles near-halves")
    func snapping() {
        #expect(snapToHalves(6.499999999999999) == 6.5)
        #expect(snapToHalves(20.000000000000004) == 20)
        #expect(snapToHalves(20.0 / 3.0) == 20.0 / 3.0)
        #expect(snapToHalves(0.4999) == 0.4999)
        #expect(snapToHalves(0) == 0)
    }

    @Test("hosts that carry the VLAN but reach no domain still count in n")
    func unreachableHostsCountInN() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v]}
              b: {rack: r2, vlans: [v]}
              dark: {rack: r2}
            vlans:
              v: {id: 10}
            clusters:
              c:
                vlans: [v]
                hosts:
                  "h[1:2]": {rack: r1, uplinks: [a]}
                  h3: {rack: r2, uplinks: [b]}
                  h4: {rack: r2, uplinks: [dark]}
            workloads:
              w: {cluster: c, vlans: [v], count: 8}
            """))
        #expect(try a.domains("v").map(\.endpoints) == [4, 2])
        #expect(a.unreachable == ["h4/v"])
    }

    @Test("a host whose uplinks reach one domain twice is counted once there")
    func twoUplinksOneDomain() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v]}
              b: {rack: r1, vlans: [v]}
            links:
              - {between: [a, b]}
            vlans:
              v: {id: 10}
            clusters:
              c:
                vlans: [v]
                hosts:
                  h1: {rack: r1, uplinks: [a, b]}
            workloads:
              w: {cluster: c, vlans: [v], count: 3}
            """))
        let d = try #require(try a.domains("v").first)
        #expect(d.hostCount == 1)
        #expect(d.endpoints == 3)
        #expect(a.analysis.domainsJoined(host: try a.host("h1"), vlan: try a.vlan("v")).count == 1)
    }

    @Test("scope: rack, pod, site and multi-site, with the locations listed")
    func scopes() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              r1-a: {rack: r1, vlans: all}
              r1-b: {rack: r1, vlans: all}
              r2-a: {rack: r2, vlans: all}
              r3-a: {rack: r3, vlans: all}
              t1-a: {rack: t1, vlans: all}
            links:
              - {between: [r1-a, r1-b], vlans: [rack, pod, site, multi]}
              - {between: [r1-a, r2-a], vlans: [pod, site, multi]}
              - {between: [r2-a, r3-a], vlans: [site, multi]}
              - {between: [r3-a, t1-a], vlans: [multi]}
            vlans:
              rack: {id: 1, gateway: r1-a}
              pod: {id: 2, gateway: r1-a}
              site: {id: 3, gateway: r1-a}
              multi: {id: 4, gateway: r1-a}
            """))
        let rack = try a.domains("rack")[0], pod = try a.domains("pod")[0]
        let site = try a.domains("site")[0], multi = try a.domains("multi")[0]
        #expect(rack.scope == .rack)
        #expect(a.switchNames(rack) == ["r1-a", "r1-b"])
        #expect(a.rackNames(rack) == ["r1"])
        #expect(pod.scope == .pod)
        #expect(a.rackNames(pod) == ["r1", "r2"])
        #expect(a.podNames(pod) == ["p1"])
        #expect(site.scope == .site)
        #expect(a.podNames(site) == ["p1", "p2"])
        #expect(a.siteNames(site) == ["s1"])
        #expect(multi.scope == .multiSite)
        #expect(a.rackNames(multi) == ["r1", "r2", "r3", "t1"])
        #expect(a.podNames(multi) == ["p1", "p2", "q1"])
        #expect(a.siteNames(multi) == ["s1", "s2"])
        #expect(Scope.multiSite.rawValue == "multi-site")
        #expect(Scope.rack < Scope.pod && Scope.pod < Scope.site && Scope.site < Scope.multiSite)
    }

    @Test("a member located by site alone adds only its site; by pod alone, its pod and site")
    func partialLocations() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
              s1-r: {site: s1}
            switches:
              tor: {rack: r1, vlans: all}
              site-only: {site: s1, vlans: all}
              pod-only: {pod: p2, vlans: all}
              far: {site: s2, vlans: all}
              rackless: {rack: s1-r, vlans: all}
            links:
              - {between: [tor, site-only], vlans: [a, b, c, d]}
              - {between: [tor, pod-only], vlans: [b]}
              - {between: [tor, far], vlans: [c]}
              - {between: [tor, rackless], vlans: [d]}
            vlans:
              a: {id: 1, gateway: tor}
              b: {id: 2, gateway: tor}
              c: {id: 3, gateway: tor}
              d: {id: 4, gateway: tor}
            """))
        func withTor(_ vlan: String) throws -> BroadcastDomain {
            try #require(try a.domains(vlan).first { a.switchNames($0).contains("tor") })
        }
        let da = try withTor("a"), db = try withTor("b"), dc = try withTor("c"), dd = try withTor("d")
        // The gateway brings each VLAN to tor; only the link that admits it passes it on.
        #expect(try a.partition("a") == [["site-only", "tor"]])
        // a: a rack switch and a site switch of the same site: one rack, one pod, one site.
        #expect((a.rackNames(da), a.podNames(da), a.siteNames(da)) == (["r1"], ["p1"], ["s1"]))
        #expect(da.scope == .rack)
        // b: adds pod p2 but no rack.
        #expect((a.rackNames(db), a.podNames(db), a.siteNames(db)) == (["r1"], ["p1", "p2"], ["s1"]))
        #expect(db.scope == .site)
        // c: adds site s2 alone.
        #expect((a.rackNames(dc), a.podNames(dc), a.siteNames(dc)) == (["r1"], ["p1"], ["s1", "s2"]))
        #expect(dc.scope == .multiSite)
        // d: a rack with no pod adds the rack and its site: two racks in one pod.
        #expect((a.rackNames(dd), a.podNames(dd), a.siteNames(dd)) == (["r1", "s1-r"], ["p1"], ["s1"]))
        #expect(dd.scope == .pod)
    }

    @Test("hosts add their rack, pod, site and cluster to the domains they join")
    func hostsAddLocations() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              core: {site: s1, vlans: [v]}
            vlans:
              v: {id: 10}
            clusters:
              c1:
                vlans: [v]
                hosts:
                  "e[1:2]": {rack: r1, uplinks: [core]}
              c2:
                vlans: [v]
                hosts:
                  f1: {rack: t1, uplinks: [core]}
            workloads:
              w1: {cluster: c1, vlans: [v], count: 3}
              w2: {cluster: c2, vlans: [v], count: 2}
            """))
        let d = try #require(try a.domains("v").first)
        #expect(d.hostCount == 3)
        #expect(a.clusterNames(d) == ["c1", "c2"])
        #expect(a.rackNames(d) == ["r1", "t1"])
        #expect(a.podNames(d) == ["p1", "q1"])
        #expect(a.siteNames(d) == ["s1", "s2"])
        #expect(d.scope == .multiSite)
        #expect(d.endpoints == 5)
        #expect(d.firstSwitch == (try a.switchIndex("core")))
    }

    @Test("scope(racks:pods:sites:) follows the widest count")
    func scopeFunction() {
        #expect(scope(racks: 0, pods: 0, sites: 1) == .rack)
        #expect(scope(racks: 1, pods: 1, sites: 1) == .rack)
        #expect(scope(racks: 2, pods: 1, sites: 1) == .pod)
        #expect(scope(racks: 1, pods: 2, sites: 1) == .site)
        #expect(scope(racks: 9, pods: 9, sites: 2) == .multiSite)
    }

    @Test("rounding of endpoints is half up")
    func rounding() {
        func rounded(_ e: Double) -> Int {
            BroadcastDomain(vlan: 0, switches: [0], hostCount: 0, racks: [], pods: [], sites: [], clusters: [],
                            endpoints: e, scope: .rack, gateways: []).roundedEndpoints
        }
        #expect([0, 0.49, 0.5, 1.5, 2.5, 6.6667, 3.3333, 119.5].map(rounded) == [0, 0, 1, 2, 3, 7, 3, 120])
    }

    /// The format's own reference page, as a clone of the repository holds it.
    static let formatPage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/format.md")

    /// The figures worked out by hand from the design in “A small design” of docs/format.md: app is
    /// on every ToR and both cores, joined by the ToR trunks and the app-only DCI; db stays
    /// on par1's ToRs and core, and no host carries it (both clusters name only app).
    @Test("the first example of docs/format.md gives the domains its text describes")
    func firstExample() throws {
        let text = try String(contentsOf: Self.formatPage, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        var options = CoreFixture.options
        options.platforms.append("vsphere-8.0")
        let a = try #require(CoreFixture.analyzed(String(text[start.upperBound..<end.lowerBound]), options: options))
        let app = try a.domains("app")
        #expect(app.count == 1)
        let d = try #require(app.first)
        #expect(a.switchNames(d) == ["par1-core", "par1-r01-tor", "par1-r02-tor", "par1-r03-tor",
                                     "par2-core", "par2-r01-tor", "par2-r02-tor"])
        // 3 racks x 4 hosts of par1-prod + 2 x 4 of par2-prod; billing-app's 60 VMs all on
        // par1-prod hosts, every one of which joins this domain (k = n = 12).
        #expect(d.hostCount == 3 * 4 + 2 * 4)
        #expect(d.endpoints == 60)
        #expect(a.rackNames(d) == ["par1-r01", "par1-r02", "par1-r03", "par2-r01", "par2-r02"])
        #expect(a.podNames(d) == ["par1-p1", "par2-p1"])
        #expect(a.siteNames(d) == ["par1", "par2"])
        #expect(a.clusterNames(d) == ["par1-prod", "par2-prod"])
        #expect(d.scope == .multiSite)
        // The standby par2-core is in the domain but does not forward: only par1-core does.
        #expect(a.gatewayNames(d) == ["par1-core"])
        let db = try #require(try a.domains("db").first)
        #expect(try a.domains("db").count == 1)
        #expect(a.switchNames(db) == ["par1-core", "par1-r01-tor", "par1-r02-tor", "par1-r03-tor"])
        #expect(db.hostCount == 0)
        #expect(db.endpoints == 0)
        #expect(a.rackNames(db) == ["par1-r01", "par1-r02", "par1-r03"])
        #expect(db.scope == .pod)
        // par2 hosts reach app's only forwarding gateway in the other site, 1.5 ms away.
        let reach = try #require(try a.gateway(host: "par2-r01-esx01", vlan: "app"))
        #expect(a.name(ofSwitch: reach.gateway) == "par1-core")
        #expect(reach.proximity == .otherSite)
        #expect(reach.rttMs == 1.5)
        let local = try #require(try a.gateway(host: "par1-r02-esx03", vlan: "app"))
        #expect(a.name(ofSwitch: local.gateway) == "par1-core")
        #expect(local.proximity == .samePod)
        #expect(a.unreachable.isEmpty)
    }
}
