import TopolintCore

// The validated topology. Entities refer to each other by index into the arrays of
// `Topology`, so the analysis never looks names up in hot loops.

public struct Site: Sendable {
    public var name: String
    public var location: SourceLocation
}

public struct SiteLink: Sendable {
    public var a: Int
    public var b: Int
    public var rttMs: Double
    public var bandwidthGbps: Double?
    public var location: SourceLocation
}

public struct Pod: Sendable {
    public var name: String
    public var site: Int
    public var location: SourceLocation
}

public struct Rack: Sendable {
    public var name: String
    public var pod: Int?
    public var site: Int
    public var location: SourceLocation
}

/// Where a switch or host stands. A member located by site alone has no pod or rack.
public struct Placement: Hashable, Sendable {
    public var rack: Int?
    public var pod: Int?
    public var site: Int

    public init(rack: Int?, pod: Int?, site: Int) {
        self.rack = rack
        self.pod = pod
        self.site = site
    }
}

public enum SwitchRole: String, Sendable, CaseIterable {
    case access, leaf, spine, aggregation, core, border, dci
}

/// A VLAN list that may be `all`. `some` holds sorted, distinct VLAN indexes.
public enum VLANSelection: Sendable, Equatable {
    case all
    case some([Int])

    public func contains(_ vlan: Int) -> Bool {
        switch self {
        case .all: true
        case let .some(list): binarySearch(list, vlan)
        }
    }
}

public struct Switch: Sendable {
    public var name: String
    public var placement: Placement
    public var role: SwitchRole
    public var vlans: VLANSelection
    public var vtep: Bool
    public var location: SourceLocation
}

public enum LinkMode: String, Sendable, CaseIterable {
    case trunk, routed
}

public struct Link: Sendable {
    public var a: Int
    public var b: Int
    public var mode: LinkMode
    public var vlans: VLANSelection
    public var location: SourceLocation
}

/// Where a VLAN's default gateway lives (docs/format.md, “Gateways”).
public enum Gateway: Sendable, Equatable {
    case single(Int)
    case activeStandby(active: Int, standby: [Int])
    case anycast([Int])

    /// Every switch named, active, standby or anycast (for gateway-vlan-missing).
    public var allSwitches: [Int] {
        switch self {
        case let .single(s): [s]
        case let .activeStandby(active, standby): [active] + standby
        case let .anycast(list): list
        }
    }

    /// The switches that forward for endpoints: the standby ones do not.
    public var forwarding: [Int] {
        switch self {
        case let .single(s): [s]
        case let .activeStandby(active, _): [active]
        case let .anycast(list): list
        }
    }
}

public struct VLAN: Sendable {
    public var name: String
    public var id: Int
    public var subnet: String?
    public var zone: Int?
    public var vni: Int?
    public var gateway: Gateway?
    public var location: SourceLocation
}

public struct Zone: Sendable {
    public var name: String
    public var sharedHosts: Bool
    public var location: SourceLocation
}

public struct Cluster: Sendable {
    public var name: String
    public var platform: String
    public var maxHosts: Int?
    /// Overrides the platform's round-trip bound between the sites of one stretched cluster.
    public var maxStretchedRTTms: Double?
    public var vlans: [Int]
    /// The cluster's hosts are the contiguous run `hosts` of `Topology.hosts`.
    public var hosts: Range<Int>
    public var location: SourceLocation
}

/// A host. Hosts are most of a large design's entities, so one is kept small (48 bytes):
/// indexes in 32 bits, its place in the file as line and column only (the file is the
/// topology's, see `Topology.location(ofHost:)`), and its name in the topology's pool of
/// host names (`Topology.hostName(_:)`).
public struct Host: Sendable {
    private var clusterIndex: Int32
    private var rackIndex: Int32
    public var uplinks: IndexList
    /// The union of the cluster's and the host's own VLANs, sorted.
    public var vlans: [Int]
    private var line: Int32
    private var column: Int32

    public init(cluster: Int, rack: Int, uplinks: IndexList, vlans: [Int], line: Int, column: Int) {
        self.clusterIndex = Int32(truncatingIfNeeded: cluster)
        self.rackIndex = Int32(truncatingIfNeeded: rack)
        self.uplinks = uplinks
        self.vlans = vlans
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
    }

    public var cluster: Int {
        get { Int(clusterIndex) }
        set { clusterIndex = Int32(truncatingIfNeeded: newValue) }
    }

    /// The rack's index; -1 when the host's rack did not resolve (reported while loading).
    public var rack: Int {
        get { Int(rackIndex) }
        set { rackIndex = Int32(truncatingIfNeeded: newValue) }
    }

    /// Where the host is declared in `file`.
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: Int(line), column: Int(column))
    }
}

public struct Workload: Sendable {
    public var name: String
    public var cluster: Int
    public var vlans: [Int]
    public var count: Int
    /// The hosts it may run on (a DRS host group, an affinity rule), sorted; nil: every host
    /// of its cluster.
    public var hosts: [Int]?
    public var location: SourceLocation
}

public struct MigrationDomain: Sendable {
    public var name: String
    public var clusters: [Int]
    /// The workloads that may move: those listed, or every workload placed in its clusters.
    public var workloads: [Int]
    public var location: SourceLocation

    public init(name: String, clusters: [Int], workloads: [Int], location: SourceLocation) {
        self.name = name
        self.clusters = clusters
        self.workloads = workloads
        self.location = location
    }
}

/// One `ignore` entry: a rule (id or name, as written) and a reason, on one entity.
public struct IgnoreEntry: Sendable {
    public var subject: Subject
    public var rule: String
    public var reason: String
    /// Where the ignore entry is written.
    public var location: SourceLocation
    /// Where the entity it sits on is written (its key).
    public var subjectLocation: SourceLocation
}

public struct Topology: Sendable {
    public var name: String
    public var file: String
    public var sites: [Site] = []
    public var siteLinks: [SiteLink] = []
    public var pods: [Pod] = []
    public var racks: [Rack] = []
    public var switches: [Switch] = []
    public var links: [Link] = []
    public var vlans: [VLAN] = []
    public var zones: [Zone] = []
    public var clusters: [Cluster] = []
    public var hosts: [Host] = []
    /// The hosts' names, by host index.
    public internal(set) var hostNames = NamePool()
    public var workloads: [Workload] = []
    public var migrationDomains: [MigrationDomain] = []
    public var ignores: [IgnoreEntry] = []

    public init(name: String, file: String) {
        self.name = name
        self.file = file
    }

    /// Host `h`'s name.
    public func hostName(_ h: Int) -> String { hostNames[h] }

    /// Where host `h` is declared.
    public func location(ofHost h: Int) -> SourceLocation { hosts[h].location(in: file) }

    /// A link's subject name, `a -- b` by switch name: made when asked for (a large design
    /// has tens of thousands of links, and hardly any name is ever read).
    public func name(ofLink l: Int) -> String { "\(switches[links[l].a].name) -- \(switches[links[l].b].name)" }

    /// Every link's name, in order.
    public var linkNames: [String] { links.indices.map(name(ofLink:)) }

    /// A host's placement (its rack, the rack's pod and site).
    public func placement(ofHost h: Int) -> Placement {
        let rack = hosts[h].rack
        return Placement(rack: rack, pod: racks[rack].pod, site: racks[rack].site)
    }

    /// The hosts a workload may run on: its own `hosts`, or every host of its cluster.
    public func hosts(ofWorkload w: Int) -> [Int] {
        workloads[w].hosts ?? Array(clusters[workloads[w].cluster].hosts)
    }

    /// Lookups by name, for commands and messages (not for hot loops).
    public func clusterIndex(named name: String) -> Int? { clusters.firstIndex { $0.name == name } }
    public func vlanIndex(named name: String) -> Int? { vlans.firstIndex { $0.name == name } }
}

/// Binary search in a sorted array.
public func binarySearch(_ list: [Int], _ value: Int) -> Bool {
    var lo = 0, hi = list.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if list[mid] < value { lo = mid + 1 } else { hi = mid }
    }
    return lo < list.count && list[lo] == value
}
