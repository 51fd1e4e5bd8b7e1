/// The mapping from a netlab snapshot to an `ImportDocument` (see `NetlabImporter`).
struct NetlabMapper {
    let lab: NetlabSnapshot
    let options: NetlabImporter.Options

    enum Kind { case bridging, router, host }

    var counts: [String: Int] = [:]
    var nodes: [String: NetlabSnapshot.Node] = [:]
    var kinds: [String: Kind] = [:]
    var bridged: [String: Set<String>] = [:]
    var knownVLANs: Set<String> = []
    /// Ports grouped by link or segment, in order of first appearance.
    var groups: [(key: String, members: [(node: String, port: NetlabSnapshot.Port)])] = []
    /// Written switches by name: what they carry, and notes.
    var switchVLANs: [String: Set<String>] = [:]
    var switchNotes: [String: [String]] = [:]
    var switchSite: [String: String] = [:]
    var segmentByKey: [String: String] = [:]
    var links: [ImportDocument.Link] = []
    /// Per host: its uplinks in port order, with the VLANs each port gives it.
    var uplinks: [String: [(to: String, vlans: Set<String>)]] = [:]
    var hostNotes: [String: [String]] = [:]
    /// The VLANs of each host port, for the gateways the hosts name.
    var hostPortVLANs: [(node: String, port: NetlabSnapshot.Port, vlans: Set<String>)] = []

    init(lab: NetlabSnapshot, options: NetlabImporter.Options) {
        self.lab = lab
        self.options = options
    }

    mutating func run() -> ImportOutcome {
        for node in lab.nodes { nodes[node.name] = node }
        knownVLANs = Set(vlanDefinitions().map(\.name))
        groupPorts()
        classify()
        placeSwitches()
        connect()
        noteRoutedVLANs()
        var document = ImportDocument(name: ImportNames.formatSafe(lab.name), header: header())
        let sites = siteNames()
        document.sites = sites.map { ImportDocument.Site(name: $0) }
        document.pods = sites.map { ImportDocument.Pod(name: pod($0), site: $0) }
        writeSwitches(into: &document)
        document.links = links
        document.vlans = vlans()
        let (clusters, leftOut) = hostClusters()
        document.clusters = clusters
        if !leftOut.isEmpty { document.sectionNotes[.clusters] = leftOut }
        let approximations = NetlabImporter.kinds.map { Approximation(kind: $0.kind, summary: $0.summary, count: counts[$0.kind] ?? 0) }
        return ImportOutcome(document: document, approximations: approximations)
    }

    // MARK: - Reading the lab

    func header() -> [String] {
        [
            "Imported from netlab by `topolint import netlab`: \(options.sourceName)",
            "netlab version: " + (lab.version ?? "not recorded in the file (no _netlab_version)"),
            "netlab has no sites, pods or racks: " + (options.siteFromGroup ? "a site per netlab group, " : "one site, ")
                + "one pod per site, a rack per switch; hosts stand in the rack of their first switch.",
            "Comments below mark what the format cannot say and how it was approximated (docs/import.md).",
        ]
    }

    /// VLANs of the lab: the global ones, then those only nodes define, each with its id.
    func vlanDefinitions() -> [(name: String, id: Int, vni: Int?)] {
        var result: [(name: String, id: Int, vni: Int?)] = []
        var seen: Set<String> = []
        for name in lab.vlanOrder {
            let def = lab.vlans[name]!
            let nodeDef = lab.nodes.lazy.compactMap { $0.vlans[name] }.first
            guard let id = def.id ?? nodeDef?.id else { continue }
            result.append((name, id, def.vni ?? nodeDef?.vni))
            seen.insert(name)
        }
        for node in lab.nodes {
            for name in node.vlans.keys.sorted() where !seen.contains(name) {
                guard let id = node.vlans[name]!.id else { continue }
                result.append((name, id, node.vlans[name]!.vni))
                seen.insert(name)
            }
        }
        return result
    }

    func mode(_ node: NetlabSnapshot.Node, _ vlan: String) -> String {
        node.vlans[vlan]?.mode ?? node.defaultVLANMode ?? lab.vlans[vlan]?.mode ?? "irb"
    }

    mutating func groupPorts() {
        var index: [String: Int] = [:]
        for node in lab.nodes {
            for port in node.ports {
                if let i = index[port.key] {
                    groups[i].members.append((node.name, port))
                } else {
                    index[port.key] = groups.count
                    groups.append((port.key, [(node.name, port)]))
                }
            }
        }
    }

    /// The VLANs a node that does not bridge joins through one port: its own tagged VLANs
    /// that the far end also has, or else the far end's untagged (access or native) VLAN.
    func joined(_ port: NetlabSnapshot.Port, others: [NetlabSnapshot.Port]) -> Set<String> {
        let result: Set<String>
        if !port.vlans.isEmpty {
            result = port.vlans.intersection(others.reduce(into: Set<String>()) { $0.formUnion($1.vlans) })
        } else {
            result = Set(others.compactMap(\.untagged))
        }
        return result.intersection(knownVLANs)
    }

    func others(in group: [(node: String, port: NetlabSnapshot.Port)], than node: String, _ port: NetlabSnapshot.Port) -> [NetlabSnapshot.Port] {
        group.filter { !($0.node == node && $0.port.ifname == port.ifname) }.map(\.port)
    }

    /// The node's VLANs in a bridging mode (`irb`, `bridge`), whether or not any port has them.
    func bridgingMode(_ node: NetlabSnapshot.Node) -> Set<String> {
        Set(node.vlans.keys.filter { knownVLANs.contains($0) && ["irb", "bridge"].contains(mode(node, $0)) })
    }

    mutating func classify() {
        for node in lab.nodes {
            // A node bridges a VLAN of a bridging mode that it has on a port (not routed
            // there), on a VLAN interface, or in a VXLAN overlay as a VTEP. A VLAN whose only
            // port is routed makes the node a router on it.
            let modes = bridgingMode(node)
            var bridges = node.ports.reduce(into: Set<String>()) { $0.formUnion($1.vlans.subtracting($1.routed)) }
            bridges.formUnion(node.svis.map(\.vlan))
            if node.modules.contains("vxlan") { bridges.formUnion(modes.filter { vlanVNI($0) != nil }) }
            bridges.formIntersection(modes)
            bridged[node.name] = bridges
            if !bridges.isEmpty {
                kinds[node.name] = .bridging
            } else if node.role == "host" {
                kinds[node.name] = .host
            } else {
                // A router: a host when it joins some VLAN, else a switch that carries none.
                let inVLAN = groups.contains { group in
                    group.members.contains { $0.node == node.name && !joined($0.port, others: others(in: group.members, than: node.name, $0.port)).isEmpty }
                }
                kinds[node.name] = inVLAN ? .host : .router
            }
        }
    }
}
