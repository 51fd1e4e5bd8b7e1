import TopolintCore
import TopolintModel

/// TL301: a workload may move to a cluster whose hosts are not on its segment.
public struct MigrationVLANMissingRule: Rule {
    public init() {}
    public var readsMigrationDomains: Bool { true }

    public let descriptor = RuleDescriptor(
        id: "TL301", name: "migration-vlan-missing",
        summary: "A workload may live-migrate to a cluster whose hosts do not join its VLAN's broadcast domain.",
        rationale: """
        A migrated VM keeps its IP address and its port group. If the target host does not join \
        the same broadcast domain of each of the VM's VLANs, the VM arrives on an isolated or absent \
        segment and loses its network: vMotion compatibility checks catch some of this, an \
        identically named port group on another segment they do not.
        """,
        trigger: "a migration domain allows a workload to move to a cluster with a host that does not join, for one of the workload's VLANs, any broadcast domain the workload's own hosts (its hosts, or else every host of its cluster) join; a target of another platform family is skipped (no live migration goes there: migration-platform-mismatch's case). Reported on the workload, once per target cluster.",
        scoreFormula: "critical (9.5) when no host of the target cluster joins; otherwise high: 7.0 + 1.9·(hosts missing / hosts of the target).",
        fix: "bridge the VLAN to the target cluster's hosts (trunks and host VLANs), or take the cluster out of the migration domain",
        defaultSeverity: .high, subjectKind: "workload",
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
        links: []
        vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: fra1-tor}}
        clusters:
          prod-a: {platform: vsphere-4.1, vlans: [web], hosts: {"fra1-esx[1:4]": {rack: fra1-r1, uplinks: [fra1-tor]}}}
          dr-b: {platform: vsphere-4.1, vlans: [web], hosts: {"ams1-esx[1:4]": {rack: ams1-r1, uplinks: [ams1-tor]}}}
        workloads: {shop: {cluster: prod-a, vlans: [web], count: 40}}
        #           ^ TL301
        migration_domains: {metro: {clusters: [prod-a, dr-b]}}
        """,
        passingExample: MigrationExamples.twoSites + "\nmigration_domains: {metro: {clusters: [prod-a, dr-b]}}\n")

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology, analysis = context.analysis
        var seen = Set<[Int]>()
        var cache = ClusterDomainCache(context)
        var findings: [Finding] = []
        for domain in t.migrationDomains {
            for w in domain.workloads {
                let workload = t.workloads[w]
                for v in workload.vlans {
                    let own = cache.domains(workload: w, vlan: v)
                    guard !own.isEmpty else { continue }
                    for target in domain.clusters where target != workload.cluster && context.sameFamily(workload.cluster, target) {
                        guard seen.insert([w, v, target]).inserted else { continue }
                        let hosts = t.clusters[target].hosts
                        guard !hosts.isEmpty else { continue }
                        let missing = hosts.filter { h in !analysis.domainsJoined(host: h, vlan: v).contains(where: own.contains) }
                        guard !missing.isEmpty else { continue }
                        let none = missing.count == hosts.count
                        let cluster = t.clusters[target]
                        let message = "workload \(workload.name) may move to cluster \(cluster.name) (migration domain \(domain.name)), but "
                            + (none ? (hosts.count == 1 ? "its one host does not join" : "none of its \(hosts.count) hosts join")
                                : "\(missing.count) of its \(counted(hosts.count, "host")) (\(context.hostList(missing, max: 4))) \(missing.count == 1 ? "does" : "do") not join")
                            + " the broadcast domain of \(context.vlanLabel(v)) that the workload's hosts are on: a moved VM would lose that network"
                        findings.append(descriptor.finding(
                            score: none ? 9.5 : Band.within(.high, Double(missing.count) / Double(hosts.count)), message: message,
                            subject: Subject(kind: "workload", name: workload.name), location: workload.location,
                            context: [("vlan", .string(t.vlans[v].name)), ("cluster", .string(cluster.name)),
                                      ("migration_domain", .string(domain.name)), ("hosts_missing", .int(missing.count))],
                            identity: ["vlan", "cluster"]))
                    }
                }
            }
        }
        return findings
    }
}
