import TopolintCore
import TopolintModel
import TopolintAnalysis

/// TL400: endpoints whose nearest gateway is in another site (or pod).
public struct GatewayTromboneRule: Rule {
    public init() {}

    public var readsWorkloadReach: Bool { true }

    public let descriptor = RuleDescriptor(
        id: "TL400", name: "gateway-trombone",
        summary: "A workload's endpoints reach their default gateway in another site (or pod).",
        rationale: """
        A VM sends everything that leaves its subnet to its default gateway. When the nearest \
        gateway of its VLAN is in another site, that traffic crosses the data-center interconnect \
        to the gateway and, for a local destination, back again: a traffic trombone that adds the \
        round trip to every routed flow and loads the DCI. It is the usual result of a VLAN \
        stretched for live migration with the gateway left in the first data center.
        """,
        trigger: "for a workload and one of its VLANs, endpoints on some hosts reach their nearest gateway in another site (or another pod when trombone_scope is pod).",
        scoreFormula: """
        share = affected endpoints / all endpoints of the VLAN; RTT = the largest added \
        round trip (unknown: assumed_rtt_ms). RTT < 1 ms (another pod): 4.0 + 2.9·share (medium); \
        1 ms ≤ RTT < critical_rtt_ms: 7.0 + 1.9·min(1, 0.5·share + 0.5·(RTT − 1)/(critical_rtt_ms − 1)) (high); \
        RTT ≥ critical_rtt_ms: 9.0 + 1.0·min(1, 0.5·share + (RTT − critical_rtt_ms)/(4·critical_rtt_ms)) (critical).
        """,
        fix: "give the VLAN a gateway in every site where it has endpoints (anycast or EVPN distributed gateway), or keep the workload in the gateway's site",
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
        links: [{between: [fra1-tor, ams1-tor]}]
        vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: fra1-tor}}
        clusters:
          prod-a: {platform: vsphere-4.1, vlans: [web], hosts: {"fra1-esx[1:4]": {rack: fra1-r1, uplinks: [fra1-tor]}}}
          dr-b: {platform: vsphere-4.1, vlans: [web], hosts: {"ams1-esx[1:4]": {rack: ams1-r1, uplinks: [ams1-tor]}}}
        workloads: {shop: {cluster: dr-b, vlans: [web], count: 40}}
        #           ^ TL400
        """,
        passingExample: MigrationExamples.twoSites)

    public static func score(share: Double, rtt: Double, criticalRTT: Double) -> Double {
        if rtt < 1 { return Band.within(.medium, share) }
        if rtt < criticalRTT { return Band.within(.high, 0.5 * share + 0.5 * (rtt - 1) / max(criticalRTT - 1, 1e-9)) }
        return Band.within(.critical, 0.5 * share + (rtt - criticalRTT) / (4 * criticalRTT))
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        var cache = ReachCache(context)
        var findings: [Finding] = []
        // The VLAN's endpoints, each VM once, for the share: summing its domains' endpoints
        // would count twice the VMs of a host whose uplinks reach two domains of it. Worked
        // out only for the VLANs a finding is about.
        var workloadsOfVLAN: [[Int]] = []
        var vlanTotals: [Int: Double] = [:]
        func endpoints(ofVLAN v: Int) -> Double {
            if let known = vlanTotals[v] { return known }
            if workloadsOfVLAN.isEmpty {
                workloadsOfVLAN = [[Int]](repeating: [], count: t.vlans.count)
                for (w, workload) in t.workloads.enumerated() { for v in workload.vlans { workloadsOfVLAN[v].append(w) } }
            }
            var sum = 0.0
            for w in workloadsOfVLAN[v] {
                let reach = cache.reach(workload: w, vlan: v)
                guard reach.carriers > 0 else { continue }
                let joined = reach.hosts.reduce(0) { $0 + ($1.joined ? 1 : 0) }
                sum += Double(t.workloads[w].count) * Double(joined) / Double(reach.carriers)
            }
            vlanTotals[v] = sum
            return sum
        }
        for (w, workload) in t.workloads.enumerated() {
            for v in workload.vlans {
                let reach = cache.reach(workload: w, vlan: v)
                guard reach.carriers > 0 else { continue }
                // Endpoints as c·k/n, computed once (summing per-host shares drifts in rounding).
                var affectedHosts = 0, joinedHosts = 0
                var worst: (gateway: Int, rtt: (value: Double, known: Bool), site: Int, crossSite: Bool)?
                var hostSites = Set<Int>()
                for hostReach in reach.hosts where hostReach.joined {
                    joinedHosts += 1
                    guard let g = hostReach.gateway, context.isTrombone(host: hostReach.host, g) else { continue }
                    affectedHosts += 1
                    let hostSite = t.placement(ofHost: hostReach.host).site
                    hostSites.insert(hostSite)
                    let rtt = context.rtt(of: g)
                    if worst == nil || rtt.value > worst!.rtt.value
                        || (rtt.value == worst!.rtt.value && context.analysis.switchNameRank[g.gateway] < context.analysis.switchNameRank[worst!.gateway]) {
                        let gatewaySite = t.switches[g.gateway].placement.site
                        worst = (g.gateway, rtt, gatewaySite, gatewaySite != hostSite)
                    }
                }
                let affected = Double(workload.count) * Double(affectedHosts) / Double(reach.carriers)
                let total = Double(workload.count) * Double(joinedHosts) / Double(reach.carriers)
                guard let worst, affectedHosts > 0 else { continue }
                // The share of the VLAN's endpoints (all its workloads) that this trombone carries.
                let vlanEndpoints = endpoints(ofVLAN: v)
                let share = vlanEndpoints > 0 ? min(1, affected / vlanEndpoints) : 1
                let gateway = t.switches[worst.gateway]
                let rounded = roundHalfUp(affected)
                // Another site is said as such, however short its round trip (a metro pair
                // under 1 ms is still the interconnect); another pod of the same site otherwise.
                let distance = worst.crossSite
                    ? "in site \(t.sites[worst.site].name), \(context.describeRTT(worst.rtt)) away"
                    : "in another pod (pod \(gateway.placement.pod.map { t.pods[$0].name } ?? "none"))"
                // The score weighs the share of the whole VLAN: say it where other workloads
                // share the VLAN, so the figures in the message give the score.
                let vlanTotal = roundHalfUp(vlanEndpoints)
                let ofVLAN = vlanTotal > roundHalfUp(total) ? " (\(Int((share * 100).rounded()))% of the VLAN's \(vlanTotal) endpoints)" : ""
                let message = "\(rounded) of \(roundHalfUp(total)) endpoints of workload \(workload.name) on \(context.vlanLabel(v)) "
                    + "in \(context.list(context.siteNames(Array(hostSites)))) reach their nearest gateway \(gateway.name) \(distance)\(ofVLAN)"
                findings.append(descriptor.finding(
                    score: Self.score(share: share, rtt: worst.rtt.value, criticalRTT: context.pack.criticalRTTms), message: message,
                    subject: Subject(kind: "workload", name: workload.name), location: workload.location,
                    context: [("vlan", .string(t.vlans[v].name)), ("gateway", .string(gateway.name)),
                              ("rtt_ms", JSONValue.rtt(worst.rtt)), ("endpoints", .int(rounded)),
                              ("share", .double((share * 1000).rounded() / 1000))],
                    identity: ["vlan"]))
            }
        }
        return findings
    }
}
