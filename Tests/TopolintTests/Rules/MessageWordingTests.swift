import Testing
import TopolintCore

/// Messages say what the design has, in its numbers: one host carries, two zones read as
/// two, a round trip that is known for only some pairs says so, and a domain that names its
/// workloads lets only those move.
@Suite struct MessageWordingTests {
    @Test func zoneSharingSaysOneHostAndTwoZonesAsSuch() throws {
        let yaml = """
            topology: z
            version: 1
            sites: {s: {}}
            racks: {r1: {site: s}}
            switches: {tor1: {rack: r1, vlans: [web, pci]}}
            zones: {dmz: {}, cardholder: {shared_hosts: false}}
            vlans: {web: {id: 100, zone: dmz}, pci: {id: 200, zone: cardholder}}
            clusters:
              c: {vlans: [web], hosts: {esx1: {rack: r1, uplinks: [tor1]}, esx2: {rack: r1, uplinks: [tor1], vlans: [pci]}}}
            """
        let f = try #require(Linted(yaml).one("TL500"))
        #expect(f.message == "1 host of cluster c (esx2) carries VLANs of zones cardholder and dmz; cardholder must not share hosts")
    }

    @Test func aStretchWithSomeUnknownRoundTripsSaysSo() throws {
        // hq–robo1 is 12 ms; robo2 has no site link: its round trips count as the assumed
        // 10 ms, so the worst figure is the known 12 ms, said as known only where it is.
        let yaml = """
            topology: robo
            version: 1
            sites: {hq: {}, robo1: {}, robo2: {}}
            site_links: [{between: [hq, robo1], rtt_ms: 12}]
            racks: {r-hq: {site: hq}, r-1: {site: robo1}, r-2: {site: robo2}}
            switches: {a: {rack: r-hq, vlans: [v]}, b: {rack: r-1, vlans: [v]}, c: {rack: r-2, vlans: [v]}}
            links: [{between: [a, b]}, {between: [a, c]}]
            vlans: {v: {id: 10}}
            """
        let f = try #require(Linted(yaml).one("TL200"))
        #expect(f.message.contains("is bridged across 3 sites (hq, robo1, robo2), 12 ms apart where known (no site_links path joins some of them): "), "\(f.message)")
        // All known: no such words.
        let known = yaml.replacing("site_links: [{between: [hq, robo1], rtt_ms: 12}]",
                                   with: "site_links: [{between: [hq, robo1], rtt_ms: 12}, {between: [hq, robo2], rtt_ms: 3}]")
        let g = try #require(Linted(known).one("TL200"))
        #expect(g.message.contains("15 ms apart: "), "\(g.message)")   // robo1 to robo2 through hq
        #expect(!g.message.contains("where known"))
    }

    @Test func aTromboneSaysItsShareOfTheVLANWhereOtherWorkloadsShareIt() throws {
        // shop (40) runs beside the gateway in fra1; dr-app (40) in ams1 trombones: half of
        // the VLAN's 80 endpoints, the share the score weighs.
        let shared = Fixture.twoSites().replacing("workloads: {shop: {cluster: prod-a, vlans: [web], count: 40}}",
                                                  with: "workloads: {shop: {cluster: prod-a, vlans: [web], count: 40}, dr-app: {cluster: dr-b, vlans: [web], count: 40}}")
        let f = try #require(Linted(shared).one("TL400"))
        #expect(f.message.hasSuffix("reach their nearest gateway fra1-tor in site fra1, 8 ms away (50% of the VLAN's 80 endpoints)"), "\(f.message)")
        #expect(f.double("share") == 0.5)
        // Alone on the VLAN, its own figures are the share: nothing added.
        let alone = try #require(Linted(Fixture.twoSites(workloadCluster: "dr-b")).one("TL400"))
        #expect(alone.message.hasSuffix("8 ms away"), "\(alone.message)")
    }

    /// A stretched VXLAN segment with an anycast gateway already has the overlay and the
    /// distributed gateway the usual fix recommends: its fix says what is left to do.
    @Test func anOverlayStretchGetsTheFixThatFitsIt() throws {
        let evpn = """
            topology: evpn2
            version: 1
            sites: {a: {}, b: {}}
            site_links: [{between: [a, b], rtt_ms: 2}]
            racks: {ra: {site: a}, rb: {site: b}}
            switches:
              la: {rack: ra, role: leaf, vtep: true, vlans: [web]}
              lb: {rack: rb, role: leaf, vtep: true, vlans: [web]}
            vlans: {web: {id: 100, vni: 10100, subnet: 10.1.0.0/24, gateway: {anycast: [la, lb]}}}
            """
        let f = try #require(Linted(evpn).one("TL200"))
        #expect(f.fix.hasPrefix("the VXLAN overlay and its anycast gateway already keep routing local"), "\(f.fix)")
        let plain = try #require(Linted(Fixture.twoSites()).one("TL200"))
        #expect(plain.fix.contains("use an overlay with a distributed gateway"), "\(plain.fix)")
    }

    @Test func aDomainThatNamesItsWorkloadsSaysWhichMove() throws {
        let restricted = Fixture.twoSites(extra: "migration_domains: {metro: {clusters: [prod-a, dr-b], workloads: [shop]}}")
            .replacing("workloads: {shop: {cluster: prod-a, vlans: [web], count: 40}}",
                       with: "workloads: {shop: {cluster: prod-a, vlans: [web], count: 40}, batch: {cluster: prod-a, vlans: [web], count: 4}}")
        let f = try #require(Linted(restricted).one("TL300"))
        #expect(f.message.hasPrefix("migration domain metro lets workload shop move between 2 clusters (dr-b, prod-a)"), "\(f.message)")
        let all = try #require(Linted(Fixture.twoSites(extra: "migration_domains: {metro: {clusters: [prod-a, dr-b]}}")).one("TL300"))
        #expect(all.message.hasPrefix("migration domain metro lets VMs move between 2 clusters"), "\(all.message)")
    }
}
