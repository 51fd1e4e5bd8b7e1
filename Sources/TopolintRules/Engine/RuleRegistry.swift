import TopolintCore

/// The one place rules are registered. Order is the catalog's order.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        OversizedBroadcastDomainRule(),
        StretchedVLANRule(),
        PartitionedVLANRule(),
        VLANIDCollisionRule(),
        CrossClusterMigrationRule(),
        MigrationVLANMissingRule(),
        MigrationRTTExceededRule(),
        ClusterSizeLimitRule(),
        MigrationPlatformMismatchRule(),
        GatewayTromboneRule(),
        MigrationTromboneRule(),
        NoGatewayRule(),
        GatewayVLANMissingRule(),
        ZoneSharedHostRule(),
        WorkloadVLANMissingRule(),
        HostVLANUnreachableRule(),
        UnusedIgnoreRule(),
    ]

    public static var descriptors: [RuleDescriptor] { all.map(\.descriptor) }

    /// A rule by id (`TL200`, any case) or name (`stretched-vlan`).
    public static func rule(named text: String) -> (any Rule)? {
        all.first { $0.descriptor.id.equalsIgnoringCase(text) || $0.descriptor.name == text }
    }

    public static func id(for text: String) -> String? { rule(named: text)?.descriptor.id }

    /// Every id and name, for "did you mean" and for validating `ignore` keys.
    public static var acceptedNames: [String] { all.flatMap { [$0.descriptor.id, $0.descriptor.name] } }
}

extension String {
    /// Named apart from Foundation's `caseInsensitiveCompare`, which returns an ordering.
    func equalsIgnoringCase(_ other: String) -> Bool { lowercased() == other.lowercased() }
}

extension RuleDescriptor {
    /// A finding of this rule with its fix hint.
    func finding(score: Double, message: String, subject: Subject, location: SourceLocation,
                 context: [(String, JSONValue)], identity: [String] = []) -> Finding {
        Finding(ruleID: id, ruleName: name, score: score, message: message, fix: fix, subject: subject,
                location: location, context: context, identity: identity)
    }
}
