import TopolintCore

/// The keys the topology format accepts, per mapping: one table that the loader checks
/// unknown and missing keys against and that `topolint schema` turns into JSON Schema, so
/// the two cannot drift.
public enum FieldType: Sendable, Equatable {
    case string
    case number(minimum: Double?)
    case integer(minimum: Int, maximum: Int)
    case boolean
    case oneOf([String])
    /// A reference to one entity of the kind (name or pattern standing for one name).
    case reference(String)
    /// A list of references (names or patterns), or one reference.
    case references(String)
    /// A VLAN list: names, or YAML integers naming a VLAN by id.
    case vlanList
    /// A VLAN list or the word `all`.
    case vlanListOrAll
    case cidr
    case gateway
    case stringList
    case ignore
    /// A mapping of named entities of the kind.
    case entities(String)
    /// A list of entries of the kind (site links, links).
    case entries(String)
    /// Exactly `[A, B]`: two references of the kind.
    case pair(String)
}

public struct FieldSpec: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var summary: String
    /// The value an absent key stands for, where one value does (for the JSON Schema's
    /// `default`, which editors offer when completing).
    public var defaultValue: JSONValue?

    init(_ name: String, _ type: FieldType, required: Bool = false, default defaultValue: JSONValue? = nil, _ summary: String) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
        self.defaultValue = defaultValue
    }
}

/// A class, not a struct: the loader hands the spec of a kind to every entry it reads, and
/// copying a struct of arrays and strings cost a retain and a release of each, per entry.
public final class EntitySpec: Sendable {
    /// The subject kind (one of those listed in docs/report.md#3-the-json-of-lint), e.g. `switch`, or `topology` for the top level.
    public let kind: String
    public let fields: [FieldSpec]
    /// Whether its names may be range patterns.
    public let patternKeys: Bool
    public let summary: String

    init(kind: String, fields: [FieldSpec], patternKeys: Bool, summary: String) {
        self.kind = kind
        self.fields = fields
        self.patternKeys = patternKeys
        self.summary = summary
        self.fieldBytes = fields.map { Array($0.name.utf8) }
        self.heads = fieldBytes.map { bytes in bytes.withUnsafeBufferPointer { (bytes.count, headWord($0)) } }
    }

    public var keyNames: [String] { fields.map(\.name) }
    /// The field names as bytes, for comparing keys without making Strings.
    let fieldBytes: [[UInt8]]
    /// Each field name's length and first eight bytes as one word: most keys are told apart
    /// by these alone, without a byte loop.
    private let heads: [(length: Int, head: UInt64)]

    /// The position in `fields` of the field spelt by `bytes`.
    func position(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let length = bytes.count, head = headWord(bytes)
        for i in heads.indices where heads[i].length == length && heads[i].head == head {
            if length <= 8 || fieldBytes[i].withUnsafeBufferPointer({ bytesEqual($0, bytes) }) { return i }
        }
        return nil
    }
    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}

public enum FormatSchema {
    /// Accepted on every entity.
    static let common: [FieldSpec] = [
        FieldSpec("description", .string, "free text"),
        FieldSpec("tags", .stringList, "a list of labels"),
        FieldSpec("ignore", .ignore, "rule id or name -> reason: findings of that rule on this entity are suppressed"),
    ]

    public static let topLevel = EntitySpec(kind: "topology", fields: [
        FieldSpec("topology", .string, required: true, "the design's name"),
        FieldSpec("version", .integer(minimum: 1, maximum: 1), required: true, "format version, must be 1"),
        FieldSpec("description", .string, "free text"),
        FieldSpec("sites", .entities("site"), "data centers"),
        FieldSpec("site_links", .entries("site_link"), "inter-site connectivity (DCI) with round-trip times"),
        FieldSpec("pods", .entities("pod"), "pods, each in a site"),
        FieldSpec("racks", .entities("rack"), "racks, each in a pod or site"),
        FieldSpec("switches", .entities("switch"), "switches with their location, role and VLANs"),
        FieldSpec("links", .entries("link"), "links between switches"),
        FieldSpec("vlans", .entities("vlan"), "VLANs with id, subnet, zone, VNI and gateway"),
        FieldSpec("zones", .entities("zone"), "security zones"),
        FieldSpec("clusters", .entities("cluster"), "hypervisor clusters and their hosts"),
        FieldSpec("workloads", .entities("workload"), "groups of VMs placed on a cluster"),
        FieldSpec("migration_domains", .entities("migration_domain"), "sets of clusters VMs may live-migrate between"),
    ], patternKeys: false, summary: "a topology file")

    public static let entities: [EntitySpec] = [
        EntitySpec(kind: "site", fields: common, patternKeys: true, summary: "a data center"),
        EntitySpec(kind: "site_link", fields: [
            FieldSpec("between", .pair("site"), required: true, "two distinct site names"),
            FieldSpec("rtt_ms", .number(minimum: 0), required: true, "round-trip time in milliseconds"),
            FieldSpec("bandwidth_gbps", .number(minimum: 0), "capacity in Gbit/s"),
        ] + common, patternKeys: false, summary: "an inter-site link"),
        EntitySpec(kind: "pod", fields: [
            FieldSpec("site", .reference("site"), required: true, "the pod's site"),
        ] + common, patternKeys: true, summary: "a pod"),
        EntitySpec(kind: "rack", fields: [
            FieldSpec("pod", .reference("pod"), "the rack's pod (the site follows from it)"),
            FieldSpec("site", .reference("site"), "the rack's site, when it has no pod"),
        ] + common, patternKeys: true, summary: "a rack (needs pod or site)"),
        EntitySpec(kind: "switch", fields: [
            FieldSpec("rack", .reference("rack"), "the switch's rack"),
            FieldSpec("pod", .reference("pod"), "the switch's pod"),
            FieldSpec("site", .reference("site"), "the switch's site"),
            FieldSpec("role", .oneOf(SwitchRole.allCases.map(\.rawValue)), default: .string("access"), "role in the fabric (default access)"),
            FieldSpec("vlans", .vlanListOrAll, "VLANs the switch carries, or all (default none)"),
            FieldSpec("vtep", .boolean, default: .bool(false), "a VXLAN tunnel endpoint (default false)"),
        ] + common, patternKeys: true, summary: "a switch (needs rack, pod or site)"),
        EntitySpec(kind: "link", fields: [
            FieldSpec("between", .pair("switch"), required: true, "two switch references"),
            FieldSpec("mode", .oneOf(LinkMode.allCases.map(\.rawValue)), default: .string("trunk"), "trunk (default) or routed"),
            FieldSpec("vlans", .vlanListOrAll, default: .string("all"), "VLANs allowed on a trunk (default all)"),
        ] + common, patternKeys: false, summary: "a link between switches"),
        EntitySpec(kind: "vlan", fields: [
            FieldSpec("id", .integer(minimum: 1, maximum: 4094), required: true, "802.1Q VLAN id"),
            FieldSpec("subnet", .cidr, "IPv4 or IPv6 prefix"),
            FieldSpec("zone", .reference("zone"), "security zone"),
            FieldSpec("vni", .integer(minimum: 1, maximum: 16_777_215), "VXLAN network identifier"),
            FieldSpec("gateway", .gateway, "default gateway: a switch, {active, standby} or {anycast}"),
        ] + common, patternKeys: false, summary: "a VLAN"),
        EntitySpec(kind: "zone", fields: [
            FieldSpec("shared_hosts", .boolean, default: .bool(true), "whether hosts may carry this zone's VLANs with another zone's (default true)"),
        ] + common, patternKeys: false, summary: "a security zone"),
        EntitySpec(kind: "cluster", fields: [
            FieldSpec("platform", .string, default: .string("generic"), "hypervisor release from the rule pack's platform table (default generic)"),
            FieldSpec("max_hosts", .integer(minimum: 1, maximum: Int(Int32.max)), "overrides the platform's host limit"),
            FieldSpec("max_stretched_rtt_ms", .number(minimum: 0), "overrides the platform's round-trip bound between the sites of a stretched cluster"),
            FieldSpec("vlans", .vlanList, "VLANs trunked to every host of the cluster"),
            FieldSpec("hosts", .entities("host"), required: true, "the cluster's hosts"),
        ] + common, patternKeys: false, summary: "a hypervisor cluster"),
        EntitySpec(kind: "host", fields: [
            FieldSpec("rack", .reference("rack"), required: true, "the host's rack"),
            FieldSpec("uplinks", .references("switch"), required: true, "switches the host is cabled to"),
            FieldSpec("vlans", .vlanList, "VLANs added to the cluster's"),
        ] + common, patternKeys: true, summary: "a hypervisor host"),
        EntitySpec(kind: "workload", fields: [
            FieldSpec("cluster", .reference("cluster"), required: true, "the cluster the VMs run on"),
            FieldSpec("vlans", .vlanList, required: true, "VLANs the VMs use"),
            FieldSpec("count", .integer(minimum: 1, maximum: Int(Int32.max)), default: .int(1), "number of VMs (default 1)"),
            FieldSpec("hosts", .references("host"), "hosts of its cluster it may run on, as a DRS host group pins it (default all)"),
        ] + common, patternKeys: true, summary: "a group of VMs"),
        EntitySpec(kind: "migration_domain", fields: [
            FieldSpec("clusters", .references("cluster"), required: true, "clusters VMs may move between"),
            FieldSpec("workloads", .references("workload"), "the workloads that may move (default all in its clusters)"),
        ] + common, patternKeys: false, summary: "a live-migration domain"),
    ]

    public static func entity(_ kind: String) -> EntitySpec {
        entities.first { $0.kind.sameName(kind) }!
    }

    /// The gateway mapping's keys.
    public static let gatewayKeys = ["active", "standby", "anycast"]
}
