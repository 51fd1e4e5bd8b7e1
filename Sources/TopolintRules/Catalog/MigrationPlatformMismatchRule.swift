import TopolintCore

/// TL304: a migration domain mixing hypervisor families.
public struct MigrationPlatformMismatchRule: Rule {
    public init() {}
    public var readsMigrationDomains: Bool { true }

    public let descriptor = RuleDescriptor(
        id: "TL304", name: "migration-platform-mismatch",
        summary: "A migration domain joins clusters of different hypervisor families.",
        rationale: """
        Live migration works only between hosts of one hypervisor family (vMotion between vSphere \
        hosts, live migration between Hyper-V hosts). A domain that mixes families promises moves \
        that cannot happen, and the VLANs stretched for it buy nothing.
        """,
        trigger: "the clusters of a migration domain have two or more platform families (clusters without a family, such as generic, are not compared).",
        scoreFormula: "high: 7.0 + 1.9·min(1, 0.5 + (families − 2)/4).",
        fix: "split the domain by platform family, or migrate the clusters to one platform first",
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
          dr-b: {platform: hyperv-2022, vlans: [web], hosts: {"ams1-esx[1:4]": {rack: ams1-r1, uplinks: [ams1-tor]}}}
        workloads: {shop: {cluster: prod-a, vlans: [web], count: 40}}
        migration_domains: {metro: {clusters: [prod-a, dr-b]}}
        #                   ^ TL304
        """,
        passingExample: MigrationExamples.twoSites + "\nmigration_domains: {metro: {clusters: [prod-a, dr-b]}}\n")

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        return t.migrationDomains.compactMap { domain in
            var families: [String: [String]] = [:]
            for c in domain.clusters {
                let platform = context.pack.platform(t.clusters[c].platform)
                if let family = platform.family { families[family, default: []].append(platform.name) }
            }
            guard families.count >= 2 else { return nil }
            let platforms = Array(Set(families.values.flatMap { $0 })).sorted()
            let message = "migration domain \(domain.name) mixes \(families.count) platform families "
                + "(\(families.keys.sorted().joined(separator: ", ")): \(platforms.joined(separator: ", "))); VMs cannot live-migrate between them"
            return descriptor.finding(
                score: Band.within(.high, 0.5 + Double(families.count - 2) / 4), message: message,
                subject: Subject(kind: "migration_domain", name: domain.name), location: domain.location,
                context: [("platforms", .strings(platforms)), ("families", .strings(families.keys.sorted()))])
        }
    }
}

