import Testing
import PropertyBased
import TopolintRules

/// Scores never fall as a violation grows (README, Reading scores: more of what a rule measured never lowers its score).
@Suite struct ScorePropertyTests {
    @Test func oversizedDomainIsMonotoneInTheRatio() async {
        await propertyCheck(input: Gen.double(in: 1.0...64), Gen.double(in: 0...8)) { r, dr in
            #expect(OversizedBroadcastDomainRule.score(ratio: r) <= OversizedBroadcastDomainRule.score(ratio: r + dr))
        }
    }

    @Test func stretchedVLANIsMonotoneInRTTAndSites() async {
        await propertyCheck(input: Gen.double(in: 0...200), Gen.double(in: 0...50), Gen.int(in: 2...10)) { rtt, more, sites in
            let a = StretchedVLANRule.score(scope: .multiSite, racks: 4, pods: 2, sites: sites, rtt: rtt, criticalRTT: 10)
            let b = StretchedVLANRule.score(scope: .multiSite, racks: 4, pods: 2, sites: sites, rtt: rtt + more, criticalRTT: 10)
            let c = StretchedVLANRule.score(scope: .multiSite, racks: 4, pods: 2, sites: sites + 1, rtt: rtt, criticalRTT: 10)
            #expect(a <= b)
            #expect(a <= c)
            // Any multi-site stretch outranks any stretch within one site.
            #expect(StretchedVLANRule.score(scope: .site, racks: 99, pods: 99, sites: 1, rtt: 0, criticalRTT: 10) < a)
        }
    }

    @Test func migrationRTTIsMonotoneInTheRatio() async {
        await propertyCheck(input: Gen.double(in: 1.0...20), Gen.double(in: 0...5)) { x, dx in
            #expect(MigrationRTTExceededRule.score(ratio: x) <= MigrationRTTExceededRule.score(ratio: x + dx))
        }
    }

    @Test func tromboneIsMonotoneInShareAndRTT() async {
        await propertyCheck(input: Gen.double(in: 0...1), Gen.double(in: 0...100), Gen.double(in: 0...50)) { share, rtt, more in
            let base = GatewayTromboneRule.score(share: share, rtt: rtt, criticalRTT: 10)
            #expect(base <= GatewayTromboneRule.score(share: share, rtt: rtt + more, criticalRTT: 10))
            #expect(base <= GatewayTromboneRule.score(share: min(1, share + 0.1), rtt: rtt, criticalRTT: 10))
        }
    }

    @Test func migrationTromboneIsMonotoneInRTT() async {
        await propertyCheck(input: Gen.double(in: 0...200), Gen.double(in: 0...50)) { rtt, more in
            #expect(MigrationTromboneRule.score(rtt: rtt, criticalRTT: 10) <= MigrationTromboneRule.score(rtt: rtt + more, criticalRTT: 10))
        }
    }

    @Test func crossClusterMigrationIsMonotoneInClustersAndScope() async {
        await propertyCheck(input: Gen.int(in: 2...40), Gen.int(in: 2...10)) { clusters, sites in
            let pod = CrossClusterMigrationRule.score(scope: .pod, clusters: clusters, sites: 1)
            let site = CrossClusterMigrationRule.score(scope: .site, clusters: clusters, sites: 1)
            let multi = CrossClusterMigrationRule.score(scope: .multiSite, clusters: clusters, sites: sites)
            #expect(pod < site && site < multi)
            #expect(multi <= CrossClusterMigrationRule.score(scope: .multiSite, clusters: clusters + 1, sites: sites))
        }
    }
}
