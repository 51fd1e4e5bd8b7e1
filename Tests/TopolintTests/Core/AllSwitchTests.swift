import Foundation
import Testing
import TopolintCore
@testable import TopolintModel
@testable import TopolintAnalysis

/// `vlans: all` carries the VLANs that reach the switch (docs/format.md, "Switches carry
/// VLANs"), and stub domains (switches only) are marked.
@Suite("Core: vlans all and stub domains")
struct AllSwitchTests {
    static let places = CoreBroadcastDomainTests.places

    /// The names of the switches carrying `vlan`, sorted.
    static func carriers(_ a: CoreAnalyzed, _ vlan: String) throws -> [String] {
        let v = try a.vlan(vlan)
        return a.topology.switches.indices.filter { a.analysis.carries(switch: $0, vlan: v) }
            .map { a.topology.switches[$0].name }.sorted()
    }

    @Test("an all switch carries a VLAN through its gateway role, a host's uplink or a trunk from a carrier; nothing else")
    func seeds() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              gw: {rack: r1, vlans: all}
              sb: {rack: r1, vlans: all}
              up: {rack: r2, vlans: all}
              tr: {rack: r3, vlans: all}
              tor: {rack: r3, vlans: [listed]}
              lone: {rack: t1, vlans: all}
            links:
              - {between: [tor, tr]}
            vlans:
              routed: {id: 10, gateway: {active: gw, standby: [sb]}}
              hosted: {id: 20}
              listed: {id: 30}
              nowhere: {id: 40}
            clusters:
              c: {vlans: [hosted], hosts: {h1: {rack: r2, uplinks: [up]}}}
            """))
        // (a) a gateway, active or standby; (b) a host's uplink; (c) a trunk from a listing switch.
        #expect(try Self.carriers(a, "routed") == ["gw", "sb"])
        #expect(try Self.carriers(a, "hosted") == ["up"])
        #expect(try Self.carriers(a, "listed") == ["tor", "tr"])
        // A VLAN that reaches no switch: the `all` switches do not carry it, and it has no domain.
        #expect(try Self.carriers(a, "nowhere") == [])
        #expect(try a.domains("nowhere").isEmpty)
        // `lone` carries nothing at all.
        let lone = try a.switchIndex("lone")
        #expect(a.topology.vlans.indices.allSatisfy { !a.analysis.carries(switch: lone, vlan: $0) })
    }

    @Test("a chain of all switches passes a VLAN on, stopping at a trunk that does not admit it")
    func chain() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              tor: {rack: r1, vlans: [web, db]}
              agg1: {rack: r1, vlans: all}
              agg2: {rack: r2, vlans: all}
              core: {rack: r3, vlans: all}
              dci: {rack: t1, vlans: all}
            links:
              - {between: [tor, agg1]}
              - {between: [agg1, agg2]}
              - {between: [agg2, core], vlans: [web]}
              - {between: [core, dci], mode: routed}
            vlans:
              web: {id: 100}
              db: {id: 200}
            """))
        // web: tor -> agg1 -> agg2 -> core; the routed link carries nothing to dci.
        #expect(try a.partition("web") == [["agg1", "agg2", "core", "tor"]])
        // db: agg2 -> core admits only web, so db stops at agg2.
        #expect(try a.partition("db") == [["agg1", "agg2", "tor"]])
        #expect(try Self.carriers(a, "db") == ["agg1", "agg2", "tor"])
        #expect(try a.domains("web")[0].scope == .site)
    }

    @Test("the chain example of docs/format.md carries what its text says")
    func docsChainExample() throws {
        let docs = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let blocks = docs.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let example = try #require(blocks.first { $0.contains("fra1-agg2: {pod: fra1-p1") })
        let a = try #require(CoreFixture.analyzed("""
            topology: chain
            version: 1
            sites: {fra1: , ams1: }
            pods: {fra1-p1: {site: fra1}, ams1-p1: {site: ams1}}
            racks: {fra1-r01: {pod: fra1-p1}, ams1-r01: {pod: ams1-p1}}
            vlans: {web: {id: 100}, db: {id: 200}, ams1-app: {id: 100}}

            """ + example))
        #expect(try Self.carriers(a, "web") == ["fra1-agg1", "fra1-agg2", "fra1-core", "fra1-r01-tor"])
        #expect(try Self.carriers(a, "db") == ["fra1-agg1", "fra1-agg2", "fra1-r01-tor"])
        #expect(try Self.carriers(a, "ams1-app") == ["ams1-r01-tor"])
    }

    @Test("a VLAN defined only in another site never appears on an all switch, so an id reused there does not collide")
    func otherSiteVLANStaysAway() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              s1-tor: {rack: r1, vlans: [app]}
              s1-agg: {pod: p1, vlans: all}
              s2-tor: {rack: t1, vlans: [remote-app]}
              s2-agg: {pod: q1, vlans: all}
            links:
              - {between: [s1-tor, s1-agg]}
              - {between: [s2-tor, s2-agg]}
              - {between: [s1-agg, s2-agg], mode: routed}
            vlans:
              app: {id: 300}
              remote-app: {id: 300}
            """))
        #expect(try Self.carriers(a, "app") == ["s1-agg", "s1-tor"])
        #expect(try Self.carriers(a, "remote-app") == ["s2-agg", "s2-tor"])
        let app = try a.vlan("app"), remote = try a.vlan("remote-app")
        // No switch carries both: the two ids never meet.
        #expect(a.topology.switches.indices.allSatisfy { !(a.analysis.carries(switch: $0, vlan: app) && a.analysis.carries(switch: $0, vlan: remote)) })
    }

    @Test("the overlay joins VTEPs that carry a VLAN but does not make an all VTEP carry it")
    func overlayDoesNotPropagate() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              l1: {rack: r1, vlans: [ov], vtep: true}
              l2: {rack: r3, vlans: all, vtep: true}
              l3: {rack: t1, vlans: all, vtep: true}
            vlans:
              ov: {id: 10, vni: 10010}
            clusters:
              c: {vlans: [ov], hosts: {h3: {rack: t1, uplinks: [l3]}}}
            """))
        // l2 has nothing bringing ov; l3 has a host carrying it, so the overlay joins l1 and l3.
        #expect(try a.partition("ov") == [["l1", "l3"]])
        #expect(try !a.analysis.carries(switch: a.switchIndex("l2"), vlan: a.vlan("ov")))
    }

    @Test("a domain with no host and no gateway is a stub; a standby gateway or one host keeps it from being one")
    func stubs() throws {
        let a = try #require(CoreFixture.analyzed(Self.places + """
            switches:
              a: {rack: r1, vlans: [v, w]}
              b: {rack: r2, vlans: [v, w]}
              c: {rack: r3, vlans: [v, w]}
            vlans:
              v: {id: 10, gateway: {active: a, standby: [b]}}
              w: {id: 20}
            clusters:
              k: {vlans: [w], hosts: {h: {rack: r3, uplinks: [c]}}}
            """))
        // v: a holds the active gateway, b the standby, c nothing.
        #expect(try a.domains("v").map(\.isStub) == [false, false, true])
        // w: only c has a host.
        #expect(try a.domains("w").map(\.isStub) == [true, true, false])
    }

    @Test("thousands of VLANs and switches with all switches: work stays near-linear")
    func scale() throws {
        // 400 racks, each a ToR listing 10 of 4,000 VLANs, uplinked to one of 20 `all`
        // aggregation switches, which are chained to each other in a ring of `all` trunks.
        let racks = 400, aggs = 20, vlansPerRack = 10
        var yaml = "topology: big\nversion: 1\nsites: {s: }\npods: {p: {site: s}}\nracks: {\"r[0001:0400]\": {pod: p}}\nswitches:\n"
        for r in 1...racks {
            let list = (0..<vlansPerRack).map { "v\((r - 1) * vlansPerRack + $0)" }.joined(separator: ", ")
            yaml += String(format: "  r%04d-tor: {rack: r%04d, vlans: [%@]}\n", r, r, list)
        }
        yaml += "  \"agg[01:20]\": {pod: p, vlans: all}\nlinks:\n"
        for r in 1...racks { yaml += String(format: "  - {between: [r%04d-tor, agg%02d]}\n", r, (r - 1) % aggs + 1) }
        for g in 1...aggs { yaml += String(format: "  - {between: [agg%02d, agg%02d]}\n", g, g % aggs + 1) }
        yaml += "vlans:\n"
        for v in 0..<(racks * vlansPerRack) { yaml += "  v\(v): {id: \(v % 4000 + 1)}\n" }
        let topology = try #require(CoreFixture.topology(yaml))
        let start = Date()
        let analysis = Analysis(topology)
        let seconds = Date().timeIntervalSince(start)
        // Each VLAN: its ToR, then every aggregation switch through the ring.
        #expect(analysis.domains.count == racks * vlansPerRack)
        #expect(analysis.domains.allSatisfy { $0.switches.count == 1 + aggs })
        // VLANs × switches would be 4,000 × 420 = 1.7 million visits; this is 4,000 × 21 plus
        // the ring's links. A generous bound, on a shared debug build.
        #expect(seconds < 5, "analysis took \(seconds) s")
    }
}
