/// Links, multi-access segments and host uplinks, from the nodes' ports.
extension NetlabMapper {
    func isSwitch(_ node: String) -> Bool { kinds[node] != .host }

    mutating func connect() {
        var taken = Set(lab.nodes.map { safe($0.name) })
        for group in groups {
            let members = group.members.sorted { ($0.node, $0.port.ifindex) < ($1.node, $1.port.ifindex) }
            switch members.count {
            case 0, 1:
                continue
            case 2 where members[0].node == members[1].node:
                // A cable from a node back to itself: the format links two switches.
                let note = "netlab link \(members[0].port.ifname)-\(members[1].port.ifname) from \(members[0].node) to itself left out"
                if isSwitch(members[0].node) { switchNotes[safe(members[0].node), default: []].append(note) } else { hostNotes[members[0].node, default: []].append(note) }
            case 2:
                connectPair(members[0], members[1])
            case _ where members.contains(where: \.port.mlag) && members.contains(where: { !$0.port.mlag }):
                // A LAG to an MLAG pair: the single end is cabled to each switch of the pair.
                for end in members where !end.port.mlag {
                    for peer in members where peer.port.mlag { connectPair(end, peer) }
                }
            default:
                connectSegment(members, group.key, &taken)
            }
        }
        // Links come in the order of the nodes' names; a host's uplinks go in the order of
        // its own ports, so that its first port decides its rack (each uplink was recorded
        // with its port, one for one).
        var portOrder: [String: [Int]] = [:]
        for entry in hostPortVLANs { portOrder[entry.node, default: []].append(entry.port.ifindex) }
        for (host, list) in uplinks {
            guard let order = portOrder[host], order.count == list.count else { continue }
            uplinks[host] = zip(order, list).enumerated()
                .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
                .map(\.element.1)
        }
    }

    /// The VLANs a switch bridges on one of its ports.
    func bridgedOn(_ node: String, _ port: NetlabSnapshot.Port) -> Set<String> {
        port.vlans.subtracting(port.routed).intersection(bridged[node] ?? [])
    }

    func nativeNote(_ natives: [String], _ carried: Set<String>) -> String? {
        let list = Set(natives).intersection(carried).sorted()
        guard !list.isEmpty else { return nil }
        return "native VLAN \(list.joined(separator: ", ")) (untagged in netlab) written as a tagged member"
    }

    /// A link between switches: a trunk of `vlans`, or routed when there are none.
    mutating func trunk(_ a: String, _ b: String, _ vlans: Set<String>, natives: [String]) {
        var link = ImportDocument.Link(a: safe(a), b: b, mode: vlans.isEmpty ? .routed : .trunk, vlans: sortedNames(vlans))
        if let note = nativeNote(natives, vlans) {
            link.notes.append(note)
            counts["native-vlan", default: 0] += 1
        }
        links.append(link)
    }

    mutating func connectPair(_ a: (node: String, port: NetlabSnapshot.Port), _ b: (node: String, port: NetlabSnapshot.Port)) {
        switch (isSwitch(a.node), isSwitch(b.node)) {
        case (true, true) where a.port.peerLink || b.port.peerLink:
            // The peer link of an MLAG pair carries every VLAN the pair bridges.
            let common = (bridged[a.node] ?? []).intersection(bridged[b.node] ?? [])
            trunk(a.node, safe(b.node), common, natives: [])
            links[links.count - 1].notes.append("netlab MLAG peer link: carries every VLAN both switches bridge")
        case (true, true):
            let common = bridgedOn(a.node, a.port).intersection(bridgedOn(b.node, b.port))
            trunk(a.node, safe(b.node), common, natives: [a.port.native, b.port.native].compactMap { $0 })
        case (true, false):
            attach(host: b, to: a.node, bridges: bridgedOn(a.node, a.port), others: [a.port])
        case (false, true):
            attach(host: a, to: b.node, bridges: bridgedOn(b.node, b.port), others: [b.port])
        case (false, false):
            for (me, peer) in [(a, b), (b, a)] {
                hostNotes[me.node, default: []].append("netlab link \(me.port.ifname) to \(peer.node) left out: links join switches")
            }
            counts["host-link", default: 0] += 1
        }
    }

    mutating func attach(host: (node: String, port: NetlabSnapshot.Port), to switchNode: String, bridges: Set<String>,
                                 others: [NetlabSnapshot.Port]) {
        let vlans = joined(host.port, others: others).intersection(bridges)
        uplinks[host.node, default: []].append((safe(switchNode), vlans))
        hostPortVLANs.append((host.node, host.port, vlans))
    }

    /// Three or more nodes on one link: netlab bridges them (the provider's bridge), and the
    /// format has no shared segment, so the bridge becomes a switch of its own.
    mutating func connectSegment(_ members: [(node: String, port: NetlabSnapshot.Port)], _ key: String, _ taken: inout Set<String>) {
        let base = members.lazy.compactMap(\.port.bridge).first ?? members[0].port.linkindex.map { "lan\($0)" } ?? "lan"
        let name = ImportNames.unique(safe(base), avoiding: taken)
        taken.insert(name)
        segmentByKey[key] = name
        let carried = members.reduce(into: Set<String>()) { $0.formUnion($1.port.vlans) }.intersection(knownVLANs)
        switchVLANs[name] = carried
        let firstSwitch = members.first { isSwitch($0.node) }?.node ?? members[0].node
        switchSite[name] = site(of: firstSwitch)
        let origin = members[0].port.linkindex.map { "netlab link \($0)" } ?? "netlab LAG"
        switchNotes[name, default: []].append("\(origin) joins \(members.count) nodes (\(members.map(\.node).joined(separator: ", "))): its bridge written as this switch")
        counts["segment", default: 0] += 1
        for member in members {
            if isSwitch(member.node) {
                let vlans = bridgedOn(member.node, member.port)
                trunk(member.node, name, vlans, natives: [member.port.native].compactMap { $0 })
            } else {
                let vlans = joined(member.port, others: others(in: members, than: member.node, member.port)).intersection(carried)
                uplinks[member.node, default: []].append((name, vlans))
                hostPortVLANs.append((member.node, member.port, vlans))
            }
        }
    }

    /// VLANs a node only routes: the format's switches bridge what they carry, and a routed
    /// VLAN interface is neither a carried VLAN nor a host.
    mutating func noteRoutedVLANs() {
        for node in lab.nodes {
            // VLANs in mode route, and VLANs of a bridging mode the node ends up not bridging
            // because its only port in them is routed.
            let routedPorts = node.ports.contains { $0.routedPort }
            let routed = node.vlans.keys.filter { vlan in
                knownVLANs.contains(vlan) && (mode(node, vlan) == "route"
                    || (routedPorts && bridgingMode(node).contains(vlan) && bridged[node.name]?.contains(vlan) != true))
            }.sorted()
            guard !routed.isEmpty else { continue }
            counts["routed-vlan", default: 0] += routed.count
            for vlan in routed {
                if kinds[node.name] == .host {
                    hostNotes[node.name, default: []].append("routes VLAN \(vlan) on a VLAN interface (netlab vlan mode route): written as a host on it")
                } else {
                    switchNotes[safe(node.name), default: []].append("routes VLAN \(vlan) without bridging it (netlab vlan mode route): not carried here")
                }
            }
        }
    }
}
