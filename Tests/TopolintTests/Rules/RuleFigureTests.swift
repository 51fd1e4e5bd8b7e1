import Testing
import TopolintCore
import TopolintRules
import TopolintConfig

/// Each rule on topologies built for it: the subject, the context figures and the score.
@Suite struct RuleFigureTests {
    @Test func oversizedDomainScalesWithTheWorstRatio() throws {
        let base = OversizedBroadcastDomainRule().descriptor.failingExample
        let f = try #require(Linted(base).one("TL100"))
        #expect(f.subject == Subject(kind: "vlan", name: "web"))
        #expect(f.int("endpoints") == 1500)
        #expect(f.int("switches") == 1)
        #expect(f.string("switch") == "tor1")
        #expect(f.score == 5.8)   // 4.0 + 3.0·log2(1.5)
        #expect(try #require(Linted(base.replacing("count: 1500", with: "count: 2000")).one("TL100")).score == 7.0)
        #expect(try #require(Linted(base.replacing("count: 1500", with: "count: 4000")).one("TL100")).severity == .critical)
        #expect(Linted(base.replacing("count: 1500", with: "count: 1000")).of("TL100").isEmpty)
    }

    /// A fractional count just past the limit never reads "1000 endpoints (limit 1000)".
    @Test func endpointsJustPastTheLimitShowTheExcess() {
        #expect(OversizedBroadcastDomainRule.endpointsOver(1500, limit: 1000) == "1500")
        #expect(OversizedBroadcastDomainRule.endpointsOver(1000.5, limit: 1000) == "1001")
        #expect(OversizedBroadcastDomainRule.endpointsOver(1000 + 1.0 / 3, limit: 1000) == "1000.3")
        #expect(OversizedBroadcastDomainRule.endpointsOver(1000.04, limit: 1000) == "1000.04")
        #expect(OversizedBroadcastDomainRule.endpointsOver(1000.0001, limit: 1000) == "just over 1000")
    }

    @Test func stretchedAcrossSitesReportsSitesPodsAndRTT() throws {
        let f = try #require(Linted(Fixture.twoSites()).one("TL200"))
        #expect(f.subject == Subject(kind: "vlan", name: "web"))
        #expect(f.string("scope") == "multi-site")
        #expect(f.strings("sites") == ["ams1", "fra1"])
        #expect(f.int("pods") == 2)
        #expect(f.double("max_rtt_ms") == 8)
        #expect(f.string("switch") == "ams1-tor")
        #expect(f.score == 8.5)   // 7.0 + 1.9·(8/10)
        #expect(f.severity == .high)
        let far = try #require(Linted(Fixture.twoSites(rtt: "12")).one("TL200"))
        #expect(far.severity == .critical)
    }

    @Test func stretchedWithUnknownRTTUsesTheAssumedFigure() throws {
        let f = try #require(Linted(Fixture.twoSites(siteLinks: false)).one("TL200"))
        #expect(f.contextValue("max_rtt_ms") == .null)
        #expect(f.message.contains("assumed 10 ms"))
        #expect(f.severity == .critical)   // assumed 10 ms = critical_rtt_ms
    }

    @Test func stretchedAcrossPodsIsMedium() throws {
        let f = try #require(Linted(Fixture.twoPods).one("TL200"))
        #expect(f.string("scope") == "site")
        #expect(f.int("pods") == 2)
        #expect(f.contextValue("max_rtt_ms") == .null)
        #expect(f.score == 4.4)   // 4.0 + 2.9·(1/8)
    }

    @Test func partitionedVLANCountsItsDomains() throws {
        let d = PartitionedVLANRule().descriptor
        let f = try #require(Linted(d.failingExample).one("TL210"))
        #expect(f.int("domains") == 2)
        #expect(f.severity == .high)
        #expect(f.int("domains_with_endpoints") == 0)
        // With endpoints on both sides and a subnet it is critical.
        let withHosts = d.failingExample.replacing("hosts: {esx1: {rack: r2, uplinks: [tor2]}}",
                                                   with: "hosts: {h1: {rack: r1, uplinks: [tor1]}, h2: {rack: r2, uplinks: [tor2]}}") + """

        workloads: {w: {cluster: c1, vlans: [app], count: 10}}
        """
        let critical = try #require(Linted(withHosts).one("TL210"))
        #expect(critical.severity == .critical)
        #expect(critical.int("domains_with_endpoints") == 2)
    }

    @Test func idCollisionNamesTheOtherVLAN() throws {
        let f = try #require(Linted(VLANIDCollisionRule().descriptor.failingExample).one("TL220"))
        #expect(f.subject.name == "green")
        #expect(f.string("other") == "blue")
        #expect(f.int("id") == 100)
        #expect(f.int("switches") == 1)
        #expect(f.severity == .high)
    }

    @Test func crossClusterMigrationScopes() throws {
        let across = try #require(Linted(Fixture.twoSites(extra: "migration_domains: {metro: {clusters: [prod-a, dr-b]}}")).one("TL300"))
        #expect(across.string("scope") == "multi-site")
        #expect(across.strings("clusters") == ["dr-b", "prod-a"])
        #expect(across.severity == .high)
        let inPod = try #require(Linted(Fixture.onePod(extra: "migration_domains: {local: {clusters: [a, b]}}")).one("TL300"))
        #expect(inPod.string("scope") == "pod")
        #expect(inPod.severity == .low)
    }

    @Test func migrationToAClusterOffTheSegmentIsCritical() throws {
        let text = Fixture.twoSites(extra: "migration_domains: {metro: {clusters: [prod-a, dr-b]}}")
            .replacing("links: [{between: [fra1-tor, ams1-tor]}]", with: "links: []")
        let f = try #require(Linted(text).one("TL301"))
        #expect(f.subject == Subject(kind: "workload", name: "shop"))
        #expect(f.string("cluster") == "dr-b")
        #expect(f.string("vlan") == "web")
        #expect(f.score == 9.5)
    }

    @Test func migrationRTTAgainstThePlatformLimit() throws {
        let f = try #require(Linted(Fixture.twoSites(extra: "migration_domains: {metro: {clusters: [prod-a, dr-b]}}")).one("TL302"))
        #expect(f.double("rtt_ms") == 8)
        #expect(f.double("limit_ms") == 5)
        #expect(f.strings("sites") == ["ams1", "fra1"])
        #expect(f.score == 8.1)   // 7.0 + 1.9·(8/5 − 1)
        let far = try #require(Linted(Fixture.twoSites(rtt: "12", extra: "migration_domains: {metro: {clusters: [prod-a, dr-b]}}")).one("TL302"))
        #expect(far.severity == .critical)
        #expect(Linted(Fixture.twoSites(rtt: "4", extra: "migration_domains: {metro: {clusters: [prod-a, dr-b]}}")).of("TL302").isEmpty)
        // Proxmox's 5 ms is corosync's, within one cluster (TL305's figure): a move between two
        // clusters 8 ms apart has no limit to exceed.
        let proxmox = Fixture.twoSites(platformB: "proxmox-8", extra: "migration_domains: {metro: {clusters: [prod-a, dr-b]}}")
            .replacing("prod-a: {platform: vsphere-4.1", with: "prod-a: {platform: proxmox-8")
        #expect(Linted(proxmox).of("TL302").isEmpty)
        #expect(Linted(proxmox).of("TL300").count == 1)
    }

    @Test func clusterSizeLimit() throws {
        let f = try #require(Linted(ClusterSizeLimitRule().descriptor.failingExample).one("TL303"))
        #expect(f.int("hosts") == 36)
        #expect(f.int("limit") == 32)
        #expect(f.score == 7.2)
        let own = ClusterSizeLimitRule().descriptor.passingExample.replacing("platform: vsphere-4.1,", with: "platform: vsphere-4.1, max_hosts: 16,")
        #expect(try #require(Linted(own).one("TL303")).int("limit") == 16)
    }

    @Test func platformMismatchListsPlatforms() throws {
        let f = try #require(Linted(Fixture.twoSites(platformB: "hyperv-2022", extra: "migration_domains: {metro: {clusters: [prod-a, dr-b]}}")).one("TL304"))
        #expect(f.strings("platforms") == ["hyperv-2022", "vsphere-4.1"])
        #expect(f.severity == .high)
    }

    @Test func tromboneMeasuresRTTAndEndpoints() throws {
        let f = try #require(Linted(Fixture.twoSites(workloadCluster: "dr-b")).one("TL400"))
        #expect(f.subject == Subject(kind: "workload", name: "shop"))
        #expect(f.string("vlan") == "web")
        #expect(f.string("gateway") == "fra1-tor")
        #expect(f.double("rtt_ms") == 8)
        #expect(f.int("endpoints") == 40)
        #expect(f.score == 8.7)
        // An anycast gateway in both sites removes it; so does a workload in the gateway's site.
        #expect(Linted(Fixture.twoSites(gateway: "{anycast: [fra1-tor, ams1-tor]}", workloadCluster: "dr-b")).of("TL400").isEmpty)
        #expect(Linted(Fixture.twoSites()).of("TL400").isEmpty)
        let unknown = try #require(Linted(Fixture.twoSites(workloadCluster: "dr-b", siteLinks: false)).one("TL400"))
        #expect(unknown.contextValue("rtt_ms") == .null)
        #expect(unknown.severity == .critical)
    }

    @Test func aGatewayInAnotherSiteIsSaidSoHoweverShortTheRoundTrip() throws {
        let metro = try #require(Linted(Fixture.twoSites(rtt: "0.4", workloadCluster: "dr-b")).one("TL400"))
        #expect(metro.double("rtt_ms") == 0.4)
        #expect(metro.message.hasSuffix("reach their nearest gateway fra1-tor in site fra1, 0.4 ms away"), "\(metro.message)")
    }

    @Test func migrationTromboneAfterAMove() throws {
        let f = try #require(Linted(Fixture.twoSites(extra: "migration_domains: {metro: {clusters: [prod-a, dr-b]}}")).one("TL401"))
        #expect(f.subject == Subject(kind: "migration_domain", name: "metro"))
        #expect(f.string("vlan") == "web")
        #expect(f.string("workload") == "shop")
        #expect(f.string("cluster") == "dr-b")
        #expect(f.score == 6.3)
    }

    @Test func noGatewayCountsEndpoints() throws {
        let f = try #require(Linted(Fixture.onePod().replacing(", gateway: tor1}", with: "}")).one("TL402"))
        #expect(f.string("vlan") == "web")
        #expect(f.int("endpoints") == 40)
        #expect(f.severity == .high)
    }

    @Test func gatewayVLANMissingPerSwitch() throws {
        let f = try #require(Linted(GatewayVLANMissingRule().descriptor.failingExample).one("TL403"))
        #expect(f.string("switch") == "spine")
        #expect(f.score == 7.5)
    }

    @Test func zoneSharedHost() throws {
        let f = try #require(Linted(ZoneSharedHostRule().descriptor.failingExample).one("TL500"))
        #expect(f.subject == Subject(kind: "cluster", name: "shared"))
        #expect(f.strings("zones") == ["cardholder", "dmz"])
        #expect(f.int("hosts") == 4)
    }

    @Test func workloadVLANMissing() throws {
        let none = try #require(Linted(Fixture.onePod().replacing("a: {platform: vsphere-7.0, vlans: [web]", with: "a: {platform: vsphere-7.0, vlans: []")).one("TL600"))
        #expect(none.int("hosts_missing") == 4)
        #expect(none.score == 9.5)
        let some = Fixture.onePod().replacing("a: {platform: vsphere-7.0, vlans: [web], hosts: {\"a-esx[1:4]\": {rack: r1, uplinks: [tor1]}}}",
            with: "a: {platform: vsphere-7.0, hosts: {\"a-esx[1:3]\": {rack: r1, uplinks: [tor1], vlans: [web]}, a-esx4: {rack: r1, uplinks: [tor1]}}}")
        let partial = try #require(Linted(some).one("TL600"))
        #expect(partial.int("hosts_missing") == 1)
        #expect(partial.severity == .high)
    }

    @Test func hostVLANUnreachableNamesHosts() throws {
        let text = Fixture.onePod().replacing("\"tor[1:2]\": {rack: \"r{1}\", vlans: [web]}", with: "tor1: {rack: r1, vlans: [web]}\n  tor2: {rack: r2}")
        let f = try #require(Linted(text).one("TL601"))
        #expect(f.subject == Subject(kind: "cluster", name: "b"))
        #expect(f.strings("hosts") == ["b-esx1", "b-esx2", "b-esx3", "b-esx4"])
        #expect(f.string("vlan") == "web")
        #expect(f.severity == .medium)
    }

    @Test func ignoreSuppressesWithItsReasonAndUnusedIgnoreIsReported() throws {
        let text = Fixture.twoSites().replacing("gateway: fra1-tor}}", with: "gateway: fra1-tor, ignore: {stretched-vlan: \"metro pair, approved\", TL220: \"none\"}}}")
        let linted = Linted(text)
        #expect(linted.of("TL200").isEmpty)
        #expect(linted.suppressed.map(\.finding.ruleID) == ["TL200"])
        #expect(linted.suppressed.first?.reason == "metro pair, approved")
        let unused = try #require(linted.one("TL900"))
        #expect(unused.string("rule") == "TL220")
        #expect(unused.subject == Subject(kind: "vlan", name: "web"))
        #expect(unused.severity == .low)
    }

    @Test func anIgnoreOnASiteLinkIsCheckedAndReportedUnused() throws {
        // No rule reports on a site link, so its ignore suppresses nothing: TL900, at the
        // ignore, with the link by its sites' names as subject (as for a switch or a link).
        let text = Fixture.twoSites().replacing("rtt_ms: 8}", with: "rtt_ms: 8, tags: [dci], ignore: {stretched-vlan: \"dark fibre pair\"}}")
        let linted = Linted(text)
        let unused = try #require(linted.one("TL900"))
        #expect(unused.subject == Subject(kind: "site_link", name: "fra1 -- ams1"))
        #expect(unused.string("rule") == "TL200")
        #expect(linted.one("TL200") != nil)
    }

    @Test func fingerprintsIgnoreLineNumbers() throws {
        let a = try #require(Linted(Fixture.twoSites()).one("TL200"))
        let b = try #require(Linted("# a comment that moves every line down\n\n" + Fixture.twoSites()).one("TL200"))
        #expect(a.location.line != b.location.line)
        #expect(a.fingerprint == b.fingerprint)
    }

    @Test func weightsAndDisabledRulesComeFromThePack() throws {
        var pack = PackLoader.defaultPack
        pack.rules["TL200"] = RuleSetting(enabled: false)
        #expect(Linted(Fixture.twoSites(), pack: pack).of("TL200").isEmpty)
        pack.rules["TL200"] = RuleSetting(enabled: true, weight: 0.5)
        #expect(try #require(Linted(Fixture.twoSites(), pack: pack).one("TL200")).score == 4.3)
        // The weight multiplies the measured score, rounded once: TL302 measures
        // 7.0 + 1.9·(8/5 − 1) = 8.14; × 1.2 = 9.768 → 9.8 (not 8.1 × 1.2 = 9.72 → 9.7).
        var heavier = PackLoader.defaultPack
        heavier.rules["TL302"] = RuleSetting(enabled: true, weight: 1.2)
        let migration = Fixture.twoSites(extra: "migration_domains: {metro: {clusters: [prod-a, dr-b]}}")
        #expect(try #require(Linted(migration, pack: heavier).one("TL302")).score == 9.8)
        var strict = PackLoader.defaultPack
        strict.maxScope = .rack
        #expect(try #require(Linted(Fixture.onePod(), pack: strict).one("TL200")).string("scope") == "pod")
    }
}
