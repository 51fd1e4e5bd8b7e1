/// The mapping from a netlab snapshot to an `ImportDocument` (see `NetlabImporter`).
struct NetlabMapper {
    let lab: NetlabSnapshot
    let options: NetlabImporter.Options

    enum Kind { case bridging, router, host }

    private var counts: [String: Int] = [:]
    private var nodes: [String: NetlabSnapshot.Node] = [:]
    private var kinds: [String: Kind] = [:]
    private var bridged: [String: Set<String>] = [:]
    private var knownVLANs: Set<String> = []
    /// Ports grouped by link or segment, in order of first appearance.
    private var groups: [(key: String, members: [(node: String, port: NetlabSnapshot.Port)])] = []
    /// Written switches by name: what they carry, and notes.
    private var switchVLANs: [String: Set<String>] = [:]
    private var switchNotes: [String: [String]] = [:]
    private var switchSite: [String: String] = [:]
    private var segmentByKey: [String: String] = [:]
    private var links: [ImportDocument.Link] = []
    /// Per host: its uplinks in port order, with the VLANs each port gives it.
    private var uplinks: [String: [(to: String, vlans: Set<String>)]] = [:]
    private var hostNotes: [String: [String]] = [:]
    /// The VLANs of each host port, for the gateways the hosts name.
    private var hostPortVLANs: [(node: String, port: NetlabSnapshot.Port, vlans: Set<String>)] = []

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
        let (clusters, leftOut) = clusters()
        document.clusters = clusters
        if !leftOut.isEmpty { document.sectionNotes[.clusters] = leftOut }
        let approximations = NetlabImporter.kinds.map { Approximation(kind: $0.kind, summary: $0.summary, count: counts[$0.kind] ?? 0) }
        return ImportOutcome(document: document, approximations: approximations)
    }

    // MARK: - Reading the lab

    private func header() -> [String] {
        [
            "Imported from netlab by `topolint import netlab`: \(options.sourceName)",
            "netlab version: " + (lab.version ?? "not recorded in the file (no _netlab_version)"),
            "netlab has no sites, pods or racks: " + (options.siteFromGroup ? "a site per netlab group, " : "one site, ")
                + "one pod per site, a rack per switch; hosts stand in the rack of their first switch.",
            "Comments below mark what the format cannot say and how it was approximated (docs/import.md).",
        ]
    }

    /// VLANs of the lab: the global ones, then those only nodes define, each with its id.
    private func vlanDefinitions() -> [(name: String, id: Int, vni: Int?)] {
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

    private func mode(_ node: NetlabSnapshot.Node, _ vlan: String) -> String {
        node.vlans[vlan]?.mode ?? node.defaultVLANMode ?? lab.vlans[vlan]?.mode ?? "irb"
    }

    private mutating func groupPorts() {
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
    private func joined(_ port: NetlabSnapshot.Port, others: [NetlabSnapshot.Port]) -> Set<String> {
        let result: Set<String>
        if !port.vlans.isEmpty {
            result = port.vlans.intersection(others.reduce(into: Set<String>()) { $0.formUnion($1.vlans) })
        } else {
            result = Set(others.compactMap(\.untagged))
        }
        return result.intersection(knownVLANs)
    }

    private func others(in group: [(node: String, port: NetlabSnapshot.Port)], than node: String, _ port: NetlabSnapshot.Port) -> [NetlabSnapshot.Port] {
        group.filter { !($0.node == node && $0.port.ifname == port.ifname) }.map(\.port)
    }

    private mutating func classify() {
        for node in lab.nodes {
            let bridges = Set(node.vlans.keys.filter { knownVLANs.contains($0) && ["irb", "bridge"].contains(mode(node, $0)) })
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

    // MARK: - Places

    private func siteNames() -> [String] {
        guard options.siteFromGroup else { return ["lab"] }
        return Array(Set(lab.nodes.map { site(of: $0.name) })).sorted()
    }

    private func pod(_ site: String) -> String { "\(site)-p1" }
    private func rack(_ switchName: String) -> String { "\(switchName)-rack" }

    /// The node's site: with --site-from-group the first netlab group (in file order) that
    /// holds it, directly or through a nested group; netlab's own groups do not count.
    private func site(of node: String) -> String {
        siteGroups(of: node).first ?? "lab"
    }

    private func siteGroups(of node: String) -> [String] {
        options.siteFromGroup ? groupsHolding(node) : []
    }

    /// The netlab groups that hold a node, in file order, netlab's own groups left out.
    private func groupsHolding(_ node: String) -> [String] {
        let table = Dictionary(lab.groups.map { ($0.name, $0.members) }, uniquingKeysWith: { a, _ in a })
        func holds(_ group: String, _ seen: Set<String>) -> Bool {
            guard let members = table[group], !seen.contains(group) else { return false }
            return members.contains { $0 == node || (table[$0] != nil && holds($0, seen.union([group]))) }
        }
        return lab.groups.map(\.name).filter { !$0.hasPrefix("netlab_") && !$0.hasPrefix("_") && holds($0, []) }
            .map(ImportNames.formatSafe)
    }

    private func safe(_ name: String) -> String { ImportNames.formatSafe(name) }

    /// VLAN names as written, sorted.
    private func sortedNames(_ vlans: Set<String>) -> [String] { vlans.map(safe).sorted() }

    /// Switches (bridging nodes, routers in no VLAN, segments) with their sites.
    private mutating func placeSwitches() {
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

    private func describe(_ node: NetlabSnapshot.Node) -> String {
        "\(node.role ?? "node")" + (node.device.map { " (\($0))" } ?? "")
    }

    // MARK: - Links, segments and uplinks

    private func isSwitch(_ node: String) -> Bool { kinds[node] != .host }

    private mutating func connect() {
        var taken = Set(lab.nodes.map { safe($0.name) })
        for group in groups {
            let members = group.members.sorted { ($0.node, $0.port.ifindex) < ($1.node, $1.port.ifindex) }
            switch members.count {
            case 0, 1:
                continue
            case 2:
                connectPair(members[0], members[1])
            default:
                connectSegment(members, group.key, &taken)
            }
        }
    }

    /// The VLANs a switch bridges on one of its ports.
    private func bridgedOn(_ node: String, _ port: NetlabSnapshot.Port) -> Set<String> {
        port.vlans.intersection(bridged[node] ?? [])
    }

    private func nativeNote(_ natives: [String], _ carried: Set<String>) -> String? {
        let list = Set(natives).intersection(carried).sorted()
        guard !list.isEmpty else { return nil }
        return "native VLAN \(list.joined(separator: ", ")) (untagged in netlab) written as a tagged member"
    }

    /// A link between switches: a trunk of `vlans`, or routed when there are none.
    private mutating func trunk(_ a: String, _ b: String, _ vlans: Set<String>, natives: [String]) {
        var link = ImportDocument.Link(a: safe(a), b: b, mode: vlans.isEmpty ? .routed : .trunk, vlans: sortedNames(vlans))
        if let note = nativeNote(natives, vlans) {
            link.notes.append(note)
            counts["native-vlan", default: 0] += 1
        }
        links.append(link)
    }

    private mutating func connectPair(_ a: (node: String, port: NetlabSnapshot.Port), _ b: (node: String, port: NetlabSnapshot.Port)) {
        switch (isSwitch(a.node), isSwitch(b.node)) {
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

    private mutating func attach(host: (node: String, port: NetlabSnapshot.Port), to switchNode: String, bridges: Set<String>,
                                 others: [NetlabSnapshot.Port]) {
        let vlans = joined(host.port, others: others).intersection(bridges)
        uplinks[host.node, default: []].append((safe(switchNode), vlans))
        hostPortVLANs.append((host.node, host.port, vlans))
    }

    /// Three or more nodes on one link: netlab bridges them (the provider's bridge), and the
    /// format has no shared segment, so the bridge becomes a switch of its own.
    private mutating func connectSegment(_ members: [(node: String, port: NetlabSnapshot.Port)], _ key: String, _ taken: inout Set<String>) {
        let base = members.lazy.compactMap(\.port.bridge).first ?? members[0].port.linkindex.map { "lan\($0)" } ?? "lan"
        let name = ImportNames.unique(safe(base), avoiding: taken)
        taken.insert(name)
        segmentByKey[key] = name
        let carried = members.reduce(into: Set<String>()) { $0.formUnion($1.port.vlans) }.intersection(knownVLANs)
        switchVLANs[name] = carried
        let firstSwitch = members.first { isSwitch($0.node) }?.node ?? members[0].node
        switchSite[name] = site(of: firstSwitch)
        let origin = members[0].port.linkindex.map { "netlab link \($0)" } ?? "netlab segment"
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
    private mutating func noteRoutedVLANs() {
        for node in lab.nodes {
            let routed = node.vlans.keys.filter { knownVLANs.contains($0) && mode(node, $0) == "route" }.sorted()
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

    // MARK: - Writing

    private func writeSwitches(into document: inout ImportDocument) {
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

    private func vlanVNI(_ vlan: String) -> Int? {
        lab.vlans[vlan]?.vni ?? lab.nodes.lazy.compactMap { $0.vlans[vlan]?.vni }.first
    }

    /// Each host's rack: its first switch's, or its own when that switch is in another site.
    private func hostPlacements() -> [(node: String, rack: String, ownRack: Bool)] {
        lab.nodes.filter { kinds[$0.name] == .host }.compactMap { node in
            guard let first = uplinks[node.name]?.first else { return nil }
            if switchSite[first.to] == site(of: node.name) { return (node.name, rack(first.to), false) }
            return (node.name, rack(safe(node.name)), true)
        }
    }

    /// Hosts in cluster `netlab`, or with --cluster-from-group in a cluster per netlab group
    /// (the first that holds the host; `netlab` for hosts in none).
    private mutating func clusters() -> ([ImportDocument.Cluster], [String]) {
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

    // MARK: - VLANs and gateways

    private mutating func vlans() -> [ImportDocument.VLAN] {
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

    private func switchSVIs(_ vlan: String) -> [(node: String, svi: NetlabSnapshot.SVI)] {
        lab.nodes.filter { kinds[$0.name] == .bridging }.flatMap { node in node.svis.filter { $0.vlan == vlan }.map { (node.name, $0) } }
    }

    private mutating func gateway(for vlan: String) -> (ImportDocument.Gateway?, [String]) {
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
    private func owner(of address: String, _ vlan: String) -> (node: String, port: NetlabSnapshot.Port?)? {
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
    private func standIns(for owner: (node: String, port: NetlabSnapshot.Port?), _ vlan: String) -> [String] {
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
    private func addressKey(_ address: String) -> [Int] {
        address.split(separator: ".").map { Int($0) ?? 0 }
    }
}
