/// Sizes of generated topologies.
public enum GeneratorProfile: String, CaseIterable, Sendable {
    /// Three sites, seven pods, about five hundred hosts.
    case small
    /// Three sites, seven pods, about four thousand hosts.
    case medium
    /// Three sites, 38 pods, about 40,000 hosts: a quarter of `hyperscale`.
    case large
    /// Four sites, 152 pods, about 8,000 switches, 160,000 hosts, 4,000 VLANs,
    /// 20,000 workloads and 2 million VMs.
    case hyperscale
}

/// What to generate.
public struct GeneratorOptions: Sendable {
    public var profile: GeneratorProfile
    public var seed: UInt64
    /// Write every entity and link by plain name (no range patterns, no placeholders).
    public var expanded: Bool
    /// Add problems that scale with the design (one per workload and one per cluster), so a
    /// lint reports tens of thousands of findings at the hyperscale size: the report writers
    /// then do as much work as the analysis. The entity counts stay the same.
    public var findingsHeavy: Bool

    public init(profile: GeneratorProfile = .small, seed: UInt64 = 1, expanded: Bool = false,
                findingsHeavy: Bool = false) {
        self.profile = profile
        self.seed = seed
        self.expanded = expanded
        self.findingsHeavy = findingsHeavy
    }
}

/// A deterministic generator of valid, realistic topology files (format version 1).
///
/// The same options always give the same bytes. The topology is a leaf-spine design over
/// several sites with a mix of clean parts and deliberate design problems, so that every
/// design rule has something to report; the pattern form and the expanded form describe
/// the same entities.
public enum TopologyGenerator {
    /// Streams the YAML text in chunks to `write`; the whole file is never held in memory.
    public static func generate(_ options: GeneratorOptions, write: (String) -> Void) {
        let plan = TopologyPlan(options)
        withoutActuallyEscaping(write) { sink in
            var emitter = YAMLEmitter(plan: plan, expanded: options.expanded, sink: sink)
            emitter.run()
        }
    }

    /// The numbers of entities that `generate` writes for `options` (the same for both forms).
    public static func expectedCounts(_ options: GeneratorOptions)
        -> (sites: Int, switches: Int, hosts: Int, vlans: Int, workloads: Int)
    {
        let plan = TopologyPlan(options)
        return (plan.sites.count, plan.switchCount, plan.hostCount, plan.vlans.count, plan.workloadCount)
    }

    /// The total number of VMs (the sum of the workloads' `count`).
    public static func expectedVMCount(_ options: GeneratorOptions) -> Int {
        TopologyPlan(options).vmCount
    }
}
