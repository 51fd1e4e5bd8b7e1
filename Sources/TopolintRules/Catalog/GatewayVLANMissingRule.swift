import TopolintCore
import TopolintModel

/// TL403: a gateway switch that does not carry its VLAN.
public struct GatewayVLANMissingRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL403", name: "gateway-vlan-missing",
        summary: "A switch named as a VLAN's gateway (active, standby or anycast) does not carry that VLAN.",
        rationale: """
        A gateway is an interface on the VLAN (an SVI or IRB). A switch that does not carry the \
        VLAN cannot hold it, so the gateway exists only on paper: the active one leaves endpoints \
        without a gateway, a standby one leaves the VLAN without the redundancy it claims.
        """,
        trigger: "a switch listed in the VLAN's gateway does not carry the VLAN; once per switch.",
        scoreFormula: "high: 8.0 for a single, active or anycast gateway; 7.5 for a standby one.",
        fix: "add the VLAN to the gateway switch's vlans, or name a switch that carries it",
        defaultSeverity: .high, subjectKind: "vlan",
        failingExample: """
        topology: one-pod
        version: 1
        sites: {dc1: {}}
        pods: {p1: {site: dc1}}
        racks: {"r[1:2]": {pod: p1}}
        switches:
          "tor[1:2]": {rack: "r{1}", vlans: [web]}
          spine: {pod: p1, role: spine, vlans: []}
        links: [{between: [tor1, tor2]}]
        vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: {active: tor1, standby: [spine]}}}
        #       ^ TL403
        clusters:
          a: {platform: vsphere-7.0, vlans: [web], hosts: {"a-esx[1:4]": {rack: r1, uplinks: [tor1]}}}
          b: {platform: vsphere-7.0, vlans: [web], hosts: {"b-esx[1:4]": {rack: r2, uplinks: [tor2]}}}
        workloads: {shop: {cluster: a, vlans: [web], count: 40}}
        """,
        passingExample: MigrationExamples.onePod)

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        var findings: [Finding] = []
        for (v, vlan) in t.vlans.enumerated() {
            guard let gateway = vlan.gateway else { continue }
            var standby = Set<Int>()
            if case let .activeStandby(_, list) = gateway { standby = Set(list) }
            var reported = Set<Int>()
            for s in gateway.allSwitches where !context.analysis.carries(switch: s, vlan: v) && reported.insert(s).inserted {
                let role = standby.contains(s) ? "standby gateway" : "gateway"
                let message = "\(context.vlanLabel(v)) names \(t.switches[s].name) as its \(role), but that switch does not carry the VLAN"
                findings.append(descriptor.finding(
                    score: standby.contains(s) ? 7.5 : 8.0, message: message,
                    subject: Subject(kind: "vlan", name: vlan.name), location: vlan.location,
                    context: [("switch", .string(t.switches[s].name)), ("role", .string(standby.contains(s) ? "standby" : "forwarding"))],
                    identity: ["switch"]))
            }
        }
        return findings
    }
}
