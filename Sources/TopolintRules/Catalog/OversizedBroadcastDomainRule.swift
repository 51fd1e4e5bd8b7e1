#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TopolintCore
import TopolintAnalysis

/// TL100: a broadcast domain with more endpoints or switches than the pack allows.
public struct OversizedBroadcastDomainRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL100", name: "oversized-broadcast-domain",
        summary: "A broadcast domain holds more endpoints or switches than the limit.",
        rationale: """
        Every broadcast, ARP request and unknown-unicast flood reaches every endpoint and crosses \
        every switch of the domain. Large layer-2 domains raise the background load on every host, \
        make a loop or a broadcast storm hit more of the data center, and widen what one worm or \
        misbehaving NIC can reach. RFC 6820 (address resolution problems in large data center \
        networks) and RFC 7364 (problem statement for overlays) describe the costs; the limits are \
        design guidance set in the rule pack (max_endpoints, max_switches), not vendor maxima.
        """,
        trigger: "endpoints > max_endpoints (default 1000) or switches > max_switches (default 64) in one broadcast domain.",
        scoreFormula: """
        r = the worse of endpoints/max_endpoints and switches/max_switches (r > 1). \
        1 < r < 2: 4.0 + 3.0·log2(r) (medium); 2 ≤ r < 4: 7.0 + 2.0·(log2(r) − 1) (high); \
        r ≥ 4: 9.0 + 0.5·(log2(r) − 2), at most 10 (critical).
        """,
        fix: "split the VLAN: give each pod or rack group its own VLAN and subnet and route between them",
        defaultSeverity: .medium, subjectKind: "vlan",
        failingExample: """
        topology: big-l2
        version: 1
        sites: {dc1: {}}
        pods: {p1: {site: dc1}}
        racks: {r1: {pod: p1}}
        switches: {tor1: {rack: r1, vlans: [web]}}
        vlans: {web: {id: 100}}
        #       ^ TL100
        clusters:
          c1: {vlans: [web], hosts: {"esx[1:4]": {rack: r1, uplinks: [tor1]}}}
        workloads:
          farm: {cluster: c1, vlans: [web], count: 1500}   # 1500 endpoints > 1000
        """,
        passingExample: """
        topology: small-l2
        version: 1
        sites: {dc1: {}}
        pods: {p1: {site: dc1}}
        racks: {r1: {pod: p1}}
        switches: {tor1: {rack: r1, vlans: [web]}}
        vlans: {web: {id: 100}}
        clusters:
          c1: {vlans: [web], hosts: {"esx[1:4]": {rack: r1, uplinks: [tor1]}}}
        workloads:
          farm: {cluster: c1, vlans: [web], count: 800}
        """,
        // `switch` only labels the domain (its first switch by name): no cause to group by.
        causeKeys: [])

    public static func score(ratio r: Double) -> Double {
        let l = log2(max(r, 1))
        if r < 2 { return 4.0 + 3.0 * l }
        if r < 4 { return 7.0 + 2.0 * (l - 1) }
        return min(10, 9.0 + 0.5 * (l - 2))
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology, pack = context.pack
        var findings: [Finding] = []
        for domain in context.analysis.domains {
            let endpoints = domain.endpoints, switches = domain.switches.count
            guard endpoints > pack.maxEndpoints || switches > pack.maxSwitches else { continue }
            let ratio = max(endpoints / pack.maxEndpoints, Double(switches) / Double(pack.maxSwitches))
            let vlan = t.vlans[domain.vlan]
            let first = t.switches[domain.firstSwitch].name
            var over: [String] = []
            if endpoints > pack.maxEndpoints { over.append("\(Self.endpointsOver(endpoints, limit: pack.maxEndpoints)) endpoints (limit \(JSONValue.format(pack.maxEndpoints)))") }
            if switches > pack.maxSwitches { over.append("\(switches) switches (limit \(pack.maxSwitches))") }
            let message = "\(context.vlanLabel(domain.vlan)) has a broadcast domain of \(over.joined(separator: " and ")), "
                // The first switch by name tells the VLAN's domains apart; it is no cause.
                + "\(counted(domain.hostCount, "host")) in \(counted(domain.racks.count, "rack")) "
                + "(\(Self.oneDecimal(ratio))× the limit; the domain holding switch \(first))"
            findings.append(Self.identified(descriptor.finding(
                score: Self.score(ratio: ratio), message: message,
                subject: Subject(kind: "vlan", name: vlan.name), location: vlan.location,
                context: [("switch", .string(first)), ("switches", .int(switches)),
                          ("endpoints", .int(domain.roundedEndpoints)), ("ratio", .double((ratio * 100).rounded() / 100))],
                identity: ["switch"]), domains: context.analysis.domains(ofVLAN: domain.vlan).count))
        }
        return findings
    }

    /// `value` with one decimal, as C's printf("%.1f") writes it.
    static func oneDecimal(_ value: Double) -> String { decimals(value, 1) }

    /// `value` with `digits` decimals, as C's printf("%.*f") writes it.
    static func decimals(_ value: Double, _ digits: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([Int32(digits), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Endpoints past the limit, as a whole number when that is still past it; otherwise
    /// with the fewest decimals that show the excess (1000.3 for 1000⅓ over 1000), so the
    /// message never reads "1000 endpoints (limit 1000)".
    public static func endpointsOver(_ endpoints: Double, limit: Double) -> String {
        let rounded = roundHalfUp(endpoints)
        if Double(rounded) > limit { return "\(rounded)" }
        for digits in 1...3 {
            let shown = decimals(endpoints, digits)
            if let value = Double(shown), value > limit { return shown }
        }
        return "just over \(JSONValue.format(limit))"
    }
}
