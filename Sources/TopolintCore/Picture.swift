/// The geometry of a design as the drawing shows it: sites with their round trips, pods and
/// racks inside them, switches by role, the broadcast domains worth drawing as bands, the
/// gateway trombones as arrows, and which drawn elements each finding's subject stands for.
///
/// Plain data, built from the model and its analysis by TopolintPicture, so the reporters
/// that draw it never see the model. Elements refer to each other by index into the arrays.
public struct Picture: Sendable, Equatable {
    public var title: String
    public var sites: [Site] = []
    public var siteLinks: [SiteLink] = []
    public var pods: [Pod] = []
    public var racks: [Rack] = []
    public var switches: [Switch] = []
    public var bands: [Band] = []
    public var trombones: [Trombone] = []
    public var highlights: [Highlight] = []

    public init(title: String) { self.title = title }

    public struct Site: Sendable, Equatable {
        public var name: String
        public init(name: String) { self.name = name }
    }

    public struct SiteLink: Sendable, Equatable {
        public var a: Int
        public var b: Int
        public var rttMs: Double
        public init(a: Int, b: Int, rttMs: Double) { self.a = a; self.b = b; self.rttMs = rttMs }
    }

    public struct Pod: Sendable, Equatable {
        /// Empty for the racks of a site that name no pod.
        public var name: String
        public var site: Int
        public init(name: String, site: Int) { self.name = name; self.site = site }
    }

    public struct Rack: Sendable, Equatable {
        public var name: String
        public var pod: Int
        public var hosts: Int
        public init(name: String, pod: Int, hosts: Int) { self.name = name; self.pod = pod; self.hosts = hosts }
    }

    /// A switch stands in a rack, else in a pod, else in a site (and nowhere with neither).
    public struct Switch: Sendable, Equatable {
        public var name: String
        public var role: String
        public var site: Int?
        public var pod: Int?
        public var rack: Int?
        public init(name: String, role: String, site: Int?, pod: Int?, rack: Int?) {
            self.name = name; self.role = role; self.site = site; self.pod = pod; self.rack = rack
        }
    }

    /// One broadcast domain drawn across what it reaches.
    public struct Band: Sendable, Equatable {
        public var vlan: String
        public var vlanID: Int
        /// rack, pod, site or multi-site.
        public var scope: String
        public var switchCount: Int
        public var hosts: Int
        public var endpoints: Int
        /// The domain's first switch by name: with the VLAN, it names the domain.
        public var firstSwitch: String
        public var sites: [Int]
        public var pods: [Int]
        public var racks: [Int]
        /// Why it is drawn: "stretched", "oversized", "proposed" (a what-if would need it).
        public var reasons: [String]
        /// A line for the label, such as the cluster a proposal would stretch it to.
        public var note = ""
        public init(vlan: String, vlanID: Int, scope: String, switchCount: Int, hosts: Int, endpoints: Int,
                    firstSwitch: String, sites: [Int], pods: [Int], racks: [Int], reasons: [String]) {
            self.vlan = vlan; self.vlanID = vlanID; self.scope = scope; self.switchCount = switchCount
            self.hosts = hosts; self.endpoints = endpoints; self.firstSwitch = firstSwitch
            self.sites = sites; self.pods = pods; self.racks = racks; self.reasons = reasons
        }
    }

    /// Endpoints of a VLAN in one site whose nearest gateway is in another.
    public struct Trombone: Sendable, Equatable {
        public var vlan: String
        public var vlanID: Int
        public var fromSite: Int
        public var toSite: Int
        public var gateway: String
        /// nil when no site_links path joins the two sites.
        public var rttMs: Double?
        public var endpoints: Int
        public var hosts: Int
        public var workloads: [String]
        /// A trombone a migration domain allows (the workloads once moved), not one today.
        public var ifMoved: Bool
        public init(vlan: String, vlanID: Int, fromSite: Int, toSite: Int, gateway: String, rttMs: Double?,
                    endpoints: Int, hosts: Int, workloads: [String], ifMoved: Bool = false) {
            self.vlan = vlan; self.vlanID = vlanID; self.fromSite = fromSite; self.toSite = toSite
            self.gateway = gateway; self.rttMs = rttMs; self.endpoints = endpoints; self.hosts = hosts
            self.workloads = workloads; self.ifMoved = ifMoved
        }
    }

    /// The drawn elements that stand for one finding subject.
    public struct Highlight: Sendable, Equatable {
        public var subject: Subject
        public var sites: [Int] = []
        public var pods: [Int] = []
        public var racks: [Int] = []
        public var switches: [Int] = []
        public var bands: [Int] = []
        public var trombones: [Int] = []
        public init(subject: Subject) { self.subject = subject }

        public var isEmpty: Bool {
            sites.isEmpty && pods.isEmpty && racks.isEmpty && switches.isEmpty && bands.isEmpty && trombones.isEmpty
        }
    }

    /// The highlight of a subject, by its position in `highlights`.
    public func highlightIndex(of subject: Subject) -> Int? {
        highlights.firstIndex { $0.subject == subject }
    }
}

/// Nodes, groups and edges for graph formats (Graphviz, Mermaid): the whole topology or one
/// VLAN's broadcast domains. Plain data, like `Picture`.
public struct NetworkGraph: Sendable, Equatable {
    public var title: String
    public var groups: [Group] = []
    public var nodes: [Node] = []
    public var edges: [Edge] = []

    public init(title: String) { self.title = title }

    /// A box around nodes (a site, a pod, a broadcast domain); groups nest through `parent`.
    public struct Group: Sendable, Equatable {
        public var label: String
        public var parent: Int?
        public init(label: String, parent: Int?) { self.label = label; self.parent = parent }
    }

    public struct Node: Sendable, Equatable {
        public var label: String
        /// A switch role, or "overlay" for a VXLAN segment.
        public var kind: String
        public var group: Int?
        public init(label: String, kind: String, group: Int?) { self.label = label; self.kind = kind; self.group = group }
    }

    public struct Edge: Sendable, Equatable {
        public var a: Int
        public var b: Int
        public var label: String?
        /// Routed links and overlay membership are drawn dashed: no bridging over them.
        public var dashed: Bool
        public init(a: Int, b: Int, label: String?, dashed: Bool) { self.a = a; self.b = b; self.label = label; self.dashed = dashed }
    }
}
