import TopolintCore
import TopolintAnalysis

/// TL300: a migration domain spanning two or more clusters.
public struct CrossClusterMigrationRule: Rule {
    public init() {}
    public var readsMigrationDomains: Bool { true }

    public let descriptor = RuleDescriptor(
        id: "TL300", name: "cross-cluster-migration",
        summary: "A migration domain lets VMs move between two or more clusters.",
        rationale: """
        Live migration keeps a VM's IP address, so every VLAN the VM uses must be one bridged \
        segment across all the clusters it may reach. Inside a pod that is cheap; across pods it \
        stretches VLANs over the aggregation layer; across sites it stretches them over the DCI, \
        with the gateway in one site only. The wider the domain, the wider the layer 2 it needs.
        """,
        trigger: "a migration domain names two or more clusters.",
        scoreFormula: """
        from the scope of the clusters' hosts: within a pod, 0.1 + 3.8·min(1, (clusters − 1)/8) (low); \
        across pods of one site, 4.0 + 2.9·min(1, (clusters − 2)/6) (medium); across sites, \
        7.0 + 1.9·min(1, (clusters − 2)/6 + (sites − 2)/4) (high).
        """,
        fix: "keep live migration inside one cluster or pod; move VMs between sites with a restart (disaster recovery) and site-local addressing",
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
        #                   ^ TL300
        """,
        passingExample: MigrationExamples.twoSites + "\nmigration_domains: {local: {clusters: [prod-a]}}\n")

    public static func score(scope: Scope, clusters: Int, sites: Int) -> Double {
        switch scope {
        case .rack, .pod: return Band.within(.low, Double(clusters - 1) / 8)
        case .site: return Band.within(.medium, Double(clusters - 2) / 6)
        case .multiSite: return Band.within(.high, Double(clusters - 2) / 6 + Double(sites - 2) / 4)
        }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        context.topology.migrationDomains.compactMap { domain in
            guard domain.clusters.count >= 2 else { return nil }
            let footprint = context.footprint(ofClusters: domain.clusters)
            let scope = TopolintAnalysis.scope(racks: footprint.racks.count, pods: footprint.pods.count, sites: footprint.sites.count)
            let names = context.clusterNames(domain.clusters)
            let reach: String
            switch scope {
            case .multiSite: reach = "across \(footprint.sites.count) sites (\(context.list(context.siteNames(Array(footprint.sites)))))"
            case .site: reach = "across \(footprint.pods.count) pods of one site"
            default: reach = "within one pod"
            }
            // A domain that names its workloads lets only those move: say which.
            let t = context.topology
            let movers = context.movesSomeWorkloads(domain)
                ? "\(domain.workloads.count == 1 ? "workload" : "workloads") \(context.list(domain.workloads.map { t.workloads[$0].name }.sorted()))"
                : "VMs"
            let message = "migration domain \(domain.name) lets \(movers) move between \(names.count) clusters (\(context.list(names))) \(reach)"
            return descriptor.finding(
                score: Self.score(scope: scope, clusters: domain.clusters.count, sites: footprint.sites.count), message: message,
                subject: Subject(kind: "migration_domain", name: domain.name), location: domain.location,
                context: [("scope", .string(scope.rawValue)), ("clusters", .strings(names)),
                          ("sites", .strings(context.siteNames(Array(footprint.sites))))])
        }
    }
}
