/// A design as an importer describes it, before it is written as a topology file.
///
/// Importers (netlab, and whatever source comes next) build one of these; `DocumentWriter`
/// turns it into the bytes of a version 1 topology file, which the normal loader then reads.
/// Entities refer to each other by name, as in the file. `notes` are comments written above
/// the entity: where an importer had to approximate, it says so there.
public struct ImportDocument: Sendable, Equatable {
    public var name: String
    /// Comment lines at the top of the file: where the design came from.
    public var header: [String]
    public var description: String?
    public var sites: [Site] = []
    public var siteLinks: [SiteLink] = []
    public var pods: [Pod] = []
    public var racks: [Rack] = []
    public var switches: [Switch] = []
    public var links: [Link] = []
    public var vlans: [VLAN] = []
    public var clusters: [Cluster] = []
    public var workloads: [Workload] = []
    public var zones: [Zone] = []
    public var migrationDomains: [MigrationDomain] = []
    /// Comments at the head of a section (before its first entity), by section.
    public var sectionNotes: [Section: [String]] = [:]

    public init(name: String, header: [String] = [], description: String? = nil) {
        self.name = name
        self.header = header
        self.description = description
    }

    public enum Section: String, Sendable, CaseIterable, Hashable {
        case sites, siteLinks = "site_links", pods, racks, switches, links, vlans, zones, clusters, workloads
        case migrationDomains = "migration_domains"
    }

    public struct Site: Sendable, Equatable {
        public var name: String
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(name: String, notes: [String] = []) {
            self.name = name
            self.notes = notes
        }
    }

    /// Two sites and the round trip between them.
    public struct SiteLink: Sendable, Equatable {
        public var a: String
        public var b: String
        public var rttMs: Double
        public var bandwidthGbps: Double?
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(a: String, b: String, rttMs: Double, bandwidthGbps: Double? = nil, notes: [String] = []) {
            self.a = a
            self.b = b
            self.rttMs = rttMs
            self.bandwidthGbps = bandwidthGbps
            self.notes = notes
        }
    }

    public struct Zone: Sendable, Equatable {
        public var name: String
        /// nil: the format's default (`true`), not written.
        public var sharedHosts: Bool?
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(name: String, sharedHosts: Bool? = nil, notes: [String] = []) {
            self.name = name
            self.sharedHosts = sharedHosts
            self.notes = notes
        }
    }

    public struct MigrationDomain: Sendable, Equatable {
        public var name: String
        public var clusters: [String]
        /// nil: every workload of those clusters.
        public var workloads: [String]?
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(name: String, clusters: [String], workloads: [String]? = nil, notes: [String] = []) {
            self.name = name
            self.clusters = clusters
            self.workloads = workloads
            self.notes = notes
        }
    }

    public struct Pod: Sendable, Equatable {
        public var name: String
        public var site: String
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(name: String, site: String, notes: [String] = []) {
            self.name = name
            self.site = site
            self.notes = notes
        }
    }

    /// A rack in a pod, or (with `pod` nil) directly in a site.
    public struct Rack: Sendable, Equatable {
        public var name: String
        public var pod: String?
        public var site: String?
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(name: String, pod: String? = nil, site: String? = nil, notes: [String] = []) {
            self.name = name
            self.pod = pod
            self.site = site
            self.notes = notes
        }
    }

    /// The format's switch roles, by their names in the file.
    public enum Role: String, Sendable, Equatable, CaseIterable {
        case access, leaf, spine, aggregation, core, border, dci
    }

    public struct Switch: Sendable, Equatable {
        public var name: String
        /// Where it stands: the most precise of rack, pod, site that is set.
        public var rack: String?
        public var pod: String?
        public var site: String?
        public var role: Role?
        public var vlans: [String]
        /// `vlans: all`: every VLAN of the file (then `vlans` is not written).
        public var allVLANs = false
        public var vtep: Bool
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(name: String, rack: String? = nil, pod: String? = nil, site: String? = nil, role: Role? = nil,
                    vlans: [String] = [], vtep: Bool = false, notes: [String] = []) {
            self.name = name
            self.rack = rack
            self.pod = pod
            self.site = site
            self.role = role
            self.vlans = vlans
            self.vtep = vtep
            self.notes = notes
        }
    }

    public enum LinkMode: String, Sendable, Equatable {
        case trunk, routed
    }

    public struct Link: Sendable, Equatable {
        public var a: String
        public var b: String
        public var mode: LinkMode
        /// The VLANs a trunk allows; ignored for a routed link.
        public var vlans: [String]
        /// A trunk that allows every VLAN: `vlans` is left out (the format's default).
        public var allVLANs = false
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(a: String, b: String, mode: LinkMode = .trunk, vlans: [String] = [], notes: [String] = []) {
            self.a = a
            self.b = b
            self.mode = mode
            self.vlans = vlans
            self.notes = notes
        }
    }

    /// The three gateway forms of the format.
    public enum Gateway: Sendable, Equatable {
        case single(String)
        case activeStandby(active: String, standby: [String])
        case anycast([String])
    }

    public struct VLAN: Sendable, Equatable {
        public var name: String
        public var id: Int
        public var subnet: String?
        public var vni: Int?
        public var gateway: Gateway?
        /// The security zone, by name.
        public var zone: String?
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(name: String, id: Int, subnet: String? = nil, vni: Int? = nil, gateway: Gateway? = nil, notes: [String] = []) {
            self.name = name
            self.id = id
            self.subnet = subnet
            self.vni = vni
            self.gateway = gateway
            self.notes = notes
        }
    }

    public struct Host: Sendable, Equatable {
        public var name: String
        public var rack: String
        public var uplinks: [String]
        public var vlans: [String]
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(name: String, rack: String, uplinks: [String], vlans: [String] = [], notes: [String] = []) {
            self.name = name
            self.rack = rack
            self.uplinks = uplinks
            self.vlans = vlans
            self.notes = notes
        }
    }

    public struct Cluster: Sendable, Equatable {
        public var name: String
        public var platform: String?
        /// A host limit replacing the platform's.
        public var maxHosts: Int?
        public var vlans: [String]
        public var hosts: [Host]
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        /// Comments written among the hosts, after the last one (e.g. nodes left out).
        public var trailingNotes: [String]
        public init(name: String, platform: String? = nil, vlans: [String] = [], hosts: [Host] = [],
                    notes: [String] = [], trailingNotes: [String] = []) {
            self.name = name
            self.platform = platform
            self.vlans = vlans
            self.hosts = hosts
            self.notes = notes
            self.trailingNotes = trailingNotes
        }
    }

    public struct Workload: Sendable, Equatable {
        public var name: String
        public var cluster: String
        public var vlans: [String]
        public var count: Int
        public var notes: [String]
        /// Fields the document does not model, written after the others.
        public var extra: [ImportField] = []
        public init(name: String, cluster: String, vlans: [String], count: Int = 1, notes: [String] = []) {
            self.name = name
            self.cluster = cluster
            self.vlans = vlans
            self.count = count
            self.notes = notes
        }
    }
}
