/// VLANs with their subnets, VNIs and gateways.
extension NetlabMapper {
    mutating func vlans() -> [ImportDocument.VLAN] {
        vlanDefinitions().map { def in
            let global = lab.vlans[def.name]
            var vlan = ImportDocument.VLAN(name: safe(def.name), id: def.id, subnet: global?.ipv4 ?? global?.ipv6, vni: def.vni)
            if vlan.name != def.name { vlan.notes.append("netlab name: \(def.name)") }
            if global?.ipv4 != nil, let v6 = global?.ipv6 { vlan.notes.append("IPv6 prefix \(v6) as well; the format takes one subnet") }
            let (gateway, notes) = gateway(for: def.name)
            vlan.gateway = gateway
            vlan.notes += notes
            return vlan
        }
    }

    func switchSVIs(_ vlan: String) -> [(node: String, svi: NetlabSnapshot.SVI)] {
        lab.nodes.filter { kinds[$0.name] == .bridging }.flatMap { node in node.svis.filter { $0.vlan == vlan }.map { (node.name, $0) } }
    }

    mutating func gateway(for vlan: String) -> (ImportDocument.Gateway?, [String]) {
        let svis = switchSVIs(vlan)
        // First-hop redundancy (netlab gateway module): anycast, else VRRP by priority.
        let fhrp = svis.filter { $0.svi.redundancy != nil }
        if fhrp.contains(where: { $0.svi.redundancy == "anycast" }) {
            return (.anycast(fhrp.filter { $0.svi.redundancy == "anycast" }.map { safe($0.node) }.sorted()), [])
        }
        if fhrp.count == 1 { return (.single(safe(fhrp[0].node)), []) }
        if fhrp.count > 1 {
            let ranked: [(node: String, priority: Int, address: [Int])] = fhrp.map { entry in
                let priority = entry.svi.priority ?? nodes[entry.node]?.vrrpPriority ?? 100
                return (entry.node, priority, addressKey(entry.svi.addresses.first ?? ""))
            }.sorted { lhs, rhs in
                if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
                if lhs.address != rhs.address { return rhs.address.lexicographicallyPrecedes(lhs.address) }
                return lhs.node < rhs.node
            }
            let described = ranked.map { "\($0.node) (priority \($0.priority))" }.joined(separator: ", ")
            return (.activeStandby(active: safe(ranked[0].node), standby: ranked.dropFirst().map { safe($0.node) }.sorted()),
                    ["netlab \(fhrp[0].svi.redundancy ?? "vrrp"): \(described); the highest priority is active"])
        }
        // The address the hosts on this VLAN use as their gateway, and who owns it.
        var named: [String: Int] = [:]
        for entry in hostPortVLANs where entry.vlans == [vlan] {
            if let address = entry.port.gateway { named[address, default: 0] += 1 }
        }
        if let address = named.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first?.key, let owner = owner(of: address, vlan) {
            if isSwitch(owner.node), switchVLANs[safe(owner.node)]?.contains(vlan) == true { return (.single(safe(owner.node)), []) }
            counts["router-gateway", default: 0] += 1
            let what = isSwitch(owner.node) ? "\(owner.node) (\(address)), which routes it without bridging it" : "\(owner.node) (\(address)), written as a host"
            guard let standIn = standIns(for: owner, vlan).first else {
                return (nil, ["netlab: the hosts' gateway is \(what), next to no switch of this VLAN: no gateway written"])
            }
            return (.single(standIn), ["netlab: the hosts' gateway is \(what): the switch next to it, \(standIn), stands in"])
        }
        let addressed = svis.filter { !$0.svi.addresses.isEmpty }.map(\.node)
        if addressed.count == 1 { return (.single(safe(addressed[0])), []) }
        if addressed.count > 1 {
            return (nil, ["VLAN interfaces with addresses on \(addressed.map(safe).joined(separator: ", ")) and no host names one as its gateway: no gateway written"])
        }
        return (nil, [])
    }

    /// The node with `address` on a VLAN interface of `vlan`, or on one of its ports.
    func owner(of address: String, _ vlan: String) -> (node: String, port: NetlabSnapshot.Port?)? {
        for node in lab.nodes where node.svis.contains(where: { $0.vlan == vlan && $0.addresses.contains(address) }) {
            return (node.name, nil)
        }
        for node in lab.nodes {
            if let port = node.ports.first(where: { $0.addresses.contains(address) }) { return (node.name, port) }
        }
        return nil
    }

    /// Switches that carry `vlan` next to a gateway that routes it: the segment or switch
    /// on the gateway's port, and a host's uplinks.
    func standIns(for owner: (node: String, port: NetlabSnapshot.Port?), _ vlan: String) -> [String] {
        var result: Set<String> = []
        if let port = owner.port, let group = groups.first(where: { $0.key == port.key }) {
            if let segment = segmentByKey[port.key] {
                result.insert(segment)
            } else {
                for member in group.members where member.node != owner.node && isSwitch(member.node) { result.insert(safe(member.node)) }
            }
        }
        for uplink in uplinks[owner.node] ?? [] where uplink.vlans.contains(vlan) { result.insert(uplink.to) }
        return result.filter { switchVLANs[$0]?.contains(vlan) == true }.sorted()
    }

    /// IPv4 addresses compare as numbers (VRRP's tie-break: the higher address wins).
    func addressKey(_ address: String) -> [Int] {
        address.split(separator: ".").map { Int($0) ?? 0 }
    }
}
