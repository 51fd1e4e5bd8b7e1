import TopolintCore
import TopolintModel

/// TL601: hosts carrying a VLAN that none of their uplink switches carries.
public struct HostVLANUnreachableRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL601", name: "host-vlan-unreachable",
        summary: "Hosts carry a VLAN that none of their uplink switches carries.",
        rationale: """
        The hypervisor has a port group for the VLAN, but the switch ports it is cabled to do not \
        carry it: VMs on that port group are on an island of one host. It usually means a ToR \
        missed a VLAN when the cluster's list grew.
        """,
        trigger: "a host carries a VLAN and none of its uplink switches does; once per cluster and VLAN, naming the hosts.",
        scoreFormula: "medium: 4.0 + 2.9·(hosts affected / hosts of the cluster).",
        fix: "add the VLAN to the uplink switches (and the trunks to them), or remove it from the hosts",
        defaultSeverity: .medium, subjectKind: "cluster",
        failingExample: """
        topology: one-pod
        version: 1
        sites: {dc1: {}}
        pods: {p1: {site: dc1}}
        racks: {"r[1:2]": {pod: p1}}
        switches:
          "tor[1:2]": {rack: "r{1}", vlans: []}
        links: [{between: [tor1, tor2]}]
        vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: tor1}}
        clusters:
          a: {platform: vsphere-7.0, vlans: [web], hosts: {"a-esx[1:4]": {rack: r1, uplinks: [tor1]}}}
        # ^ TL601
          b: {platform: vsphere-7.0, vlans: [web], hosts: {"b-esx[1:4]": {rack: r2, uplinks: [tor2]}}}
        # ^ TL601
        workloads: {shop: {cluster: a, vlans: [web], count: 40}}
        """,
        passingExample: MigrationExamples.onePod)

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        // One finding per cluster and VLAN, in that order: the pairs sorted by cluster, VLAN
        // and host fall into one run per finding (no table of tables to fill).
        let pairs = context.analysis.unreachableHostVLANs
            .map { (cluster: t.hosts[$0.host].cluster, vlan: $0.vlan, host: $0.host) }
            .sorted { ($0.cluster, $0.vlan, $0.host) < ($1.cluster, $1.vlan, $1.host) }
        var findings: [Finding] = []
        var runStart = 0
        while runStart < pairs.count {
            let c = pairs[runStart].cluster, v = pairs[runStart].vlan
            var runEnd = runStart + 1
            while runEnd < pairs.count && pairs[runEnd].cluster == c && pairs[runEnd].vlan == v { runEnd += 1 }
            let cluster = t.clusters[c]
            let names = t.hostNames.inNameOrder(pairs[runStart..<runEnd].map(\.host)).map(t.hostName)
            let count = runEnd - runStart
            let message = MessageText("\(counted(count, "host")) of cluster \(cluster.name) (\(context.list(names, max: 4))) \(count == 1 ? "carries" : "carry") \(context.vlanLabel(v)), but none of \(count == 1 ? "its" : "their") uplink switches does").string
            findings.append(descriptor.finding(
                score: Band.within(.medium, Double(count) / Double(max(cluster.hosts.count, 1))), message: message,
                subject: Subject(kind: "cluster", name: cluster.name), location: cluster.location,
                context: [("vlan", .string(t.vlans[v].name)), ("hosts", .strings(names))],
                identity: ["vlan"]))
            runStart = runEnd
        }
        return findings
    }
}
