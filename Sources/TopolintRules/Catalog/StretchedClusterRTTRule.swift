import TopolintCore
import TopolintModel

/// TL305: one cluster whose hosts stand in sites farther apart than its platform supports.
public struct StretchedClusterRTTRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL305", name: "stretched-cluster-rtt",
        summary: "A cluster's hosts stand in sites whose round trip exceeds what its platform supports for a stretched cluster.",
        rationale: """
        A cluster stretched over two sites moves and restarts VMs between them by itself (DRS, HA, \
        failover), migration domain or not, and its storage replicates synchronously between the \
        sites. Every platform bounds the round trip of such a design far below its long-distance \
        live-migration figure: vSphere Metro Storage Cluster 10 ms (5 ms on 4.1), Hyper-V stretched \
        failover clusters with synchronous Storage Replica 5 ms, Proxmox VE's corosync 5 ms (the \
        figures and their sources are in the rule pack). Beyond it heartbeats, storage writes and \
        vMotion stall, and the design is unsupported.
        """,
        trigger: "the RTT between two sites of the cluster's hosts exceeds the cluster's max_stretched_rtt_ms, or else its platform's (an unknown RTT counts as assumed_rtt_ms); once per cluster, for the worst pair.",
        scoreFormula: "x = RTT / limit (> 1). x < 2: 7.0 + 1.9·(x − 1) (high); x ≥ 2: 9.0 + 1.0·min(1, (x − 2)/2) (critical). An unknown RTT counts as assumed_rtt_ms.",
        fix: "keep the cluster within sites closer than the limit (one cluster per site, joined by a migration domain if VMs must move), or shorten the path between the sites",
        defaultSeverity: .high, subjectKind: "cluster",
        failingExample: Self.metro(rtt: 12, marker: "\n# ^ TL305"),
        passingExample: Self.metro(rtt: 4))

    /// One vSphere 7.0 cluster with hosts in two sites `rtt` ms apart; `marker` goes under
    /// the cluster's key, where a finding lands.
    static func metro(rtt: Int, marker: String = "") -> String {
        """
        topology: metro
        version: 1
        sites: {fra1: {}, fra2: {}}
        site_links: [{between: [fra1, fra2], rtt_ms: \(rtt)}]
        racks: {fra1-r1: {site: fra1}, fra2-r1: {site: fra2}}
        switches:
          fra1-tor: {rack: fra1-r1}
          fra2-tor: {rack: fra2-r1}
        clusters:
          metro:\(marker)
            platform: vsphere-7.0                  # vSphere Metro Storage Cluster: 10 ms
            hosts:
              "fra1-esx[1:4]": {rack: fra1-r1, uplinks: [fra1-tor]}
              "fra2-esx[1:4]": {rack: fra2-r1, uplinks: [fra2-tor]}
        """
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        var findings: [Finding] = []
        for (c, cluster) in t.clusters.enumerated() {
            let platform = context.pack.platform(cluster.platform)
            guard let limit = cluster.maxStretchedRTTms ?? platform.maxStretchedRTTms else { continue }
            let sites = context.sites(ofCluster: c)
            guard sites.count >= 2 else { continue }
            // The worst pair, as migration-rtt-exceeded picks it: the largest ratio, first found.
            var worst: (ratio: Double, rtt: (value: Double, known: Bool), a: Int, b: Int)?
            for (i, a) in sites.enumerated() {
                for b in sites[(i + 1)...] {
                    let rtt = context.rtt(a, b)
                    guard rtt.value > limit else { continue }
                    let ratio = limit > 0 ? rtt.value / limit : .infinity
                    if worst == nil || ratio > worst!.ratio { worst = (ratio, rtt, a, b) }
                }
            }
            guard let worst else { continue }
            let pair = context.siteNames([worst.a, worst.b])
            let why = cluster.maxStretchedRTTms != nil ? "its own max_stretched_rtt_ms" : "the \(platform.name) stretched-cluster limit"
            let message = "cluster \(cluster.name) has hosts in sites \(pair.joined(separator: " and ")), \(context.describeRTT(worst.rtt)) apart, "
                + "over \(why) of \(context.formatMs(limit)) ms"
            findings.append(descriptor.finding(
                score: MigrationRTTExceededRule.score(ratio: worst.ratio), message: message,
                subject: Subject(kind: "cluster", name: cluster.name), location: cluster.location,
                context: [("rtt_ms", JSONValue.rtt(worst.rtt)), ("limit_ms", .double(limit)), ("sites", .strings(pair)),
                          ("platform", .string(cluster.platform))]))
        }
        return findings
    }
}
