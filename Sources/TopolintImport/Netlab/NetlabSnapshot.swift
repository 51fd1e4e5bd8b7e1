import TopolintCore
import TopolintYAML

/// The parts of a resolved netlab topology (`netlab.snapshot.yml`, `netlab create -o yaml`)
/// that say what bridges, routes and connects. Read from YAML nodes; everything else in the
/// file (addressing plans, routing protocols, provider settings) is left alone.
struct NetlabSnapshot {
    var name: String
    var version: String?
    var vlans: [String: VLANDef] = [:]
    var vlanOrder: [String] = []
    /// netlab groups in file order, with their members (nodes or other groups).
    var groups: [(name: String, members: [String])] = []
    var nodes: [Node] = []

    struct VLANDef {
        var id: Int?
        var vni: Int?
        var mode: String?
        var ipv4: String?
        var ipv6: String?
    }

    struct Node {
        var name: String
        var device: String?
        var role: String?
        var modules: [String]
        /// The node's own VLANs with their mode (`irb`, `bridge`, `route`), id and VNI.
        var vlans: [String: (mode: String?, id: Int?, vni: Int?)]
        var defaultVLANMode: String?
        var vrrpPriority: Int?
        var ports: [Port]
        var svis: [SVI]
    }

    /// A physical interface (or a LAG) facing other nodes.
    struct Port {
        var ifname: String
        var ifindex: Int
        /// Ports with the same key are on the same link or segment.
        var key: String
        var linkindex: Int?
        var bridge: String?
        var neighbors: [String]
        var access: String?
        var native: String?
        /// Access, native and trunk VLANs, and those of VLAN subinterfaces on it.
        var vlans: Set<String>
        /// The VLANs routed here rather than bridged: the untagged one of a port in vlan mode
        /// `route`, and those of routed VLAN subinterfaces.
        var routed: Set<String>
        /// The port itself is a routed interface (vlan mode `route`).
        var routedPort: Bool
        /// One switch's side of a multi-chassis LAG (netlab `lag._mlag`).
        var mlag: Bool
        /// A link between the two switches of an MLAG pair (netlab `lag.mlag`, `lag._peerlink`).
        var peerLink: Bool
        var addresses: [String]
        /// The default gateway a host uses on this port (address without prefix length).
        var gateway: String?
        /// For a LAG: the links of its member interfaces (netlab's linkindex of each).
        var memberLinks: [Int] = []
        var untagged: String? { access ?? native }
    }

    /// A VLAN interface (SVI, BVI): its VLAN, addresses and first-hop redundancy settings.
    struct SVI {
        var vlan: String
        var addresses: [String]
        var redundancy: String?
        var priority: Int?
    }
}

/// Typed access to YAML nodes, tolerant of whatever a field holds.
struct YAMLView {
    let doc: YAMLDocument

    func child(_ node: YAMLNode?, _ key: String) -> YAMLNode? {
        guard let node else { return nil }
        return doc.lookup(node, key)
    }

    func string(_ node: YAMLNode?) -> String? {
        guard let node, doc.kind(node) == .scalar, !doc.isNull(node) else { return nil }
        return doc.string(node)
    }

    func int(_ node: YAMLNode?) -> Int? { string(node).flatMap { Int($0) } }

    func pairs(_ node: YAMLNode?) -> [(String, YAMLNode)] {
        guard let node, doc.kind(node) == .mapping else { return [] }
        return (0..<doc.count(node)).map { (doc.string(doc.key(node, $0)), doc.value(node, $0)) }
    }

    func items(_ node: YAMLNode?) -> [YAMLNode] {
        guard let node, doc.kind(node) == .sequence else { return [] }
        return doc.items(node)
    }

    /// A list of names, or a mapping whose keys are names (netlab writes trunks both ways).
    func names(_ node: YAMLNode?) -> [String] {
        guard let node else { return [] }
        switch doc.kind(node) {
        case .sequence: return items(node).compactMap(string)
        case .mapping: return pairs(node).map(\.0)
        case .scalar: return string(node).map { [$0] } ?? []
        }
    }
}

extension NetlabSnapshot {
    /// Reads the snapshot; a file that is not a resolved netlab topology is a failure with a
    /// location.
    static func read(_ doc: YAMLDocument) throws(ImportFailure) -> NetlabSnapshot {
        let y = YAMLView(doc: doc)
        let root = doc.root
        func fail(_ message: String, _ node: YAMLNode) -> ImportFailure {
            ImportFailure([Diagnostic(.schema, message, at: doc.location(node))])
        }
        guard doc.kind(root) == .mapping else { throw fail("not a netlab topology: the file is not a mapping", root) }
        guard let nodesNode = y.child(root, "nodes") else {
            throw fail("not a netlab topology: no 'nodes' (import the snapshot that 'netlab create' writes, netlab.snapshot.yml)", root)
        }
        guard doc.kind(nodesNode) == .mapping else {
            throw fail("'nodes' is not a mapping: this looks like a topology before 'netlab create'; import its netlab.snapshot.yml", nodesNode)
        }
        // What `netlab create` writes, checked before anything is read from it: a hand-
        // written topology (nodes without what netlab adds to them) or a malformed one would
        // otherwise become a design quietly missing what it did not understand.
        var problems: [Diagnostic] = []
        func problem(_ message: String, _ node: YAMLNode) { problems.append(Diagnostic(.schema, message, at: doc.location(node))) }
        let nodeNames = Set(y.pairs(nodesNode).map(\.0))
        for (name, value) in y.pairs(nodesNode) {
            guard doc.kind(value) == .mapping else { problem("node '\(name)' is \(doc.describe(value)), not a mapping", value); continue }
            // netlab gives every node an id and its interfaces; a node with neither was
            // written by hand.
            if y.child(value, "id") == nil && y.child(value, "interfaces") == nil {
                problem("node '\(name)' has no 'id' and no 'interfaces': not a resolved netlab topology; import what 'netlab create' writes (netlab.snapshot.yml)", value)
            }
            if let interfaces = y.child(value, "interfaces"), doc.kind(interfaces) != .sequence {
                problem("interfaces of node '\(name)' is \(doc.describe(interfaces)), not a list", interfaces)
            }
            for intf in y.items(y.child(value, "interfaces")) {
                for neighbor in y.items(y.child(intf, "neighbors")) {
                    if let other = y.string(y.child(neighbor, "node")), !nodeNames.contains(other) {
                        problem("an interface of node '\(name)' faces node '\(other)', which the topology does not have", neighbor)
                    }
                }
            }
        }
        for key in ["vlans", "groups"] {
            if let section = y.child(root, key), doc.kind(section) != .mapping, !doc.isNull(section) {
                problem("'\(key)' is \(doc.describe(section)), not a mapping", section)
            }
        }
        for (name, value) in y.pairs(y.child(root, "vlans")) {
            if let idNode = y.child(value, "id"), let id = y.int(idNode), !(1...4094).contains(id) {
                problem("VLAN '\(name)' has id \(id); a VLAN id is from 1 to 4094", idNode)
            }
        }
        if !problems.isEmpty { throw ImportFailure(problems) }
        var lab = NetlabSnapshot(name: y.string(y.child(root, "name")) ?? "netlab", version: y.string(y.child(root, "_netlab_version")))
        for (name, value) in y.pairs(y.child(root, "vlans")) {
            let prefix = y.child(value, "prefix")
            lab.vlans[name] = VLANDef(id: y.int(y.child(value, "id")), vni: y.int(y.child(value, "vni")),
                                      mode: y.string(y.child(value, "mode")),
                                      ipv4: address(y, y.child(prefix, "ipv4")), ipv6: address(y, y.child(prefix, "ipv6")))
            lab.vlanOrder.append(name)
        }
        for (name, value) in y.pairs(y.child(root, "groups")) {
            lab.groups.append((name, y.names(y.child(value, "members"))))
        }
        for (name, value) in y.pairs(nodesNode) {
            lab.nodes.append(readNode(y, name, value))
        }
        lab.joinLAGs()
        return lab
    }

    /// An address or prefix; netlab writes `true`/`false` where it only says "allocate" or "none".
    static func address(_ y: YAMLView, _ node: YAMLNode?) -> String? {
        guard let text = y.string(node), text.contains(".") || text.contains(":") else { return nil }
        return text
    }

    static func bare(_ address: String) -> String {
        address.split(separator: "/", maxSplits: 1).first.map(String.init) ?? address
    }

    static func readNode(_ y: YAMLView, _ name: String, _ value: YAMLNode) -> Node {
        var vlans: [String: (mode: String?, id: Int?, vni: Int?)] = [:]
        for (vlan, def) in y.pairs(y.child(value, "vlans")) {
            vlans[vlan] = (y.string(y.child(def, "mode")), y.int(y.child(def, "id")), y.int(y.child(def, "vni")))
        }
        let interfaces = y.items(y.child(value, "interfaces"))
        // VLAN subinterfaces (netlab type vlan_member) put their VLAN on the parent port; a
        // bridged one names it as `access`, a routed one as `name`.
        var subinterfaceVLANs: [String: Set<String>] = [:]
        var routedSubinterfaceVLANs: [String: Set<String>] = [:]
        var svis: [SVI] = []
        for intf in interfaces {
            let type = y.string(y.child(intf, "type"))
            let vlan = y.child(intf, "vlan")
            if type == "vlan_member", let parent = y.string(y.child(intf, "parent_ifname")), let access = y.string(y.child(vlan, "access")) ?? y.string(y.child(vlan, "name")) {
                subinterfaceVLANs[parent, default: []].insert(access)
                if y.string(y.child(vlan, "mode")) == "route" { routedSubinterfaceVLANs[parent, default: []].insert(access) }
            }
            if type == "svi", let vlanName = y.string(y.child(vlan, "name")) {
                let gateway = y.child(intf, "gateway")
                let addresses = [address(y, y.child(intf, "ipv4")), address(y, y.child(intf, "ipv6"))].compactMap { $0 }
                let protocolName = y.string(y.child(gateway, "protocol"))
                svis.append(SVI(vlan: vlanName, addresses: addresses.map(bare),
                                redundancy: protocolName, priority: y.int(y.child(y.child(gateway, "vrrp"), "priority"))))
            }
        }
        var ports: [Port] = []
        for intf in interfaces {
            let type = y.string(y.child(intf, "type"))
            // LAG members are represented by their LAG interface.
            if y.child(y.child(intf, "lag"), "_parentindex") != nil { continue }
            guard let ifname = y.string(y.child(intf, "ifname")) else { continue }
            let neighborNodes = y.items(y.child(intf, "neighbors")).map { (y.string(y.child($0, "node")), y.string(y.child($0, "ifname"))) }
            // An interface that faces no node (netlab keeps some, e.g. for cloned nodes) links nothing.
            if neighborNodes.isEmpty { continue }
            let key: String
            let linkindex = y.int(y.child(intf, "linkindex"))
            if let linkindex {
                key = "link:\(linkindex)"
            } else if type == "lag" {
                // Provisional: `joinLAGs` keys a LAG by the member links it shares with the
                // far end's. The neighbours are the fallback when no member is listed (on a
                // Linux host netlab lists the VLAN's layer-3 neighbours there, not the LAG's).
                let ends = ["\(name)/\(ifname)"] + neighborNodes.map { "\($0.0 ?? "")/\($0.1 ?? "")" }
                key = "lag:" + ends.sorted().joined(separator: ",")
            } else {
                continue
            }
            let vlan = y.child(intf, "vlan")
            // A routed native VLAN is kept outside the `vlan` dictionary, as `_vlan_native`.
            let access = y.string(y.child(vlan, "access"))
            let native = y.string(y.child(vlan, "native")) ?? y.string(y.child(intf, "_vlan_native"))
            var vlans = Set(y.names(y.child(vlan, "trunk")))
            if let access { vlans.insert(access) }
            if let native { vlans.insert(native) }
            vlans.formUnion(subinterfaceVLANs[ifname] ?? [])
            let routedPort = y.string(y.child(vlan, "mode")) == "route"
            var routed = routedSubinterfaceVLANs[ifname] ?? []
            if routedPort, let untagged = access ?? native { routed.insert(untagged) }
            let gateway = y.child(intf, "gateway")
            let lagIndex = type == "lag" ? y.int(y.child(y.child(intf, "lag"), "ifindex")) : nil
            let memberLinks = lagIndex.map { lag in
                interfaces.filter { y.int(y.child(y.child($0, "lag"), "_parentindex")) == lag }.compactMap { y.int(y.child($0, "linkindex")) }
            } ?? []
            ports.append(Port(ifname: ifname, ifindex: y.int(y.child(intf, "ifindex")) ?? 0, key: key, linkindex: linkindex,
                              bridge: y.string(y.child(intf, "bridge")), neighbors: neighborNodes.compactMap(\.0),
                              access: access, native: native, vlans: vlans, routed: routed, routedPort: routedPort,
                              mlag: y.string(y.child(y.child(intf, "lag"), "_mlag")) == "true",
                              peerLink: y.child(y.child(intf, "lag"), "mlag") != nil || y.child(y.child(intf, "lag"), "_peerlink") != nil,
                              addresses: [address(y, y.child(intf, "ipv4")), address(y, y.child(intf, "ipv6"))].compactMap { $0 }.map(bare),
                              gateway: (address(y, y.child(gateway, "ipv4")) ?? address(y, y.child(gateway, "ipv6"))).map(bare),
                              memberLinks: memberLinks))
        }
        return Node(name: name, device: y.string(y.child(value, "device")), role: y.string(y.child(value, "role")),
                    modules: y.names(y.child(value, "module")), vlans: vlans,
                    defaultVLANMode: y.string(y.child(y.child(value, "vlan"), "mode")),
                    vrrpPriority: y.int(y.child(y.child(y.child(value, "gateway"), "vrrp"), "priority")),
                    ports: ports.sorted { ($0.ifindex, $0.ifname) < ($1.ifindex, $1.ifname) }, svis: svis)
    }
}

extension NetlabSnapshot {
    /// Keys every LAG by its member links: LAG interfaces that share a member link (a cable
    /// of the bundle) are ends of one LAG, and a LAG to an MLAG pair shares one with each
    /// switch, so all three end up with one key. LAGs whose members netlab does not list
    /// keep the key their neighbours gave them.
    mutating func joinLAGs() {
        var parent: [Int: Int] = [:]   // member link → a member link of the same LAG
        func root(_ link: Int) -> Int {
            var r = link
            while let p = parent[r], p != r { r = p }
            return r
        }
        for node in nodes {
            for port in node.ports where !port.memberLinks.isEmpty {
                for link in port.memberLinks where parent[link] == nil { parent[link] = link }
                let first = root(port.memberLinks[0])
                for link in port.memberLinks.dropFirst() {
                    let other = root(link)
                    if other != first { parent[max(other, first)] = min(other, first) }
                }
            }
        }
        for n in nodes.indices {
            for p in nodes[n].ports.indices where !nodes[n].ports[p].memberLinks.isEmpty {
                // The smallest link of the group, whichever root the joins left.
                let group = root(nodes[n].ports[p].memberLinks[0])
                nodes[n].ports[p].key = "lag:links:\(group)"
            }
        }
    }
}
