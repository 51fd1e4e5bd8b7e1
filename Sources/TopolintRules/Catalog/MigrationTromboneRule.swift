import TopolintCore
import TopolintModel

/// TL401: a move the domain allows would leave VMs with a gateway in another site.
public struct MigrationTromboneRule: Rule {
    public init() {}
    public var readsMigrationDomains: Bool { true }

    public let descriptor = RuleDescriptor(
        id: "TL401", name: "migration-trombone",
        summary: "A move a migration domain allows would leave the moved VMs with their gateway in another site.",
        rationale: """
        After a cross-site live migration the VM keeps its default gateway's address. If that \
        VLAN's nearest gateway from the target hosts is back in the first site, every routed flow \
        of the moved VM crosses the interconnect twice, a trombone that appears only after the move \
        and so escapes a check of today's placement.
        """,
        trigger: "a migration domain lets a workload move to a cluster in a site its own cluster is not in, and from that cluster's hosts the nearest gateway of one of the workload's VLANs is in another site; once per workload, VLAN and target cluster.",
        scoreFormula: "RTT = the largest round trip from the target hosts to their nearest gateway (unknown: assumed_rtt_ms). RTT ≤ critical_rtt_ms: 4.0 + 2.9·min(1, RTT/critical_rtt_ms) (medium); above: 7.0 + 1.9·min(1, (RTT − critical_rtt_ms)/(4·critical_rtt_ms)) (high).",
        fix: "give the VLAN a gateway in the target site (anycast or distributed gateway), or keep the workload out of that cluster",
        defaultSeverity: .medium, subjectKind: "migration_domain",
        failingExample: """
        topology: two-sites
        version: 1
        sites: {fra1: {}, ams1: {}}
        site_links: [{between: [fra1, ams1], rtt_ms: 8}]
        pods: {fra1-p1: {site: fra1}, ams1-p1: {site: ams1}}
        racks: {fra1-r1: {pod: fra1-p1}, ams1-r1: {pod: ams1-p1}}
        switches:
          fra1-tor: {rack: fra1-r1, vlans: [web]}
          ams1-tor: {rack: ams1-r1, vlans: [web]}
        links: [{between: [fra1-tor, ams1-tor]}]
        vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: fra1-tor}}
        clusters:
          prod-a: {platform: vsphere-4.1, vlans: [web], hosts: {"fra1-esx[1:4]": {rack: fra1-r1, uplinks: [fra1-tor]}}}
          dr-b: {platform: vsphere-4.1, vlans: [web], hosts: {"ams1-esx[1:4]": {rack: ams1-r1, uplinks: [ams1-tor]}}}
        workloads: {shop: {cluster: prod-a, vlans: [web], count: 40}}
        migration_domains: {metro: {clusters: [prod-a, dr-b]}}
        #                   ^ TL401
        """,
        passingExample: MigrationExamples.twoSites.replacing("gateway: fra1-tor}", with: "gateway: {anycast: [fra1-tor, ams1-tor]}}")
            + "\nmigration_domains: {metro: {clusters: [prod-a, dr-b]}}\n")

    public static func score(rtt: Double, criticalRTT: Double) -> Double {
        rtt <= criticalRTT ? Band.within(.medium, rtt / criticalRTT) : Band.within(.high, (rtt - criticalRTT) / (4 * criticalRTT))
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        var cache = ReachCache(context)
        var findings: [Finding] = []
        for domain in t.migrationDomains {
            for w in domain.workloads {
                let workload = t.workloads[w]
                let ownSites = Set(context.sites(ofCluster: workload.cluster))
                for target in domain.clusters where target != workload.cluster {
                    let newSites = Set(context.sites(ofCluster: target)).subtracting(ownSites)
                    guard !newSites.isEmpty else { continue }
                    for v in workload.vlans {
                        let reach = cache.reach(cluster: target, vlan: v)
                        var worst: (rtt: (value: Double, known: Bool), gateway: Int)?
                        for hostReach in reach.hosts {
                            guard newSites.contains(t.placement(ofHost: hostReach.host).site),
                                  let g = hostReach.gateway, g.proximity == .otherSite else { continue }
                            let rtt = context.rtt(of: g)
                            if worst == nil || rtt.value > worst!.rtt.value { worst = (rtt, g.gateway) }
                        }
                        guard let worst else { continue }
                        let cluster = t.clusters[target], gateway = t.switches[worst.gateway]
                        let message = "migration domain \(domain.name) lets workload \(workload.name) move to cluster \(cluster.name) "
                            + "in \(context.list(context.siteNames(Array(newSites)))), where the nearest gateway of \(context.vlanLabel(v)) "
                            + "is \(gateway.name) in site \(t.sites[gateway.placement.site].name), \(context.describeRTT(worst.rtt)) away"
                        findings.append(descriptor.finding(
                            score: Self.score(rtt: worst.rtt.value, criticalRTT: context.pack.criticalRTTms), message: message,
                            subject: Subject(kind: "migration_domain", name: domain.name), location: domain.location,
                            context: [("vlan", .string(t.vlans[v].name)), ("workload", .string(workload.name)),
                                      ("cluster", .string(cluster.name)), ("gateway", .string(gateway.name)),
                                      ("rtt_ms", JSONValue.rtt(worst.rtt))],
                            identity: ["vlan", "workload", "cluster"]))
                    }
                }
            }
        }
        return findings
    }
}
