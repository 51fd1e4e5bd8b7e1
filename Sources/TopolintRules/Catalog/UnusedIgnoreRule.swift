import TopolintCore
import TopolintModel

/// TL900: an `ignore` entry that suppressed nothing. Run by the engine after the others.
public struct UnusedIgnoreRule: Rule {
    public static let id = "TL900"
    public init() {}

    public let descriptor = RuleDescriptor(
        id: UnusedIgnoreRule.id, name: "unused-ignore",
        summary: "An ignore entry suppressed no finding.",
        rationale: """
        An ignore that no longer matches anything is a stale exception: the design changed, or the \
        rule name is on the wrong entity. Left in place it would silently hide the next real \
        finding of that rule on that entity.
        """,
        trigger: "an ignore entry (rule id or name on an entity) matched no finding of that rule on that entity.",
        scoreFormula: "low: 2.0.",
        fix: "remove the ignore entry, or move it to the entity the finding is about",
        defaultSeverity: .low, subjectKind: "any",
        failingExample: """
        topology: one-pod
        version: 1
        sites: {dc1: {}}
        pods: {p1: {site: dc1}}
        racks: {"r[1:2]": {pod: p1}}
        switches:
          "tor[1:2]": {rack: "r{1}", vlans: [web]}
        links: [{between: [tor1, tor2]}]
        vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: tor1, ignore: {stretched-vlan: "accepted"}}}
        #       ^ TL900
        clusters:
          a: {platform: vsphere-7.0, vlans: [web], hosts: {"a-esx[1:4]": {rack: r1, uplinks: [tor1]}}}
          b: {platform: vsphere-7.0, vlans: [web], hosts: {"b-esx[1:4]": {rack: r2, uplinks: [tor2]}}}
        workloads: {shop: {cluster: a, vlans: [web], count: 40}}
        """,
        passingExample: MigrationExamples.onePod)

    /// Findings come from the engine, which alone knows which ignores were used.
    public func check(_ context: RuleContext) -> [Finding] { [] }

    static func finding(for entry: IgnoreEntry, context: RuleContext) -> Finding {
        let rule = RuleRegistry.rule(named: entry.rule)?.descriptor
        let label = rule.map { "\($0.id) \($0.name)" } ?? entry.rule
        let message = "ignore of \(label) on \(entry.subject.kind.replacing("_", with: " ")) \(entry.subject.name) suppressed nothing (reason given: \"\(entry.reason)\")"
        return UnusedIgnoreRule().descriptor.finding(
            score: 2.0, message: message, subject: entry.subject, location: entry.subjectLocation,
            context: [("rule", .string(rule?.id ?? entry.rule))], identity: ["rule"])
    }
}
