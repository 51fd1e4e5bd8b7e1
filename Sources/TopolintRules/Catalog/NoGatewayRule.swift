import TopolintCore
import TopolintModel
import TopolintAnalysis

/// TL402: endpoints on a routed VLAN whose broadcast domain has no gateway.
public struct NoGatewayRule: Rule {
    public init() {}

    public var readsWorkloadReach: Bool { true }

    public let descriptor = RuleDescriptor(
        id: "TL402", name: "no-gateway",
        summary: "Endpoints of a VLAN with a subnet sit in a broadcast domain that holds none of its gateways.",
        rationale: """
        A VLAN with a subnet is meant to be routed. Endpoints in a broadcast domain without any of \
        its gateways can talk only inside that domain: everything off-subnet fails. Typical causes \
        are a VLAN without a gateway, or a partitioned VLAN whose gateway sits in the other part.
        """,
        trigger: "a workload's VLAN has a subnet and some of its endpoints are in broadcast domains holding no active or anycast gateway of it.",
        scoreFormula: "high: 7.0 + 1.9·share, share = endpoints without a gateway / the workload's endpoints on the VLAN.",
        fix: "give the VLAN a gateway in that broadcast domain (gateway: SWITCH, active/standby, or anycast), or bridge the domain to one that has it",
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
        vlans: {web: {id: 100, subnet: 10.1.0.0/24}}
        clusters:
          a: {platform: vsphere-7.0, vlans: [web], hosts: {"a-esx[1:4]": {rack: r1, uplinks: [tor1]}}}
          b: {platform: vsphere-7.0, vlans: [web], hosts: {"b-esx[1:4]": {rack: r2, uplinks: [tor2]}}}
        workloads: {shop: {cluster: a, vlans: [web], count: 40}}
        #           ^ TL402
        """,
        passingExample: MigrationExamples.onePod)

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        var cache = ReachCache(context)
        var findings: [Finding] = []
        for (w, workload) in t.workloads.enumerated() {
            for v in workload.vlans where t.vlans[v].subnet != nil {
                let reach = cache.reach(workload: w, vlan: v)
                guard reach.carriers > 0 else { continue }
                // Counted, not filtered into new arrays: this runs per workload and VLAN.
                var joined = 0, without = 0
                // The domains the hosts without a gateway join: a standby there is named as
                // not forwarding; one elsewhere is not their concern.
                var domainsWithout: [Int] = []
                for host in reach.hosts where host.joined {
                    joined += 1
                    if host.gateway == nil {
                        without += 1
                        for d in context.analysis.domainsJoined(host: host.host, vlan: v) where !domainsWithout.contains(d) { domainsWithout.append(d) }
                    }
                }
                guard without > 0 else { continue }
                let affected = Double(workload.count) * Double(without) / Double(reach.carriers)
                let total = Double(workload.count) * Double(joined) / Double(reach.carriers)
                let rounded = roundHalfUp(affected)
                let why = Self.why(t.vlans[v].gateway, vlan: v, context: context, domains: domainsWithout)
                let message = "\(counted(rounded, "endpoint")) of workload \(workload.name) on \(context.vlanLabel(v)) (subnet \(t.vlans[v].subnet!)) "
                    + "\(rounded == 1 ? "has" : "have") no gateway: \(why) (\(without) of \(counted(joined, "host")))"
                findings.append(descriptor.finding(
                    score: Band.within(.high, affected / max(total, 1e-9)), message: message,
                    subject: Subject(kind: "workload", name: workload.name), location: workload.location,
                    context: [("vlan", .string(t.vlans[v].name)), ("endpoints", .int(rounded)), ("hosts", .int(without))],
                    identity: ["vlan"]))
            }
        }
        return findings
    }

    /// Why hosts of a VLAN reach no gateway, as the design says it: no gateway at all, a
    /// gateway that does not carry the VLAN (in no broadcast domain of it), or one in
    /// another domain; a standby in the domain of the endpoints without a gateway
    /// (`domains`) is named as not forwarding.
    static func why(_ gateway: Gateway?, vlan v: Int, context: RuleContext, domains: [Int]) -> String {
        guard let gateway else { return "the VLAN has no gateway" }
        let t = context.topology
        let carries = { (s: Int) in context.analysis.carries(switch: s, vlan: v) }
        switch gateway {
        case let .single(s):
            return carries(s) ? "its gateway \(t.switches[s].name) is in another broadcast domain"
                : "its gateway \(t.switches[s].name) does not carry the VLAN"
        case let .activeStandby(active, standby):
            // A standby in the endpoints' own domain would be near, but does not forward; one
            // elsewhere is not theirs to mention.
            let near = standby.first { s in context.analysis.domain(ofSwitch: s, vlan: v).map(domains.contains) == true }
            let standbyNote = near.map { " (standby \(t.switches[$0].name), in their broadcast domain, does not forward)" } ?? ""
            return (carries(active) ? "its active gateway \(t.switches[active].name) is in another broadcast domain"
                : "its active gateway \(t.switches[active].name) does not carry the VLAN") + standbyNote
        case let .anycast(list):
            return list.contains(where: carries) ? "its gateways are in other broadcast domains"
                : "none of its gateways carries the VLAN"
        }
    }
}
