import Testing
import TopolintCore
@testable import TopolintModel
@testable import TopolintAnalysis
@testable import TopolintGenerate

/// Broadcast-domain figures on a generated design large enough for its VLANs to be built in
/// two ranges side by side, and with split VLANs whose domains take their members in turn:
/// each domain's racks, pods, sites and clusters are recomputed here from its switches and
/// the hosts that join it, and the serial build must give the same domains.
@Suite("Core: domains of a generated design")
struct GeneratedDomainTests {
    static let analyses: (parallel: Analysis, serial: Analysis)? = {
        var text = ""
        TopologyGenerator.generate(GeneratorOptions(profile: .medium, seed: 11, expanded: true, findingsHeavy: true)) { text += $0 }
        let loaded = TopologyLoader.load(bytes: Array(text.utf8), file: "generated.yaml",
                                         options: LoadOptions(platforms: [], ruleNames: []))
        guard let topology = loaded.topology else { return nil }
        return (Analysis(topology), Analysis(topology, parallel: false))
    }()

    @Test("racks, pods, sites and clusters of every domain, recomputed from its members")
    func members() throws {
        let analysis = try #require(Self.analyses).parallel
        let t = analysis.topology
        var expected: [Int: (racks: Set<Int>, pods: Set<Int>, sites: Set<Int>, clusters: Set<Int>)] = [:]
        for v in t.vlans.indices {
            for d in analysis.domainRanges[v] {
                var e = (racks: Set<Int>(), pods: Set<Int>(), sites: Set<Int>(), clusters: Set<Int>())
                func add(_ p: Placement) {
                    if let r = p.rack { e.racks.insert(r) }
                    if let pod = p.pod { e.pods.insert(pod) }
                    e.sites.insert(p.site)
                }
                for s in analysis.domains[d].switches { add(t.switches[Int(s)].placement) }
                expected[d] = e
            }
        }
        for h in t.hosts.indices {
            for v in t.hosts[h].vlans {
                for d in analysis.domainsJoined(host: h, vlan: v) {
                    let p = t.placement(ofHost: h)
                    if let r = p.rack { expected[d]!.racks.insert(r) }
                    if let pod = p.pod { expected[d]!.pods.insert(pod) }
                    expected[d]!.sites.insert(p.site)
                    expected[d]!.clusters.insert(t.hosts[h].cluster)
                }
            }
        }
        var split = 0
        for (d, domain) in analysis.domains.enumerated() {
            let e = try #require(expected[d])
            #expect(domain.racks == e.racks.sorted(), "domain \(d) racks")
            #expect(domain.pods == e.pods.sorted(), "domain \(d) pods")
            #expect(domain.sites == e.sites.sorted(), "domain \(d) sites")
            #expect(domain.clusters == e.clusters.sorted(), "domain \(d) clusters")
            #expect(domain.scope == scope(racks: e.racks.count, pods: e.pods.count, sites: e.sites.count))
            if analysis.domainRanges[domain.vlan].count > 1 { split += 1 }
        }
        #expect(split > 0, "the design should have a VLAN split into several domains")
    }

    @Test("built in two ranges of VLANs or in one, the domains are the same")
    func parallelEqualsSerial() throws {
        let (a, b) = try #require(Self.analyses)
        #expect(a.domains.count == b.domains.count)
        #expect(a.domainRanges == b.domainRanges)
        for (x, y) in zip(a.domains, b.domains) {
            #expect(x.vlan == y.vlan && x.switches == y.switches && x.hostCount == y.hostCount)
            #expect(x.racks == y.racks && x.pods == y.pods && x.sites == y.sites && x.clusters == y.clusters)
            #expect(x.endpoints == y.endpoints && x.scope == y.scope && x.gateways == y.gateways && x.isStub == y.isStub)
        }
        let t = a.topology
        for h in stride(from: 0, to: t.hosts.count, by: 7) {
            for v in t.hosts[h].vlans {
                #expect(a.domainsJoined(host: h, vlan: v) == b.domainsJoined(host: h, vlan: v))
                #expect(a.carriers(cluster: t.hosts[h].cluster, vlan: v) == b.carriers(cluster: t.hosts[h].cluster, vlan: v))
            }
        }
        #expect(a.unreachableHostVLANs.map(\.host) == b.unreachableHostVLANs.map(\.host))
    }
}
