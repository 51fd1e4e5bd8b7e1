/// What a source of truth holds about a network, in one shape for every source. The
/// clients fill it (NetBox and Nautobot name and nest things differently); the mapping
/// reads only this. Ids are text because NetBox counts and Nautobot uses UUIDs.
public struct Inventory: Sendable, Equatable {
    public struct Site: Sendable, Equatable { public var id, name: String; public var slug: String? }
    /// A location inside a site (NetBox location, Nautobot child location): a pod.
    public struct Location: Sendable, Equatable { public var id, name, siteID: String }
    public struct Rack: Sendable, Equatable { public var id, name, siteID: String; public var locationID: String? }
    public struct Device: Sendable, Equatable {
        public var id, name: String
        public var role: String?          // slug or name, lower case
        public var siteID: String
        public var locationID, rackID: String?
        public var clusterIDs: [String]
    }
    public enum PortMode: String, Sendable, Equatable { case access, tagged, taggedAll = "tagged-all" }
    public struct Interface: Sendable, Equatable {
        public var id, deviceID, name: String
        public var isVirtual: Bool
        public var lagID: String?
        public var mode: PortMode?
        public var untaggedVLAN: String?
        public var taggedVLANs: [String]
    }
    /// A cable: the interfaces at each end (other terminations are left out).
    public struct Cable: Sendable, Equatable { public var id: String; public var a, b: [String] }
    public struct VLAN: Sendable, Equatable {
        public var id, name: String
        public var vid: Int
        /// The sites the VLAN is scoped to; none: every site (a global VLAN). Nautobot
        /// scopes a VLAN to several locations, which may be in several sites.
        public var siteIDs: [String]
        public var vni: Int?

        /// The one site of a VLAN scoped to exactly one (what qualifies its name).
        public var siteID: String? { siteIDs.count == 1 ? siteIDs[0] : nil }

        public init(id: String, name: String, vid: Int, siteIDs: [String], vni: Int?) {
            (self.id, self.name, self.vid, self.siteIDs, self.vni) = (id, name, vid, siteIDs, vni)
        }

        public init(id: String, name: String, vid: Int, siteID: String?, vni: Int?) {
            self.init(id: id, name: name, vid: vid, siteIDs: siteID.map { [$0] } ?? [], vni: vni)
        }

        /// Whether a device of `site` may use the VLAN.
        public func isAvailable(in site: String) -> Bool { siteIDs.isEmpty || siteIDs.contains(site) }
    }
    public struct Prefix: Sendable, Equatable { public var prefix: String; public var vlanID: String }
    public struct IPAddress: Sendable, Equatable {
        public var address: String       // with its mask, 10.1.0.2/24
        public var role: String?         // anycast, vip, hsrp, vrrp, ...
        public var interfaceID: String?  // a device interface
    }
    /// A first-hop redundancy group (NetBox FHRP group, Nautobot interface redundancy group).
    public struct FHRPGroup: Sendable, Equatable {
        public var id, name: String
        public var virtualIPs: [String]
        public var members: [(interfaceID: String, priority: Int)]
        public static func == (a: Self, b: Self) -> Bool {
            a.id == b.id && a.name == b.name && a.virtualIPs == b.virtualIPs
                && a.members.map(\.interfaceID) == b.members.map(\.interfaceID) && a.members.map(\.priority) == b.members.map(\.priority)
        }
    }
    public struct Cluster: Sendable, Equatable {
        public var id, name: String
        public var type: String?          // the cluster type's slug or name
        public var platform: String?      // a custom field naming a platform of the pack
    }
    public struct VirtualMachine: Sendable, Equatable {
        public var id, name: String
        public var clusterID: String?
        public var role: String?
        public var vlanIDs: [String]      // from its interfaces
    }

    public var source: String            // "NetBox 4.3.2", "Nautobot 2.4.44"
    public var sites: [Site] = []
    public var locations: [Location] = []
    public var racks: [Rack] = []
    public var devices: [Device] = []
    public var interfaces: [Interface] = []
    public var cables: [Cable] = []
    public var vlans: [VLAN] = []
    public var prefixes: [Prefix] = []
    public var ipAddresses: [IPAddress] = []
    public var fhrpGroups: [FHRPGroup] = []
    public var clusters: [Cluster] = []
    public var virtualMachines: [VirtualMachine] = []

    public init(source: String) { self.source = source }
}
