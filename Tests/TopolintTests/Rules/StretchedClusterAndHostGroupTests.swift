import Testing
import TopolintCore
import TopolintModel
import TopolintAnalysis
import TopolintRules
import TopolintConfig

/// TL305, stub domains in TL210, `vlans: all` in TL220, workload `hosts` (endpoints, TL600,
/// TL301) and the platform-family skip of TL301 and TL401, with the figures worked out by hand.
@Suite struct StretchedClusterAndHostGroupTests {
    /// One cluster with four hosts in each of two sites, `rtt` apart (nil: no site link).
    static func metro(platform: String = "vsphere-7.0", rtt: String? = "12", clusterExtra: String = "") -> String {
        """
        topology: metro
        version: 1
        sites: {fra1: {}, fra2: {}}
        site_links: [\(rtt.map { "{between: [fra1, fra2], rtt_ms: \($0)}" } ?? "")]
        racks: {fra1-r1: {site: fra1}, fra2-r1: {site: fra2}}
        switches: {fra1-tor: {rack: fra1-r1}, fra2-tor: {rack: fra2-r1}}
        clusters:
          metro:
            platform: \(platform)\(clusterExtra)
            hosts:
              "fra1-esx[1:4]": {rack: fra1-r1, uplinks: [fra1-tor]}
              "fra2-esx[1:4]": {rack: fra2-r1, uplinks: [fra2-tor]}
        """
    }

    // MARK: TL305

    @Test func stretchedClusterJustOverTheLimitIsHigh() throws {
        // vsphere-7.0: 10 ms. 12 ms: x = 1.2, 7.0 + 1.9·0.2 = 7.38 -> 7.4.
        let f = try #require(Linted(Self.metro(rtt: "12")).one("TL305"))
        #expect(f.score == 7.4)
        #expect(f.severity == .high)
        #expect(f.double("rtt_ms") == 12)
        #expect(f.double("limit_ms") == 10)
        #expect(f.strings("sites") == ["fra1", "fra2"])
        #expect(f.subject == Subject(kind: "cluster", name: "metro"))
    }

    @Test func stretchedClusterAtTwiceTheLimitIsCritical() throws {
        // hyperv-2022: 5 ms. 10 ms: x = 2, 9.0. 15 ms: x = 3, 9.0 + 1.0·0.5 = 9.5.
        let at2 = try #require(Linted(Self.metro(platform: "hyperv-2022", rtt: "10")).one("TL305"))
        #expect(at2.score == 9.0)
        #expect(at2.severity == .critical)
        let at3 = try #require(Linted(Self.metro(platform: "hyperv-2022", rtt: "15")).one("TL305"))
        #expect(at3.score == 9.5)
        // Exactly at the limit is not over it.
        #expect(Linted(Self.metro(platform: "hyperv-2022", rtt: "5")).of("TL305").isEmpty)
    }

    @Test func stretchedClusterWithUnknownRTTUsesTheAssumedFigure() throws {
        // No site link: assumed_rtt_ms 10. proxmox-8: 5 ms, x = 2 -> 9.0, critical.
        let f = try #require(Linted(Self.metro(platform: "proxmox-8", rtt: nil)).one("TL305"))
        #expect(f.contextValue("rtt_ms") == .null)
        #expect(f.message.contains("assumed 10 ms"))
        #expect(f.score == 9.0)
        // vsphere-7.0 (10 ms): the assumed 10 ms is not over it.
        #expect(Linted(Self.metro(rtt: nil)).of("TL305").isEmpty)
    }

    @Test func clusterOverridesThePlatformFigure() throws {
        // Its own 8 ms: 12 ms gives x = 1.5, 7.0 + 1.9·0.5 = 7.95 -> 8.0 (rounded to one decimal).
        let f = try #require(Linted(Self.metro(rtt: "12", clusterExtra: "\n    max_stretched_rtt_ms: 8")).one("TL305"))
        #expect(f.double("limit_ms") == 8)
        #expect(f.message.contains("its own max_stretched_rtt_ms"))
        #expect(abs(f.score - 7.95) < 0.051)
        // A platform without a figure (generic, openstack) is never judged.
        #expect(Linted(Self.metro(platform: "generic", rtt: "100")).of("TL305").isEmpty)
        #expect(Linted(Self.metro(platform: "openstack", rtt: "100")).of("TL305").isEmpty)
    }

    @Test func everyShippedPlatformHasItsStretchedFigure() throws {
        let pack = PackLoader.defaultPack
        let figures = pack.platforms.mapValues(\.maxStretchedRTTms)
        #expect(figures["vsphere-4.1"] == 5)
        for name in ["vsphere-5.5", "vsphere-6.7", "vsphere-7.0", "vsphere-8.0"] { #expect(figures[name] == 10, "\(name)") }
        for name in ["hyperv-2019", "hyperv-2022", "proxmox-8"] { #expect(figures[name] == 5, "\(name)") }
        #expect(figures["openstack"]! == nil && figures["generic"]! == nil)
        let legacy = try #require(PackLoader.pack(named: "legacy-vsphere").0)
        #expect(legacy.platforms["vsphere-5.5"]?.maxStretchedRTTms == 5)
    }

    // MARK: TL210 and TL220 under the revised `all`

    /// An HSRP pair with `vlans: all` in site a, a VLAN of site b alone, ids reused.
    static let twoSitesWithAll = """
    topology: review
    version: 1
    sites: {a: {}, b: {}}
    site_links: [{between: [a, b], rtt_ms: 12}]
    racks: {a-r1: {site: a}, b-r1: {site: b}}
    switches:
      a-tor: {rack: a-r1, vlans: [web]}
      "a-agg[1:2]": {site: a, role: aggregation, vlans: all}
      b-leaf: {rack: b-r1, vlans: [b-app]}
      b-spare: {rack: b-r1, vlans: [b-app]}
    links:
      - {between: [a-tor, "a-agg[1:2]"]}
      - {between: [a-agg1, a-agg2]}
    vlans:
      web: {id: 100, subnet: 10.1.0.0/24, gateway: {active: a-agg1, standby: [a-agg2]}}
      b-app: {id: 100, subnet: 10.2.0.0/24, gateway: b-leaf}
    clusters:
      a-prod: {vlans: [web], hosts: {"a-esx[1:2]": {rack: a-r1, uplinks: [a-tor]}}}
      b-prod: {vlans: [b-app], hosts: {"b-esx[1:2]": {rack: b-r1, uplinks: [b-leaf]}}}
    """

    @Test func aVLANOfAnotherSiteNeitherPartitionsNorCollidesOnAnAllPair() throws {
        let linted = Linted(Self.twoSitesWithAll)
        #expect(linted.diagnostics.isEmpty)
        // b-spare carries b-app alone, unlinked: a stub, not a partition.
        #expect(linted.of("TL210").isEmpty)
        // The aggregation pair carries web only: web and b-app (both id 100) never meet.
        #expect(linted.of("TL220").isEmpty)
        // The gateways say `all`: being a gateway of web brings web to them (no TL403).
        #expect(linted.of("TL403").isEmpty)
    }

    @Test func twoVLANsWithOneIDThatBothReachAnAllSwitchMeetThere() throws {
        // The same site: a-tor brings web to the pair, a second ToR brings b-app: both meet
        // on a-agg1 and a-agg2 (trunks allow all), 2 switches: 7.0 + 1.9·(1/8) = 7.24 -> 7.2.
        let yaml = Self.twoSitesWithAll.replacing("b-spare: {rack: b-r1, vlans: [b-app]}",
                                                  with: "b-spare: {rack: b-r1, vlans: [b-app]}\n  a-tor2: {rack: a-r1, vlans: [b-app]}")
            .replacing("  - {between: [a-agg1, a-agg2]}", with: "  - {between: [a-agg1, a-agg2]}\n  - {between: [a-tor2, a-agg1]}")
        let f = try #require(Linted(yaml).one("TL220"))
        #expect(f.subject.name == "web")
        #expect(f.string("other") == "b-app")
        #expect(f.int("switches") == 2)
        #expect(f.score == 7.2)
    }

    @Test func partitionCountsOnlyDomainsWithAHostOrAGateway() throws {
        // Give b-spare a host: now two domains of b-app hold something.
        let yaml = Self.twoSitesWithAll.replacing("hosts: {\"b-esx[1:2]\": {rack: b-r1, uplinks: [b-leaf]}}",
                                                  with: "hosts: {\"b-esx[1:2]\": {rack: b-r1, uplinks: [b-leaf]}, b-esx9: {rack: b-r1, uplinks: [b-spare]}}")
        let f = try #require(Linted(yaml).one("TL210"))
        #expect(f.int("domains") == 2)
        #expect(f.score == 7.0)   // no workload: high, 7.0 + 1.9·0
    }

    // MARK: workload hosts

    /// One cluster of four hosts; pci only on esx3 and esx4.
    static func pinned(hosts: String?, count: Int = 8) -> String {
        """
        topology: pinned
        version: 1
        sites: {dc1: {}}
        racks: {r1: {site: dc1}, r2: {site: dc1}}
        switches:
          tor1: {rack: r1, vlans: [web, pci]}
          tor2: {rack: r2, vlans: [web, pci]}
        vlans:
          web: {id: 100, subnet: 10.1.0.0/24, gateway: tor1}
          pci: {id: 200, subnet: 10.2.0.0/24, gateway: tor2}
        clusters:
          c:
            vlans: [web]
            hosts:
              "esx[1:2]": {rack: r1, uplinks: [tor1]}
              "esx[3:4]": {rack: r2, uplinks: [tor2], vlans: [pci]}
        workloads:
          cards: {cluster: c, vlans: [pci], count: \(count)\(hosts.map { ", hosts: \($0)" } ?? "")}
        """
    }

    @Test func pinnedWorkloadIsCheckedOnlyOnItsHosts() throws {
        // Unpinned: esx1, esx2 lack pci: 2 of 4, 7.0 + 1.9·0.5 = 7.95.
        let unpinned = try #require(Linted(Self.pinned(hosts: nil)).one("TL600"))
        #expect(unpinned.int("hosts_missing") == 2)
        // Pinned to esx3, esx4, which carry pci: nothing to report.
        #expect(Linted(Self.pinned(hosts: "[esx3, esx4]")).of("TL600").isEmpty)
        // Pinned to esx2 and esx3: one of two lacks it, 7.0 + 1.9·0.5 -> 8.0 (7.95).
        let half = try #require(Linted(Self.pinned(hosts: "[esx2, esx3]")).one("TL600"))
        #expect(half.int("hosts_missing") == 1)
        #expect(half.int("hosts") == 2)
        #expect(half.message.contains("may run on"))
    }

    @Test func pinnedWorkloadSharesItsEndpointsOverItsHostsOnly() throws {
        // pci's domain holds tor2 only (tor1 is not linked to it): 12 VMs over esx3, esx4.
        let t = try #require(Self.load(Self.pinned(hosts: "[esx3, esx4]", count: 12)))
        let a = Analysis(t)
        let pci = try #require(t.vlanIndex(named: "pci"))
        let domains = Array(a.domains(ofVLAN: pci))
        #expect(domains.map { $0.switches.map { t.switches[Int($0)].name } } == [["tor1"], ["tor2"]])
        #expect(domains.map(\.endpoints) == [0, 12])
        // Pinned to esx1 (no pci) and esx3: n = 1 (only esx3 carries pci), k = 1 in tor2's domain.
        let t2 = try #require(Self.load(Self.pinned(hosts: "[esx1, esx3]", count: 12)))
        #expect(Analysis(t2).domains(ofVLAN: pci).map(\.endpoints) == [0, 12])
    }

    @Test func workloadHostsMustBeOfItsCluster() throws {
        let moved = Self.pinned(hosts: "[esx3, other1]")
            .replacing("\nworkloads:", with: "\n  other: {hosts: {other1: {rack: r1, uplinks: [tor1]}}}\nworkloads:")
        let linted = Linted(moved)
        let d = try #require(linted.diagnostics.first { $0.message.contains("other1") })
        #expect(d.code == .schema)
        #expect(d.message.contains("is in cluster 'other'"))
        #expect(linted.diagnostics.count == 1)
    }

    @Test func pinnedPCIWorkloadGetsNoContradictingFixes() throws {
        // PCI hosts carry only pci; the others only web. Each workload pinned to its hosts.
        let yaml = """
            topology: pci
            version: 1
            sites: {dc1: {}}
            racks: {r1: {site: dc1}}
            switches: {tor1: {rack: r1, vlans: [web, pci]}}
            zones: {dmz: {}, cardholder: {shared_hosts: false}}
            vlans: {web: {id: 100, zone: dmz}, pci: {id: 200, zone: cardholder}}
            clusters:
              shared:
                hosts:
                  "esx[1:2]": {rack: r1, uplinks: [tor1], vlans: [web]}
                  "pci[1:2]": {rack: r1, uplinks: [tor1], vlans: [pci]}
            workloads:
              shop: {cluster: shared, vlans: [web], count: 10, hosts: ["esx[1:2]"]}
              cards: {cluster: shared, vlans: [pci], count: 4, hosts: ["pci[1:2]"]}
            """
        let pinned = Linted(yaml)
        #expect(pinned.diagnostics.isEmpty)
        #expect(pinned.of("TL500").isEmpty)
        #expect(pinned.of("TL600").isEmpty)
        // Unpinned, TL600 asks to put pci on the web hosts, which TL500 forbids.
        let unpinned = Linted(yaml.replacing(", hosts: [\"esx[1:2]\"]", with: "").replacing(", hosts: [\"pci[1:2]\"]", with: ""))
        #expect(unpinned.of("TL600").map { $0.string("vlan") ?? "" }.sorted() == ["pci", "web"])
        #expect(unpinned.of("TL500").isEmpty)
        // Each domain shares the pinned workload over its own two hosts only.
        let t = try #require(Self.load(yaml))
        let a = Analysis(t)
        #expect(a.domains(ofVLAN: try #require(t.vlanIndex(named: "pci"))).map(\.endpoints) == [4])
        #expect(a.domains(ofVLAN: try #require(t.vlanIndex(named: "web"))).map(\.endpoints) == [10])
    }

    static func load(_ yaml: String) -> Topology? {
        let pack = PackLoader.defaultPack
        return TopologyLoader.load(bytes: Array(yaml.utf8), file: "t.yaml",
                                   options: LoadOptions(platforms: Array(pack.platforms.keys), ruleNames: RuleRegistry.acceptedNames)).topology
    }

    // MARK: TL301 with hosts, and the family skip

    /// Two clusters in one site; `web` reaches only tor1 and tor2; tor3 carries a separate web.
    static func moves(pinned: String?, targetPlatform: String = "vsphere-7.0") -> String {
        """
        topology: moves
        version: 1
        sites: {dc1: {}, dc2: {}}
        site_links: [{between: [dc1, dc2], rtt_ms: 2}]
        racks: {r1: {site: dc1}, r2: {site: dc1}, r3: {site: dc2}}
        switches:
          tor1: {rack: r1, vlans: [web]}
          tor2: {rack: r2, vlans: [web]}
          tor3: {rack: r3, vlans: [web]}
        links: [{between: [tor1, tor2]}]
        vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: tor1}}
        clusters:
          src:
            platform: vsphere-7.0
            vlans: [web]
            hosts:
              s1: {rack: r1, uplinks: [tor1]}
              s3: {rack: r3, uplinks: [tor3]}
          dst: {platform: \(targetPlatform), vlans: [web], hosts: {"d[1:2]": {rack: r2, uplinks: [tor2]}}}
        workloads:
          app: {cluster: src, vlans: [web], count: 10\(pinned.map { ", hosts: \($0)" } ?? "")}
        migration_domains: {m: {clusters: [src, dst]}}
        """
    }

    @Test func migrationVLANMissingComparesWithTheWorkloadsOwnHosts() throws {
        // Unpinned: own domains are tor1-tor2 and tor3; d1, d2 join tor1-tor2: nothing missing.
        #expect(Linted(Self.moves(pinned: nil)).of("TL301").isEmpty)
        // Pinned to s3 (tor3's island): no host of dst joins that domain: critical 9.5.
        let f = try #require(Linted(Self.moves(pinned: "[s3]")).one("TL301"))
        #expect(f.score == 9.5)
        #expect(f.int("hosts_missing") == 2)
        #expect(f.string("cluster") == "dst")
    }

    @Test func partlyMissingSaysWhichHostsDoNotJoin() throws {
        // Pinned to s1 (the tor1-tor2 domain); d2 moves to tor3's island: 1 of 2 hosts misses it.
        let text = Self.moves(pinned: "[s1]").replacing(#"hosts: {"d[1:2]": {rack: r2, uplinks: [tor2]}}"#,
                                                         with: "hosts: {d1: {rack: r2, uplinks: [tor2]}, d2: {rack: r3, uplinks: [tor3]}}")
        let f = try #require(Linted(text).one("TL301"))
        #expect(f.int("hosts_missing") == 1)
        #expect(f.message.contains("but 1 of its 2 hosts (d2) does not join the broadcast domain of VLAN web (100)"), "\(f.message)")
        #expect(f.severity == .high)
    }

    @Test func movesToAnotherPlatformFamilyAreNotJudgedAsMigrations() throws {
        let mixed = Linted(Self.moves(pinned: "[s3]", targetPlatform: "hyperv-2022"))
        // TL304 says the domain mixes families; TL301 and TL401 do not judge a move that cannot happen.
        #expect(mixed.one("TL304") != nil)
        #expect(mixed.of("TL301").isEmpty)
        #expect(mixed.of("TL401").isEmpty)
        // Generic has no family: it is still judged.
        #expect(Linted(Self.moves(pinned: "[s3]", targetPlatform: "generic")).one("TL301") != nil)
    }

    @Test func migrationTromboneSkipsAnotherFamily() throws {
        // dr-b in ams1 reaches its gateway in fra1: TL401 for vsphere, none for hyperv.
        let domain = "migration_domains: {metro: {clusters: [prod-a, dr-b]}}"
        #expect(Linted(Fixture.twoSites(extra: domain)).one("TL401") != nil)
        #expect(Linted(Fixture.twoSites(platformB: "hyperv-2022", extra: domain)).of("TL401").isEmpty)
    }
}
