import TopolintCore
import TopolintModel

/// TL600: hosts of a workload's cluster that do not carry one of its VLANs.
public struct WorkloadVLANMissingRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL600", name: "workload-vlan-missing",
        summary: "Some hosts a workload may run on do not carry one of the workload's VLANs.",
        rationale: """
        DRS and HA place a cluster's VMs on any of its hosts. A VLAN missing on some hosts means a \
        VM placed or restarted there has no network on it; missing on all, the workload cannot run \
        as designed at all.
        """,
        trigger: "hosts the workload may run on (its hosts, or else every host of its cluster) lack one of its VLANs (neither the cluster's nor the host's vlans list it); once per VLAN.",
        scoreFormula: "critical (9.5) when no host carries it; otherwise high: 7.0 + 1.9·(hosts missing / hosts).",
        fix: "add the VLAN to the cluster's vlans (or to the hosts missing it), or pin the workload with hosts to the hosts that carry it",
        defaultSeverity: .high, subjectKind: "workload",
        failingExample: """
        topology: one-pod
        version: 1
        sites: {dc1: {}}
        pods: {p1: {site: dc1}}
        racks: {"r[1:2]": {pod: p1}}
        switches:
          "tor[1:2]": {rack: "r{1}", vlans: [web]}
        links: [{between: [tor1, tor2]}]
        vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: tor1}}
        clusters:
          a: {platform: vsphere-7.0, vlans: [], hosts: {"a-esx[1:4]": {rack: r1, uplinks: [tor1]}}}
          b: {platform: vsphere-7.0, vlans: [web], hosts: {"b-esx[1:4]": {rack: r2, uplinks: [tor2]}}}
        workloads: {shop: {cluster: a, vlans: [web], count: 40}}
        #           ^ TL600
        """,
        passingExample: MigrationExamples.onePod)

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        var findings: [Finding] = []
        // The workloads of a cluster that no host group pins all run on the cluster's hosts,
        // so what one of its VLANs misses there (and the names a message lists) is found
        // once per cluster and VLAN, not once per workload: a large estate has hundreds of
        // workloads per cluster.
        var shared: [Int: Missing] = [:]
        for (w, workload) in t.workloads.enumerated() {
            // Only the hosts it may run on: a workload pinned by a host group never lands elsewhere.
            // (As many as `t.hosts(ofWorkload:)` lists, without making the list.)
            let hostCount = workload.hosts?.count ?? t.clusters[workload.cluster].hosts.count
            guard hostCount > 0 else { continue }
            let pinned = workload.hosts != nil
            for v in workload.vlans {
                let missing: Missing
                if pinned {
                    missing = Missing(t.hosts(ofWorkload: w), vlan: v, topology: t, context: context)
                } else {
                    let key = workload.cluster &* t.vlans.count &+ v
                    if let known = shared[key] {
                        missing = known
                    } else {
                        missing = Missing(t.hosts(ofWorkload: w), vlan: v, topology: t, context: context)
                        shared[key] = missing
                    }
                }
                guard missing.count > 0 else { continue }
                let none = missing.count == hostCount
                let cluster = t.clusters[workload.cluster].name
                let whose = pinned
                    ? MessageText("\(none ? (hostCount == 1 ? "the one host" : "none of the \(hostCount) hosts") : "\(missing.count) of the \(hostCount) hosts") workload \(workload.name) may run on (cluster \(cluster))")
                    : none ? MessageText("no host of cluster \(cluster)") : MessageText("\(missing.count) of \(hostCount) hosts of cluster \(cluster)")
                // "none of …" and "no host" take "carries"; "1 of 5 hosts" takes "does not carry".
                let verb = none ? (pinned && hostCount == 1 ? "does not carry" : "carries") : (missing.count == 1 ? "does not carry" : "do not carry")
                let message = MessageText("\(whose.string) \(verb) \(context.vlanLabel(v)), which workload \(workload.name) uses\(none ? "" : " (\(missing.listed))")").string
                findings.append(descriptor.finding(
                    score: none ? 9.5 : Band.within(.high, Double(missing.count) / Double(hostCount)), message: message,
                    subject: Subject(kind: "workload", name: workload.name), location: workload.location,
                    context: [("vlan", .string(t.vlans[v].name)), ("hosts_missing", .int(missing.count)), ("hosts", .int(hostCount))],
                    identity: ["vlan"]))
            }
        }
        return findings
    }

    /// The hosts among `hosts` that do not carry a VLAN: how many, and their names as a
    /// message lists them (sorted, the first few).
    private struct Missing {
        let count: Int
        let listed: String

        init(_ hosts: [Int], vlan v: Int, topology t: Topology, context: RuleContext) {
            let missing = hosts.filter { !binarySearch(t.hosts[$0].vlans, v) }
            count = missing.count
            listed = missing.isEmpty ? "" : context.hostList(missing, max: 4)
        }
    }
}
