import TopolintCore
import TopolintAnalysis

/// TL210: one VLAN, several broadcast domains that do not reach each other.
public struct PartitionedVLANRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL210", name: "partitioned-vlan",
        summary: "A VLAN forms two or more broadcast domains that are not bridged together.",
        rationale: """
        A VLAN with one subnet is one segment: hosts on it expect to reach each other and the \
        gateway directly. When the switches that carry it are not joined by trunks (or a VXLAN \
        overlay), ARP between the parts fails and endpoints in the part without the gateway are cut \
        off, often only after a VM moves. Usually a trunk misses the VLAN in its allowed list.
        """,
        trigger: "the VLAN has two or more broadcast domains that each hold a host or a gateway of it; a stub (switches only, no host, no gateway) does not count (hosts whose uplinks lack the VLAN are host-vlan-unreachable's).",
        scoreFormula: """
        domains counts the domains that are not stubs. high: 7.0 + 1.9·min(1, (domains − 2)/4); critical when the VLAN has a subnet and two or more \
        of its domains hold endpoints: 9.0 + 1.0·min(1, (domains with endpoints − 2)/4).
        """,
        fix: "add the VLAN to the trunks between the parts (or to the VXLAN overlay), or give each part its own VLAN and subnet",
        defaultSeverity: .high, subjectKind: "vlan",
        failingExample: """
        topology: split
        version: 1
        sites: {dc1: {}}
        pods: {p1: {site: dc1}}
        racks: {"r[1:2]": {pod: p1}}
        switches:
          "tor[1:2]": {rack: "r{1}", vlans: [app]}
          agg: {pod: p1, role: aggregation, vlans: all}
        links:
          - {between: [tor1, agg]}
          - {between: [tor2, agg], vlans: [mgmt]}     # app not allowed on this trunk
        vlans: {app: {id: 300, subnet: 10.3.0.0/24, gateway: agg}, mgmt: {id: 10}}
        #       ^ TL210
        clusters:
          c1: {vlans: [app], hosts: {esx1: {rack: r2, uplinks: [tor2]}}}   # cut off from the gateway
        """,
        passingExample: """
        topology: joined
        version: 1
        sites: {dc1: {}}
        pods: {p1: {site: dc1}}
        racks: {"r[1:2]": {pod: p1}}
        switches:
          "tor[1:2]": {rack: "r{1}", vlans: [app]}
          agg: {pod: p1, role: aggregation, vlans: all}
        links:
          - {between: ["tor[1:2]", agg]}
        vlans: {app: {id: 300, subnet: 10.3.0.0/24, gateway: agg}}
        clusters:
          c1: {vlans: [app], hosts: {esx1: {rack: r2, uplinks: [tor2]}}}
        """)

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        var findings: [Finding] = []
        for (v, vlan) in t.vlans.enumerated() {
            // Stubs (switches only) hold nothing that could be cut off; `domains` lists them.
            let parts = context.analysis.domains(ofVLAN: v).filter { !$0.isStub }
            guard parts.count >= 2 else { continue }
            let withEndpoints = parts.filter { $0.endpoints > 0 }.count
            let critical = vlan.subnet != nil && withEndpoints >= 2
            let score = critical ? Band.within(.critical, Double(withEndpoints - 2) / 4) : Band.within(.high, Double(parts.count - 2) / 4)
            let described = parts.prefix(4).map { d in
                "{\(context.list(d.switches.map { t.switches[Int($0)].name }, max: 3))}: \(counted(d.roundedEndpoints, "endpoint"))"
            }
            let more = parts.count > 4 ? " and \(parts.count - 4) more" : ""
            let message = "\(context.vlanLabel(v)) is split into \(parts.count) broadcast domains that no trunk or overlay joins: "
                + described.joined(separator: "; ") + more
            findings.append(descriptor.finding(
                score: score, message: message, subject: Subject(kind: "vlan", name: vlan.name), location: vlan.location,
                context: [("domains", .int(parts.count)), ("domains_with_endpoints", .int(withEndpoints))]))
        }
        return findings
    }
}
