import Testing
import TopolintCore
@testable import TopolintModel
@testable import TopolintAnalysis

/// Site round-trip times and gateway reach (docs/format.md, “Distances and round-trip times” and “Which gateway an endpoint uses”).
@Suite("Core: distances and gateway reach")
struct CoreDistanceAndGatewayTests {
    @Test("RTT is the shortest path over site_links: a multi-hop path beats a slower direct link")
    func shortestPaths() throws {
        let a = try #require(CoreFixture.analyzed("""
            topology: t
            version: 1
            sites: {a: , b: , c: , d: , e: , f: }
            site_links:
              - {between: [a, b], rtt_ms: 2}
              - {between: [b, c], rtt_ms: 3.5}
              - {between: [a, c], rtt_ms: 10}
              - {between: [c, d], rtt_ms: 0}
              - {between: [e, f], rtt_ms: 1}
            """))
        let d = a.analysis.distances
        let (sa, sb, sc, sd, se, sf) = (try a.site("a"), try a.site("b"), try a.site("c"), try a.site("d"), try a.site("e"), try a.site("f"))
        #expect(d.rtt(sa, sa) == 0)
        #expect(d.rtt(sa, sb) == 2)
        #expect(d.rtt(sa, sc) == 5.5)
        #expect(d.rtt(sc, sa) == 5.5)
        #expect(d.rtt(sa, sd) == 5.5)
        #expect(d.rtt(sb, sd) == 3.5)
        #expect(d.rtt(se, sf) == 1)
        #expect(d.rtt(sf, se) == 1)
        // No path: unknown, not zero and not infinite.
        #expect(d.rtt(sa, se) == nil)
        #expect(d.rtt(sf, sd) == nil)
        #expect(d.rtt(sa, -1) == nil)
        #expect(d.rtt(sa, 99) == nil)
    }

    @Test("round trips that add up past the largest double are very far, not unknown")
    func saturatedPaths() throws {
        let a = try #require(CoreFixture.analyzed("""
            topology: t
            version: 1
            sites: {a: , b: , c: }
            site_links:
              - {between: [a, b], rtt_ms: 1e308}
              - {between: [b, c], rtt_ms: 1e308}
            """))
        let d = a.analysis.distances
        #expect(d.rtt(try a.site("a"), try a.site("b")) == 1e308)
        #expect(d.rtt(try a.site("a"), try a.site("c")) == .greatestFiniteMagnitude)
    }

    @Test("sites without any site link have an unknown RTT to each other")
    func noSiteLinks() throws {
        let a = try #require(CoreFixture.analyzed("topology: t\nversion: 1\nsites: {x: , y: }\n"))
        #expect(a.analysis.distances.rtt(0, 1) == nil)
        #expect(a.analysis.distances.rtt(1, 1) == 0)
    }

    @Test("many sites without links cost one entry each, not a square; linked groups a square each")
    func tableSizeFollowsTheGroups() throws {
        let a = try #require(CoreFixture.analyzed("""
            topology: t
            version: 1
            sites: {"s[1:50000]": {}}
            site_links:
              - {between: [s1, s2], rtt_ms: 1}
              - {between: [s2, s3], rtt_ms: 2}
              - {between: [s49999, s50000], rtt_ms: 4}
            """))
        let d = a.analysis.distances
        #expect(d.rtt.count == 3 * 3 + 2 * 2)
        let (s1, s3, s4, s5, last) = (try a.site("s1"), try a.site("s3"), try a.site("s4"), try a.site("s5"), try a.site("s50000"))
        #expect(d.rtt(s1, s3) == 3)
        #expect(d.rtt(s3, s1) == 3)
        #expect(d.rtt(last - 1, last) == 4)
        #expect(d.rtt(s4, s4) == 0)
        #expect(d.rtt(s4, s5) == nil)
        #expect(d.rtt(s1, last) == nil)
    }

    @Test("proximity of two placements")
    func proximity() {
        let rack = Placement(rack: 1, pod: 1, site: 0)
        #expect(Proximity(rack, Placement(rack: 1, pod: 1, site: 0)) == .sameRack)
        #expect(Proximity(rack, Placement(rack: 2, pod: 1, site: 0)) == .samePod)
        #expect(Proximity(rack, Placement(rack: nil, pod: 1, site: 0)) == .samePod)
        #expect(Proximity(rack, Placement(rack: 3, pod: 2, site: 0)) == .sameSite)
        #expect(Proximity(rack, Placement(rack: nil, pod: nil, site: 0)) == .sameSite)
        #expect(Proximity(rack, Placement(rack: 4, pod: 3, site: 1)) == .otherSite)
        #expect(Proximity.sameRack < Proximity.samePod && Proximity.sameSite < Proximity.otherSite)
    }

    /// Sites s1–s4: s1–s2 4 ms, s2–s3 3 ms, s1–s3 9 ms (so s1–s3 is 7 over s2); s4 has no link.
    /// Every switch carries every VLAN and hangs off `spine` by a trunk, except `island`.
    static let fabric = """
        topology: t
        version: 1
        sites: {s1: , s2: , s3: , s4: }
        site_links:
          - {between: [s1, s2], rtt_ms: 4}
          - {between: [s2, s3], rtt_ms: 3}
          - {between: [s1, s3], rtt_ms: 9}
        pods:
          p1: {site: s1}
          p2: {site: s1}
          q1: {site: s2}
        racks:
          r1: {pod: p1}
          r1b: {pod: p1}
          r2: {pod: p1}
          r3: {pod: p2}
          t1: {pod: q1}
          u1: {site: s3}
        switches:
          spine: {site: s1, vlans: all}
          gw-r1: {rack: r1, vlans: all}
          gw-r2: {rack: r2, vlans: all}
          gw-p2: {pod: p2, vlans: all}
          gw-s1: {site: s1, vlans: all}
          gw-s2: {rack: t1, vlans: all}
          gw-a4: {site: s4, vlans: all}
          island: {rack: r1, vlans: all}
        links:
          - between: [spine, "gw-r[1:2]"]
          - between: [spine, gw-p2]
          - between: [spine, "gw-s[1:2]"]
          - between: [spine, gw-a4]
        vlans:
          all5: {id: 1, gateway: {anycast: [gw-r1, gw-r2, gw-p2, gw-s1, gw-s2]}}
          far: {id: 2, gateway: {anycast: [gw-r1, gw-s2]}}
          tie: {id: 3, gateway: {anycast: [gw-s1, gw-r1]}}
          ha: {id: 4, gateway: {active: gw-s2, standby: [gw-r1]}}
          single: {id: 5, gateway: gw-r2}
          unknown: {id: 6, gateway: gw-a4}
          known: {id: 7, gateway: {anycast: [gw-a4, gw-s2]}}
          none: {id: 8}
          missing: {id: 9, gateway: gw-r1}
        clusters:
          c:
            vlans: [all5, far, tie, ha, single, unknown, known, none]
            hosts:
              h-r1: {rack: r1, uplinks: [spine]}
              h-r1b: {rack: r1b, uplinks: [spine]}
              h-r2: {rack: r2, uplinks: [spine]}
              h-r3: {rack: r3, uplinks: [spine]}
              h-t1: {rack: t1, uplinks: [spine]}
              h-u1: {rack: u1, uplinks: [spine]}
              h-island: {rack: r1, uplinks: [island]}
        """

    /// "gateway proximity rtt" for the gateway `host` reaches for `vlan`, or nil.
    func reach(_ a: CoreAnalyzed, _ host: String, _ vlan: String,
               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String? {
        try a.gateway(host: host, vlan: vlan, sourceLocation: sourceLocation).map { r in
            let rtt = r.rttMs.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "nil"
            return "\(a.name(ofSwitch: r.gateway)) \(r.proximity) \(rtt)"
        }
    }

    @Test("anycast: a host reaches the member in its own rack, else its pod, else its site, else the lowest RTT")
    func anycastNearest() throws {
        let a = try #require(CoreFixture.analyzed(Self.fabric))
        #expect(a.gatewayNames(try a.domains("all5")[0]) == ["gw-p2", "gw-r1", "gw-r2", "gw-s1", "gw-s2"])
        #expect(try reach(a, "h-r1", "all5") == "gw-r1 sameRack 0")
        #expect(try reach(a, "h-r2", "all5") == "gw-r2 sameRack 0")
        // r1b shares pod p1 with gw-r1 and gw-r2: both same pod, so the name decides.
        #expect(try reach(a, "h-r1b", "all5") == "gw-r1 samePod 0")
        // gw-p2 is located by pod alone and is the only one in p2.
        #expect(try reach(a, "h-r3", "all5") == "gw-p2 samePod 0")
        #expect(try reach(a, "h-t1", "all5") == "gw-s2 sameRack 0")
        // s3 has no gateway: s2 is 3 ms away, s1 is 7 ms (over s2).
        #expect(try reach(a, "h-u1", "all5") == "gw-s2 otherSite 3")
    }

    @Test("same site beats a lower RTT elsewhere; the lowest RTT beats the name")
    func siteThenRTT() throws {
        let a = try #require(CoreFixture.analyzed(Self.fabric))
        #expect(try reach(a, "h-r3", "far") == "gw-r1 sameSite 0")
        #expect(try reach(a, "h-t1", "far") == "gw-s2 sameRack 0")
        #expect(try reach(a, "h-u1", "far") == "gw-s2 otherSite 3")
    }

    @Test("equal RTTs are broken by the gateway's name")
    func nameTieBreak() throws {
        let a = try #require(CoreFixture.analyzed(Self.fabric))
        // From s2 both are in s1, 4 ms away: gw-r1 sorts before gw-s1.
        #expect(try reach(a, "h-t1", "tie") == "gw-r1 otherSite 4")
        // From r3 both are in the same site: again the name decides.
        #expect(try reach(a, "h-r3", "tie") == "gw-r1 sameSite 0")
        #expect(try reach(a, "h-r1", "tie") == "gw-r1 sameRack 0")
    }

    @Test("active/standby: only the active gateway counts, even where a standby is nearer")
    func activeStandby() throws {
        let a = try #require(CoreFixture.analyzed(Self.fabric))
        #expect(a.gatewayNames(try a.domains("ha")[0]) == ["gw-s2"])
        #expect(try reach(a, "h-r1", "ha") == "gw-s2 otherSite 4")
        #expect(try reach(a, "h-u1", "ha") == "gw-s2 otherSite 3")
        #expect(try reach(a, "h-t1", "ha") == "gw-s2 sameRack 0")
    }

    @Test("a single gateway is reached from everywhere in its domain")
    func singleGateway() throws {
        let a = try #require(CoreFixture.analyzed(Self.fabric))
        #expect(try reach(a, "h-r1", "single") == "gw-r2 samePod 0")
        #expect(try reach(a, "h-r3", "single") == "gw-r2 sameSite 0")
        #expect(try reach(a, "h-u1", "single") == "gw-r2 otherSite 7")
    }

    @Test("a gateway in a site with no path has an unknown RTT, and loses to any known one")
    func unknownRTT() throws {
        let a = try #require(CoreFixture.analyzed(Self.fabric))
        #expect(try reach(a, "h-r1", "unknown") == "gw-a4 otherSite nil")
        #expect(try reach(a, "h-r1", "known") == "gw-s2 otherSite 4")
    }

    @Test("no gateway: a VLAN without one, a domain without one, a host that joins no domain")
    func noGateway() throws {
        let a = try #require(CoreFixture.analyzed(Self.fabric))
        #expect(try reach(a, "h-r1", "none") == nil)
        // island carries every VLAN but is linked to nothing: its domain holds no gateway.
        #expect(try reach(a, "h-island", "all5") == nil)
        #expect(try reach(a, "h-island", "single") == nil)
        let islandDomain = try #require(try a.domains("all5").first { a.switchNames($0) == ["island"] })
        #expect(islandDomain.gateways.isEmpty)
        #expect(islandDomain.hostCount == 1)
        // The hosts do not carry `missing`: they join none of its domains.
        #expect(try reach(a, "h-r1", "missing") == nil)
    }

    @Test("a gateway switch that does not carry the VLAN loads, and gives no gateway")
    func gatewayNotCarrying() throws {
        let a = try #require(CoreFixture.analyzed("""
            topology: t
            version: 1
            sites: {s: }
            racks: {r: {site: s}}
            switches:
              tor: {rack: r, vlans: [v]}
              gw: {rack: r, vlans: [w]}
            links:
              - {between: [tor, gw]}
            vlans:
              v: {id: 1, gateway: gw}
              w: {id: 2, gateway: {anycast: [tor, gw]}}
            clusters:
              c:
                vlans: [v, w]
                hosts:
                  h: {rack: r, uplinks: [tor, gw]}
            """))
        #expect(try a.domains("v").map(\.gateways) == [[]])
        #expect(try a.gateway(host: "h", vlan: "v") == nil)
        // For w only gw carries it, so only gw forwards.
        #expect(try a.domains("w").map(a.gatewayNames) == [["gw"]])
        #expect(try reach(a, "h", "w") == "gw sameRack 0")
    }

    @Test("a host joining two domains reaches the nearest gateway of either")
    func twoDomains() throws {
        let a = try #require(CoreFixture.analyzed("""
            topology: t
            version: 1
            sites: {s1: , s2: }
            site_links:
              - {between: [s1, s2], rtt_ms: 6}
            racks:
              r1: {site: s1}
              r2: {site: s1}
              r9: {site: s2}
            switches:
              a: {rack: r1, vlans: [v]}
              b: {rack: r2, vlans: [v]}
              ga: {rack: r9, vlans: [v]}
              gb: {rack: r2, vlans: [v]}
            links:
              - {between: [a, ga]}
              - {between: [b, gb]}
            vlans:
              v: {id: 1, gateway: {anycast: [ga, gb]}}
            clusters:
              c:
                vlans: [v]
                hosts:
                  h: {rack: r1, uplinks: [a, b]}
            """))
        #expect(try a.partition("v") == [["a", "ga"], ["b", "gb"]])
        #expect(try a.domains("v").map(a.gatewayNames) == [["ga"], ["gb"]])
        #expect(try reach(a, "h", "v") == "gb sameSite 0")
    }
}
