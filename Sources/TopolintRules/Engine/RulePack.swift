import TopolintAnalysis

/// A hypervisor release and the limits it puts on a cluster and on live migration.
/// A nil figure means no limit.
public struct Platform: Sendable, Equatable {
    public var name: String
    public var family: String?
    public var maxHosts: Int?
    public var maxMigrationRTTms: Double?
    /// The round trip between the sites of one stretched cluster that the platform supports.
    public var maxStretchedRTTms: Double?
    public var source: String

    public init(name: String, family: String?, maxHosts: Int?, maxMigrationRTTms: Double?, maxStretchedRTTms: Double? = nil, source: String) {
        self.name = name
        self.family = family
        self.maxHosts = maxHosts
        self.maxMigrationRTTms = maxMigrationRTTms
        self.maxStretchedRTTms = maxStretchedRTTms
        self.source = source
    }
}

/// Whether a rule runs and how its score is weighted.
public struct RuleSetting: Sendable, Equatable {
    public var enabled: Bool
    public var weight: Double

    public init(enabled: Bool = true, weight: Double = 1.0) {
        self.enabled = enabled
        self.weight = weight
    }
}

/// Thresholds, rule settings and the platform table: everything a rule's trigger and score
/// read. Its default figures are written once, in rules/default.yaml.
public struct RulePack: Sendable, Equatable {
    public var name: String
    public var maxEndpoints: Double
    public var maxSwitches: Int
    public var maxScope: Scope
    public var criticalRTTms: Double
    public var assumedRTTms: Double
    /// `.site`: a trombone is a nearest gateway in another site; `.pod`: in another pod.
    public var tromboneScope: TromboneScope
    public var rules: [String: RuleSetting]
    public var platforms: [String: Platform]

    public enum TromboneScope: String, Sendable, CaseIterable {
        case site, pod
    }

    public init(name: String, maxEndpoints: Double, maxSwitches: Int, maxScope: Scope, criticalRTTms: Double,
                assumedRTTms: Double, tromboneScope: TromboneScope, rules: [String: RuleSetting], platforms: [String: Platform]) {
        self.name = name
        self.maxEndpoints = maxEndpoints
        self.maxSwitches = maxSwitches
        self.maxScope = maxScope
        self.criticalRTTms = criticalRTTms
        self.assumedRTTms = assumedRTTms
        self.tromboneScope = tromboneScope
        self.rules = rules
        self.platforms = platforms
    }

    public func setting(_ id: String) -> RuleSetting { rules[id] ?? RuleSetting() }

    /// The platform of a cluster; `generic` (no limits) when the table lacks it.
    public func platform(_ name: String) -> Platform {
        platforms[name] ?? Platform(name: name, family: nil, maxHosts: nil, maxMigrationRTTms: nil, source: "no limits")
    }
}
