import TopolintCore
import TopolintAnalysis

/// TL200: a broadcast domain reaching wider than the pack's max_scope.
public struct StretchedVLANRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL200", name: "stretched-vlan",
        summary: "A VLAN is bridged wider than the allowed scope (by default: across pods or sites).",
        rationale: """
        A VLAN stretched across pods joins their failure domains: a loop, a storm or a spanning-tree \
        event in one reaches the other. Stretched across sites, it carries flooding and its failure \
        domain over the data-center interconnect, and its hosts keep one default gateway that most of \
        them reach over the DCI (see gateway-trombone). Long-distance layer 2 is usually built so VMs \
        can live-migrate and keep their addresses; routing between sites avoids all of it.
        """,
        trigger: "the broadcast domain's scope (rack < pod < site < multi-site) is wider than max_scope (default pod).",
        scoreFormula: """
        scope pod (when max_scope is rack): 0.1 + 3.8·min(1, (racks − 1)/16) (low). \
        scope site: 4.0 + 2.9·min(1, (pods − 1)/8) (medium, rising with the pods). \
        multi-site, largest RTT between its sites below critical_rtt_ms (10): \
        7.0 + 1.9·min(1, 0.25·(sites − 2) + RTT/critical_rtt_ms) (high); at or above critical_rtt_ms: \
        9.0 + 1.0·min(1, 0.25·(sites − 2) + (RTT − critical_rtt_ms)/(4·critical_rtt_ms)) (critical). \
        An unknown RTT counts as assumed_rtt_ms.
        """,
        fix: "route between the sites (or pods), or give each its own VLAN and subnet; if VMs must move, use an overlay with a distributed gateway (a VXLAN segment with an anycast gateway is told instead to stretch its VNI only where workloads need it)",
        defaultSeverity: .high, subjectKind: "vlan",
        failingExample: """
        topology: metro
        version: 1
        sites: {fra1: {}, ams1: {}}
        site_links: [{between: [fra1, ams1], rtt_ms: 8}]
        pods: {fra1-p1: {site: fra1}, ams1-p1: {site: ams1}}
        switches:
          fra1-core: {pod: fra1-p1, role: core, vlans: [web]}
          ams1-core: {pod: ams1-p1, role: core, vlans: [web]}
        links:
          - {between: [fra1-core, ams1-core], vlans: [web]}   # web bridged over the DCI
        vlans: {web: {id: 100, gateway: fra1-core}}
        #       ^ TL200
        """,
        passingExample: """
        topology: metro-routed
        version: 1
        sites: {fra1: {}, ams1: {}}
        site_links: [{between: [fra1, ams1], rtt_ms: 8}]
        pods: {fra1-p1: {site: fra1}, ams1-p1: {site: ams1}}
        switches:
          fra1-core: {pod: fra1-p1, role: core, vlans: [web]}
          ams1-core: {pod: ams1-p1, role: core, vlans: [web-ams]}
        links:
          - {between: [fra1-core, ams1-core], mode: routed}
        vlans:
          web: {id: 100, gateway: fra1-core}
          web-ams: {id: 101, gateway: ams1-core}
        """,
        // `switch` only labels the domain (its first switch by name): no cause to group by.
        causeKeys: [])

    public static func score(scope: Scope, racks: Int, pods: Int, sites: Int, rtt: Double, criticalRTT: Double) -> Double {
        switch scope {
        case .rack: return 0
        case .pod: return Band.within(.low, Double(racks - 1) / 16)
        case .site: return Band.within(.medium, Double(pods - 1) / 8)
        case .multiSite:
            let spread = 0.25 * Double(sites - 2)
            if rtt < criticalRTT { return Band.within(.high, spread + rtt / criticalRTT) }
            return Band.within(.critical, spread + (rtt - criticalRTT) / (4 * criticalRTT))
        }
    }

    static let overlayFix = "the VXLAN overlay and its anycast gateway already keep routing local: stretch the VNI only to the pods or sites whose workloads need it (route targets, VNI pruning), or accept the stretch with an ignore that says why"

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        var findings: [Finding] = []
        for domain in context.analysis.domains where domain.scope > context.pack.maxScope {
            let vlan = t.vlans[domain.vlan]
            var worst: (value: Double, known: Bool)? = nil
            var someUnknown = false
            for (i, a) in domain.sites.enumerated() {
                for b in domain.sites[(i + 1)...] {
                    let r = context.rtt(a, b)
                    if !r.known { someUnknown = true }
                    if worst == nil || r.value > worst!.value || (r.value == worst!.value && !r.known) { worst = r }
                }
            }
            let first = t.switches[domain.firstSwitch].name
            let size = "\(counted(domain.switches.count, "switch", "switches")), \(counted(domain.hostCount, "host")), \(counted(domain.roundedEndpoints, "endpoint"))"
            let message: String
            switch domain.scope {
            case .multiSite:
                message = "\(context.vlanLabel(domain.vlan)) is bridged across \(domain.sites.count) sites (\(context.list(context.siteNames(domain.sites)))), "
                    + "\(worst!.known ? "\(context.formatMs(worst!.value)) ms apart" : "with \(context.describeRTT(worst!))")"
                    // The worst known figure is above the assumed one: still say a pair has none.
                    + (worst!.known && someUnknown ? " where known (no site_links path joins some of them)" : "") + ": \(size)"
            case .site:
                message = "\(context.vlanLabel(domain.vlan)) is bridged across \(domain.pods.count) pods of site \(t.sites[domain.sites[0]].name): \(size)"
            default:
                message = "\(context.vlanLabel(domain.vlan)) is bridged across \(domain.racks.count) racks: \(size)"
            }
            let score = Self.score(scope: domain.scope, racks: domain.racks.count, pods: domain.pods.count, sites: domain.sites.count,
                                   rtt: worst?.value ?? 0, criticalRTT: context.pack.criticalRTTms)
            let maxRTT: JSONValue = domain.scope == .multiSite ? JSONValue.rtt(worst!) : .null
            var finding = Self.identified(descriptor.finding(
                score: score, message: message,
                subject: Subject(kind: "vlan", name: vlan.name), location: vlan.location,
                context: [("scope", .string(domain.scope.rawValue)), ("sites", .strings(context.siteNames(domain.sites))),
                          ("pods", .int(domain.pods.count)), ("max_rtt_ms", maxRTT), ("switch", .string(first)),
                          ("racks", .int(domain.racks.count)), ("endpoints", .int(domain.roundedEndpoints))],
                identity: ["switch"]), domains: context.analysis.domains(ofVLAN: domain.vlan).count)
            // A VXLAN segment with an anycast gateway already routes locally: the fix the
            // rule names (an overlay with a distributed gateway) is what it has.
            if vlan.vni != nil, case .anycast? = vlan.gateway { finding.fix = Self.overlayFix }
            findings.append(finding)
        }
        return findings
    }
}
