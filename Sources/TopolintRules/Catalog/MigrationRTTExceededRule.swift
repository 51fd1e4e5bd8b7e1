import TopolintCore
import TopolintModel

/// TL302: a migration domain spanning sites farther apart than its platforms support.
public struct MigrationRTTExceededRule: Rule {
    public init() {}
    public var readsMigrationDomains: Bool { true }

    public let descriptor = RuleDescriptor(
        id: "TL302", name: "migration-rtt-exceeded",
        summary: "A migration domain spans sites whose round trip exceeds what its platforms support for live migration.",
        rationale: """
        Live migration copies memory while the VM runs and needs the round trip between source and \
        target to stay under the platform's supported limit (vSphere 4.1: 5 ms; long-distance \
        vMotion from vSphere 6.0: 150 ms; the figures and sources are in the rule pack). Beyond it \
        migrations fail or stall, or are simply unsupported.
        """,
        trigger: "the RTT between two sites of the domain's clusters (the two sites of one stretched cluster included) exceeds the smallest max_migration_rtt_ms of the platforms of the clusters there; reported once per domain, for the worst pair.",
        scoreFormula: "x = RTT / limit (> 1). x < 2: 7.0 + 1.9·(x − 1) (high); x ≥ 2: 9.0 + 1.0·min(1, (x − 2)/2) (critical). An unknown RTT counts as assumed_rtt_ms.",
        fix: "keep the domain within sites closer than the limit, or move to a platform release that supports the distance",
        defaultSeverity: .high, subjectKind: "migration_domain",
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
        workloads: {shop: {cluster: prod-a, vlans: [web], count: 40}}
        migration_domains: {metro: {clusters: [prod-a, dr-b]}}
        #                   ^ TL302
        """,
        passingExample: MigrationExamples.twoSites.replacing("rtt_ms: 8", with: "rtt_ms: 2")
            + "\nmigration_domains: {metro: {clusters: [prod-a, dr-b]}}\n")

    public static func score(ratio x: Double) -> Double {
        x < 2 ? Band.within(.high, x - 1) : Band.within(.critical, (x - 2) / 2)
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        return t.migrationDomains.compactMap { domain in
            // Each site of the domain with the tightest limit among the clusters there.
            var limits: [Int: Double] = [:]
            var limitSet = Set<Int>()
            for c in domain.clusters {
                let limit = context.pack.platform(t.clusters[c].platform).maxMigrationRTTms
                for site in context.sites(ofCluster: c) {
                    if let limit { limits[site] = min(limits[site] ?? .infinity, limit); limitSet.insert(site) }
                    else if limits[site] == nil { limits[site] = .infinity }
                }
            }
            let sites = limits.keys.sorted()
            var worst: (ratio: Double, rtt: (value: Double, known: Bool), limit: Double, a: Int, b: Int)?
            for (i, a) in sites.enumerated() {
                for b in sites[(i + 1)...] {
                    let limit = min(limits[a]!, limits[b]!)
                    guard limit.isFinite else { continue }
                    let rtt = context.rtt(a, b)
                    guard rtt.value > limit else { continue }
                    let ratio = limit > 0 ? rtt.value / limit : .infinity
                    if worst == nil || ratio > worst!.ratio { worst = (ratio, rtt, limit, a, b) }
                }
            }
            guard let worst else { return nil }
            let pair = context.siteNames([worst.a, worst.b])
            let message = "migration domain \(domain.name) spans sites \(pair.joined(separator: " and ")) with \(context.describeRTT(worst.rtt)) round trip, "
                + "over the \(context.formatMs(worst.limit)) ms live-migration limit of its platforms"
            return descriptor.finding(
                score: Self.score(ratio: worst.ratio), message: message,
                subject: Subject(kind: "migration_domain", name: domain.name), location: domain.location,
                context: [("rtt_ms", JSONValue.rtt(worst.rtt)), ("limit_ms", .double(worst.limit)), ("sites", .strings(pair))])
        }
    }
}
