import TopolintCore

/// TL303: a cluster with more hosts than its platform supports.
public struct ClusterSizeLimitRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL303", name: "cluster-size-limit",
        summary: "A cluster has more hosts than its platform (or its own max_hosts) allows.",
        rationale: """
        Hypervisor clusters have a supported maximum of hosts (vSphere 4.1: 32 per HA/DRS cluster; \
        the figures and their sources are in the rule pack's platform table). Beyond it HA and DRS \
        are unsupported or fail, and the usual workaround, a second cluster, is what the design \
        should show.
        """,
        trigger: "hosts > the cluster's max_hosts, or else its platform's max_hosts.",
        scoreFormula: "high: 7.0 + 1.9·min(1, hosts/limit − 1).",
        fix: "split the cluster in two, or move it to a platform release that supports that many hosts",
        defaultSeverity: .high, subjectKind: "cluster",
        failingExample: """
        topology: too-big
        version: 1
        sites: {dc1: {}}
        racks: {r1: {site: dc1}}
        switches: {tor1: {rack: r1}}
        clusters:
          prod: {platform: vsphere-4.1, hosts: {"esx[01:36]": {rack: r1, uplinks: [tor1]}}}   # 36 > 32
        # ^ TL303
        """,
        passingExample: """
        topology: fits
        version: 1
        sites: {dc1: {}}
        racks: {r1: {site: dc1}}
        switches: {tor1: {rack: r1}}
        clusters:
          prod: {platform: vsphere-4.1, hosts: {"esx[01:32]": {rack: r1, uplinks: [tor1]}}}
        """)

    public func check(_ context: RuleContext) -> [Finding] {
        context.topology.clusters.compactMap { cluster in
            let platform = context.pack.platform(cluster.platform)
            guard let limit = cluster.maxHosts ?? platform.maxHosts, cluster.hosts.count > limit else { return nil }
            let why = cluster.maxHosts != nil ? "its own max_hosts" : "the \(platform.name) limit"
            let message = "cluster \(cluster.name) has \(cluster.hosts.count) hosts, over \(why) of \(limit)"
            return descriptor.finding(
                score: Band.within(.high, Double(cluster.hosts.count) / Double(limit) - 1), message: message,
                subject: Subject(kind: "cluster", name: cluster.name), location: cluster.location,
                context: [("hosts", .int(cluster.hosts.count)), ("limit", .int(limit)), ("platform", .string(cluster.platform))])
        }
    }
}
