/// Sites, pods and racks (netlab has none), switches and the hosts' clusters.
extension NetlabMapper {
    func siteNames() -> [String] {
        guard options.siteFromGroup else { return ["lab"] }
        return Array(Set(lab.nodes.map { site(of: $0.name) })).sorted()
    }

    func pod(_ site: String) -> String { "\(site)-p1" }
    func rack(_ switchName: String) -> String { "\(switchName)-rack" }

    /// The node's site: with --site-from-group the first netlab group (in file order) that
    /// holds it, directly or through a nested group; netlab's own groups do not count.
    func site(of node: String) -> String {
        siteGroups(of: node).first ?? "lab"
    }

    func siteGroups(of node: String) -> [String] {
        options.siteFromGroup ? groupsHolding(node) : []
    }

    /// The netlab groups that hold a node, in file order, netlab's own groups left out; the
    /// groups the BGP module makes by itself, one per AS (`as65000`), come after the others:
    /// an AS is no place, and a node is rather in the site its own groups say.
    func groupsHolding(_ node: String) -> [String] {
        let table = Dictionary(lab.groups.map { ($0.name, $0.members) }, uniquingKeysWith: { a, _ in a })
        func holds(_ group: String, _ seen: Set<String>) -> Bool {
            guard let members = table[group], !seen.contains(group) else { return false }
            return members.contains { $0 == node || (table[$0] != nil && holds($0, seen.union([group]))) }
        }
        let holding = lab.groups.map(\.name).filter { !$0.hasPrefix("netlab_") && !$0.hasPrefix("_") && holds($0, []) }
        func isAS(_ name: String) -> Bool {
            name.utf8.count > 2 && name.hasPrefix("as") && name.utf8.dropFirst(2).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        return (holding.filter { !isAS($0) } + holding.filter { isAS($0) }).map(ImportNames.formatSafe)
    }

    func safe(_ name: String) -> String { ImportNames.formatSafe(name) }

    /// VLAN names as written, sorted.
    func sortedNames(_ vlans: Set<String>) -> [String] { vlans.map(safe).sorted() }

    /// Switches (bridging nodes, routers in no VLAN, segments) with their sites.
    mutating func placeSwitches() {
        for node in lab.nodes where kinds[node.name] != .host {
            let name = safe(node.name)
            switchVLANs[name] = bridged[node.name] ?? []
            switchSite[name] = site(of: node.name)
            if kinds[node.name] == .router {
                switchNotes[name, default: []].append("netlab \(describe(node)) in no VLAN: a switch that carries none")
            }
            let groupsOfNode = siteGroups(of: node.name)
            if groupsOfNode.count > 1 {
                switchNotes[name, default: []].append("in netlab groups \(groupsOfNode.joined(separator: ", ")): site \(groupsOfNode[0])")
            }
            if name != node.name { switchNotes[name, default: []].append("netlab name: \(node.name)") }
        }
    }

    func describe(_ node: NetlabSnapshot.Node) -> String {
        "\(node.role ?? "node")" + (node.device.map { " (\($0))" } ?? "")
    }



    func writeSwitches(into document: inout ImportDocument) {
        var racks: [ImportDocument.Rack] = []
        for (name, vlans) in switchVLANs {
            let site = switchSite[name] ?? "lab"
            racks.append(ImportDocument.Rack(name: rack(name), pod: pod(site)))
            let node = nodes.values.first { safe($0.name) == name }
            let vtep = node.map { $0.modules.contains("vxlan") && vlans.contains { vlanVNI($0) != nil } } ?? false
            let role: ImportDocument.Role = node.map { kinds[$0.name] == .router ? .core : (vtep ? .leaf : .access) } ?? .access
            document.switches.append(ImportDocument.Switch(name: name, rack: rack(name), role: role, vlans: sortedNames(vlans), vtep: vtep,
                                                           notes: switchNotes[name] ?? []))
        }
        for host in hostPlacements() where host.ownRack {
            racks.append(ImportDocument.Rack(name: host.rack, pod: pod(site(of: host.node))))
        }
        document.racks = racks
    }

    func vlanVNI(_ vlan: String) -> Int? {
        lab.vlans[vlan]?.vni ?? lab.nodes.lazy.compactMap { $0.vlans[vlan]?.vni }.first
    }

    /// Each host's rack: its first switch's, or its own when that switch is in another site.
    func hostPlacements() -> [(node: String, rack: String, ownRack: Bool)] {
        lab.nodes.filter { kinds[$0.name] == .host }.compactMap { node in
            guard let first = uplinks[node.name]?.first else { return nil }
            if switchSite[first.to] == site(of: node.name) { return (node.name, rack(first.to), false) }
            return (node.name, rack(safe(node.name)), true)
        }
    }

    /// Hosts in cluster `netlab`, or with --cluster-from-group in a cluster per netlab group
    /// (the first that holds the host; `netlab` for hosts in none).
    mutating func hostClusters() -> ([ImportDocument.Cluster], [String]) {
        var hosts: [String: [ImportDocument.Host]] = [:]
        var leftOut: [String] = []
        let racks = Dictionary(uniqueKeysWithValues: hostPlacements().map { ($0.node, $0.rack) })
        for node in lab.nodes where kinds[node.name] == .host {
            var notes = hostNotes[node.name] ?? []
            guard let ports = uplinks[node.name], let rack = racks[node.name] else {
                leftOut.append("\(node.name) (netlab \(describe(node))) left out: cabled to no switch")
                counts["no-switch", default: 0] += 1
                continue
            }
            var order: [String] = []
            var byUplink: [String: Set<String>] = [:]
            for port in ports {
                if byUplink[port.to] == nil { order.append(port.to) }
                byUplink[port.to, default: []].formUnion(port.vlans)
            }
            let all = byUplink.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            let widened = order.compactMap { uplink -> String? in
                let extra = all.intersection(switchVLANs[uplink] ?? []).subtracting(byUplink[uplink] ?? [])
                return extra.isEmpty ? nil : "\(extra.sorted().joined(separator: ", ")) through \(uplink)"
            }
            if !widened.isEmpty {
                notes.append("one VLAN list for all uplinks: also joins \(widened.joined(separator: "; ")), which netlab does not carry there")
                counts["uplink-vlans", default: 0] += 1
            }
            if safe(node.name) != node.name { notes.append("netlab name: \(node.name)") }
            if node.role != "host" { notes.insert("netlab \(describe(node)) that does not bridge: written as a host", at: 0) }
            let groupsOfNode = siteGroups(of: node.name)
            if groupsOfNode.count > 1 { notes.append("in netlab groups \(groupsOfNode.joined(separator: ", ")): site \(groupsOfNode[0])") }
            let clusterGroups = options.clusterFromGroup ? groupsHolding(node.name) : []
            if clusterGroups.count > 1 { notes.append("in netlab groups \(clusterGroups.joined(separator: ", ")): cluster \(clusterGroups[0])") }
            hosts[clusterGroups.first ?? "netlab", default: []].append(
                ImportDocument.Host(name: safe(node.name), rack: rack, uplinks: order, vlans: sortedNames(all), notes: notes))
        }
        // A cluster needs hosts: what was left out is said at the head of the section.
        let clusters = hosts.map { name, members in
            ImportDocument.Cluster(name: name, platform: "generic", hosts: members,
                                   notes: [options.clusterFromGroup && name != "netlab"
                                           ? "the hosts of netlab group \(name)"
                                           : "netlab's hosts, and its routers that join VLANs without bridging them"])
        }
        return (clusters, leftOut)
    }
}
