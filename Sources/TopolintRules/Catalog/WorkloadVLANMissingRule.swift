import TopolintCore
import TopolintModel

/// TL600: hosts of a workload's cluster that do not carry one of its VLANs.
public struct WorkloadVLANMissingRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL600", name: "workload-vlan-missing",
        summary: "Some hosts of a workload's cluster do not carry one of the workload's VLANs.",
        rationale: """
        DRS and HA place a cluster's VMs on any of its hosts. A VLAN missing on some hosts means a \
        VM placed or restarted there has no network on it; missing on all, the workload cannot run \
        as designed at all.
        """,
        trigger: "hosts of the workload's cluster lack one of its VLANs (neither the cluster's nor the host's vlans list it); once per VLAN.",
        scoreFormula: "critical (9.5) when no host carries it; otherwise high: 7.0 + 1.9·(hosts missing / hosts).",
        fix: "add the VLAN to the cluster's vlans (or to the hosts missing it)",
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
        for workload in t.workloads {
            let hosts = t.clusters[workload.cluster].hosts
            guard !hosts.isEmpty else { continue }
            for v in workload.vlans {
                let missing = hosts.filter { !binarySearch(t.hosts[$0].vlans, v) }
                guard !missing.isEmpty else { continue }
                let none = missing.count == hosts.count
                let message = "\(none ? "no host" : "\(missing.count) of \(hosts.count) hosts") of cluster \(t.clusters[workload.cluster].name) "
                    + "\(none ? "carries" : "do not carry") \(context.vlanLabel(v)), which workload \(workload.name) uses"
                    + (none ? "" : " (\(context.list(missing.map { t.hosts[$0].name }.sorted(), max: 4)))")
                findings.append(descriptor.finding(
                    score: none ? 9.5 : Band.within(.high, Double(missing.count) / Double(hosts.count)), message: message,
                    subject: Subject(kind: "workload", name: workload.name), location: workload.location,
                    context: [("vlan", .string(t.vlans[v].name)), ("hosts_missing", .int(missing.count)), ("hosts", .int(hosts.count))],
                    identity: ["vlan"]))
            }
        }
        return findings
    }
}
