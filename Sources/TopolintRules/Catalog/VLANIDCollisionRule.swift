import TopolintCore
import TopolintAnalysis

/// TL220: two VLANs with one 802.1Q id meet on a switch.
public struct VLANIDCollisionRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL220", name: "vlan-id-collision",
        summary: "Two VLANs with the same id are carried by one switch, so on the wire they are one VLAN.",
        rationale: """
        A switch knows VLANs by their 802.1Q id, not by the names in a design. Two VLANs that reuse \
        an id may coexist in different places, but where one switch carries both they merge into one \
        segment: two subnets and two zones share a broadcast domain, which breaks isolation and \
        addressing at once.
        """,
        trigger: "two VLANs share an id and at least one switch carries both; reported on the later VLAN by name, once per pair.",
        scoreFormula: """
        high: 7.0 + 1.9·min(1, (switches carrying both − 1)/8); critical when both VLANs have \
        endpoints: 9.0 + 1.0·min(1, (switches − 1)/8).
        """,
        fix: "give one of the VLANs another id, or keep the two off the same switches",
        defaultSeverity: .high, subjectKind: "vlan",
        failingExample: """
        topology: collide
        version: 1
        sites: {dc1: {}}
        switches: {core: {site: dc1, vlans: [blue, green]}}
        vlans: {blue: {id: 100}, green: {id: 100}}
        #                        ^ TL220
        """,
        passingExample: """
        topology: apart
        version: 1
        sites: {dc1: {}, dc2: {}}
        switches: {core1: {site: dc1, vlans: [blue]}, core2: {site: dc2, vlans: [green]}}
        vlans: {blue: {id: 100}, green: {id: 100}}
        """)

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology, analysis = context.analysis
        var byID: [Int: [Int]] = [:]
        for (v, vlan) in t.vlans.enumerated() { byID[vlan.id, default: []].append(v) }
        var findings: [Finding] = []
        for (id, group) in byID.sorted(by: { $0.key < $1.key }) where group.count >= 2 {
            let sorted = group.sorted { t.vlans[$0].name < t.vlans[$1].name }
            for (i, a) in sorted.enumerated() {
                for b in sorted[(i + 1)...] {
                    // Switches carrying a that also carry b: walk a's domains only.
                    var shared: [Int] = []
                    for d in analysis.domains(ofVLAN: a) {
                        for s in d.switches where analysis.carries(switch: Int(s), vlan: b) { shared.append(Int(s)) }
                    }
                    guard !shared.isEmpty else { continue }
                    let bothHaveEndpoints = [a, b].allSatisfy { v in analysis.domains(ofVLAN: v).contains { $0.endpoints > 0 } }
                    let spread = Double(shared.count - 1) / 8
                    let score = bothHaveEndpoints ? Band.within(.critical, spread) : Band.within(.high, spread)
                    let names = shared.map { t.switches[$0].name }.sorted()
                    let later = t.vlans[b], earlier = t.vlans[a]
                    let message = "VLAN \(later.name) and VLAN \(earlier.name) both use id \(id) and meet on \(shared.count) switch\(shared.count == 1 ? "" : "es") "
                        + "(\(context.list(names))), where they are one segment"
                    findings.append(descriptor.finding(
                        score: score, message: message, subject: Subject(kind: "vlan", name: later.name), location: later.location,
                        context: [("id", .int(id)), ("other", .string(earlier.name)), ("switches", .int(shared.count))],
                        identity: ["other"]))
                }
            }
        }
        return findings
    }
}
