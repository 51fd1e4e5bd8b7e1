import Testing
import TopolintCore
import TopolintRules
import TopolintConfig

/// Gateway rules on the cases where the plain reading of a design is easy to get wrong:
/// ends placed by site alone, a gateway that carries nothing, a host in two domains.
@Suite struct GatewayWordingTests {
    /// Racks placed by site alone are in no pod, so a gateway there is never "in another
    /// pod", even with `trombone_scope: pod`.
    @Test func noPodIsNeverAnotherPod() {
        let yaml = """
            topology: podnone
            version: 1
            sites: {dc1: {}}
            racks: {"r[1:2]": {site: dc1}}
            switches:
              "tor[1:2]": {rack: "r{1}", vlans: [web]}
            links: [{between: [tor1, tor2]}]
            vlans: {web: {id: 100, subnet: 10.0.0.0/24, gateway: tor1}}
            clusters:
              c: {vlans: [web], hosts: {h2: {rack: r2, uplinks: [tor2]}}}
            workloads:
              w: {cluster: c, vlans: [web], count: 10}
            """
        var pod = PackLoader.defaultPack
        pod.tromboneScope = .pod
        #expect(Linted(yaml, pack: pod).of("TL400").isEmpty)
        // With the racks in two pods of the site, the same gateway is in another pod.
        let pods = yaml.replacing("racks: {\"r[1:2]\": {site: dc1}}", with: "pods: {\"p[1:2]\": {site: dc1}}\nracks: {\"r[1:2]\": {pod: \"p{1}\"}}")
        let f = Linted(pods, pack: pod).one("TL400")
        #expect(f?.message.hasSuffix("reach their nearest gateway tor1 in another pod (pod p1)") == true, "\(f?.message ?? "none")")
    }

    /// TL402 says why, as the design has it: a gateway that carries no segment of the VLAN
    /// is not "in another broadcast domain"; a standby in the hosts' domain does not forward.
    @Test func noGatewaySaysWhyTruthfully() throws {
        let yaml = """
            topology: nogw
            version: 1
            sites: {dc1: {}}
            pods: {p1: {site: dc1}}
            racks: {"r[1:2]": {pod: p1}}
            switches:
              "tor[1:2]": {rack: "r{1}", vlans: [web, db, app, mix]}
              core: {pod: p1, vlans: [app]}
              core2: {pod: p1, vlans: [mix]}
            links: [{between: [tor1, tor2]}]
            vlans:
              web: {id: 100, subnet: 10.1.0.0/24, gateway: core}
              db: {id: 200, subnet: 10.2.0.0/24, gateway: {active: core, standby: [tor1]}}
              app: {id: 300, subnet: 10.3.0.0/24, gateway: core}
              mix: {id: 400, subnet: 10.4.0.0/24, gateway: {active: core, standby: [core2]}}
            clusters:
              a: {vlans: [web, db, app, mix], hosts: {"a-esx[1:4]": {rack: r1, uplinks: [tor1]}}}
            workloads: {shop: {cluster: a, vlans: [web, db, app, mix], count: 40}}
            """
        let found = Linted(yaml).of("TL402")
        func message(_ vlan: String) -> String { found.first { $0.string("vlan") == vlan }?.message ?? "none" }
        #expect(message("web").hasSuffix("have no gateway: its gateway core does not carry the VLAN (4 of 4 hosts)"), "\(message("web"))")
        #expect(message("db").hasSuffix("its active gateway core does not carry the VLAN (standby tor1, in their broadcast domain, does not forward) (4 of 4 hosts)"), "\(message("db"))")
        // core2 stands by in a segment of its own, not the hosts': nothing to say of it.
        #expect(message("mix").hasSuffix("its active gateway core does not carry the VLAN (4 of 4 hosts)"), "\(message("mix"))")
        // core carries app, in a segment of its own (no link joins it to the ToRs).
        #expect(message("app").hasSuffix("its gateway core is in another broadcast domain (4 of 4 hosts)"), "\(message("app"))")
        #expect(found.allSatisfy { $0.score == 8.9 })
    }

    /// The share of TL400 counts each VM of the VLAN once: a host whose uplinks reach two
    /// domains of the VLAN is in both domains' endpoints, not twice in the VLAN's.
    @Test func tromboneShareCountsEachEndpointOnce() throws {
        let yaml = """
            topology: dbl
            version: 1
            sites: {a: {}, b: {}}
            site_links: [{between: [a, b], rtt_ms: 4}]
            pods: {pa: {site: a}, pb: {site: b}}
            racks: {ra: {pod: pa}, rb: {pod: pb}}
            switches:
              "tora[1:2]": {rack: ra, vlans: [web]}
              "torb[1:2]": {rack: rb, vlans: [web]}
            links: [{between: ["tora[1:2]", "torb{1}"]}]
            vlans:
              web: {id: 100, subnet: 10.1.0.0/24, gateway: {anycast: ["tora[1:2]"]}}
            clusters:
              cb: {vlans: [web], hosts: {h1: {rack: rb, uplinks: [torb1, torb2]}}}
            workloads:
              w1: {cluster: cb, vlans: [web], count: 10}
            """
        let f = try #require(Linted(yaml).one("TL400"))
        #expect(f.int("endpoints") == 10)
        #expect(f.double("share") == 1)
        #expect(f.score == 8.3)   // 7 + 1.9·(0.5·1 + 0.5·(4 − 1)/(10 − 1)) = 8.27
    }
}
