/// How an inventory becomes a design. Options come from the command line.
public struct MappingOptions: Sendable {
    /// Device role slugs (lower case) that make a device a switch.
    public var switchRoles: Set<String>
    /// Cluster type slug → platform of the rule pack.
    public var platformMap: [String: String]
    /// Sites to keep, by name or slug; empty keeps all.
    public var sites: [String]
    public var topologyName: String

    public static let defaultSwitchRoles: [String] = [
        "access", "access-switch", "leaf", "spine", "aggregation", "distribution", "core", "core-switch",
        "border", "border-leaf", "dci", "tor", "switch", "network-switch", "top-of-rack",
    ]

    public init(switchRoles: [String] = defaultSwitchRoles, platformMap: [String: String] = [:], sites: [String] = [],
                topologyName: String) {
        self.switchRoles = Set(switchRoles.map { $0.lowercased() })
        self.platformMap = platformMap
        self.sites = sites
        self.topologyName = topologyName
    }
}

/// The result of a mapping: the design, and what could not be carried over (said on
/// standard error, so a re-import shows what the source of truth still lacks).
public struct MappedDesign: Sendable {
    public var design: DesignValue
    public var warnings: [String]
}

public enum InventoryMapping {
    /// The VLANs an interface lets through.
    enum Allowed: Equatable {
        case routed
        case all
        case some(Set<String>)

        func intersect(_ o: Allowed) -> Allowed {
            switch (self, o) {
            case (.routed, _), (_, .routed): return .routed
            case (.all, _): return o
            case (_, .all): return self
            case let (.some(a), .some(b)): return .some(a.intersection(b))
            }
        }
    }

    public static func map(_ inventory: Inventory, options: MappingOptions) -> MappedDesign {
        var inv = inventory
        var warnings: [String] = []

        // Scope: the sites asked for, and what lives in them.
        if !options.sites.isEmpty {
            let wanted = Set(options.sites.map { $0.lowercased() })
            let found = inv.sites.filter { wanted.contains($0.name.lowercased()) || wanted.contains(($0.slug ?? "").lowercased()) }
            let missing = options.sites.filter { s in !found.contains { $0.name.lowercased() == s.lowercased() || ($0.slug ?? "").lowercased() == s.lowercased() } }
            for m in missing { warnings.append("site '\(m)' is not in \(inv.source)") }
            let keep = Set(found.map(\.id))
            inv.sites = found
            inv.locations = inv.locations.filter { keep.contains($0.siteID) }
            inv.racks = inv.racks.filter { keep.contains($0.siteID) }
            inv.devices = inv.devices.filter { keep.contains($0.siteID) }
            inv.vlans = inv.vlans.filter { $0.siteID.map(keep.contains) ?? true }
        }

        let siteName = Dictionary(inv.sites.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let siteNames = Naming.unique(inv.sites.map { ($0.id, $0.name, nil) })
        let podNames = Naming.unique(inv.locations.map { ($0.id, $0.name, siteName[$0.siteID]) })
        let rackNames = Naming.unique(inv.racks.map { ($0.id, $0.name, siteName[$0.siteID]) })
        let switches = inv.devices.filter { $0.role.map(options.switchRoles.contains) ?? false }
        let switchIDs = Set(switches.map(\.id))
        let deviceNames = Naming.unique(inv.devices.map { ($0.id, $0.name, siteName[$0.siteID]) })
        let vlanNames = Naming.unique(inv.vlans.map { ($0.id, $0.name, $0.siteID.flatMap { siteName[$0] }) })
        let vlanByID = Dictionary(inv.vlans.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let interfaceByID = Dictionary(inv.interfaces.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let interfacesOf = Dictionary(grouping: inv.interfaces, by: \.deviceID)
        let deviceByID = Dictionary(inv.devices.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let prefixesOf = Dictionary(grouping: inv.prefixes, by: \.vlanID)
        let vlanOrder: (String, String) -> Bool = { a, b in
            let x = vlanByID[a]!, y = vlanByID[b]!
            return (x.vid, vlanNames[a]!) < (y.vid, vlanNames[b]!)
        }

        // The VLAN whose prefix holds an address.
        func vlan(holding address: String) -> String? {
            inv.prefixes.filter { vlanByID[$0.vlanID] != nil && AddressMath.contains(prefix: $0.prefix, address: address) }
                .max { $0.prefix.split(separator: "/").last.flatMap { Int($0) } ?? 0 < $1.prefix.split(separator: "/").last.flatMap { Int($0) } ?? 0 }?
                .vlanID
        }
        // VLANs a device may use: its site's and the global ones (NetBox's `tagged-all`).
        func available(to device: Inventory.Device) -> Set<String> {
            Set(inv.vlans.filter { $0.siteID == nil || $0.siteID == device.siteID }.map(\.id))
        }
        func effective(_ i: Inventory.Interface) -> Inventory.Interface { i.lagID.flatMap { interfaceByID[$0] } ?? i }
        func allowed(_ i: Inventory.Interface) -> Allowed {
            switch i.mode {
            case nil: return .routed
            case .taggedAll: return .all
            case .access: return .some(Set([i.untaggedVLAN].compactMap { $0 }.filter { vlanByID[$0] != nil }))
            case .tagged: return .some(Set(([i.untaggedVLAN].compactMap { $0 } + i.taggedVLANs).filter { vlanByID[$0] != nil }))
            }
        }

        // Switch VLANs: what their ports let through, and their SVIs.
        var switchVLANs: [String: Set<String>] = [:]
        for sw in switches {
            var set: Set<String> = []
            for i in interfacesOf[sw.id] ?? [] {
                switch allowed(i) {
                case .routed: break
                case .all: set.formUnion(available(to: sw))
                case let .some(s): set.formUnion(s)
                }
            }
            switchVLANs[sw.id] = set
        }
        for ip in inv.ipAddresses {
            guard let iid = ip.interfaceID, let i = interfaceByID[iid], switchIDs.contains(i.deviceID), i.isVirtual,
                  let v = vlan(holding: ip.address) else { continue }
            switchVLANs[i.deviceID, default: []].insert(v)
        }
        func ends(_ i: Inventory.Interface, facing sw: String) -> Set<String> {
            switch allowed(effective(i)) {
            case .routed: return []
            case .all: return switchVLANs[sw] ?? []
            case let .some(s): return s
            }
        }

        // Cables: switch-to-switch become links (one per LAG pair); switch-to-host become uplinks.
        struct LinkKey: Hashable { var a, b: String }
        var links: [LinkKey: (String, String, Allowed)] = [:]
        var uplinks: [String: Set<String>] = [:]       // host device → switch devices
        var hostVLANs: [String: Set<String>] = [:]     // host device → VLANs of the ports it faces
        for cable in inv.cables {
            guard let a = cable.a.first.flatMap({ interfaceByID[$0] }), let b = cable.b.first.flatMap({ interfaceByID[$0] }) else { continue }
            let aSwitch = switchIDs.contains(a.deviceID), bSwitch = switchIDs.contains(b.deviceID)
            if aSwitch && bSwitch {
                guard a.deviceID != b.deviceID else { continue }
                let ea = effective(a), eb = effective(b)
                let (x, y) = deviceNames[a.deviceID]! <= deviceNames[b.deviceID]! ? (ea, eb) : (eb, ea)
                links[LinkKey(a: x.id, b: y.id)] = (x.deviceID, y.deviceID, allowed(ea).intersect(allowed(eb)))
            } else if aSwitch || bSwitch {
                let (port, host) = aSwitch ? (a, b) : (b, a)
                guard deviceByID[host.deviceID] != nil else { continue }
                uplinks[host.deviceID, default: []].insert(port.deviceID)
                hostVLANs[host.deviceID, default: []].formUnion(ends(port, facing: port.deviceID))
            }
        }

        // Gateways: FHRP groups, then anycast addresses, then the one switch with an address.
        var gateway: [String: DesignValue] = [:]
        for g in inv.fhrpGroups {
            let members = g.members.compactMap { m -> (String, Int, Inventory.Interface)? in
                guard let i = interfaceByID[m.interfaceID], switchIDs.contains(i.deviceID) else { return nil }
                return (i.deviceID, m.priority, i)
            }
            guard !members.isEmpty else { continue }
            let v = g.virtualIPs.lazy.compactMap(vlan(holding:)).first ?? members.lazy.compactMap { $0.2.untaggedVLAN }.first
            guard let v, vlanByID[v] != nil else {
                warnings.append("FHRP group \(g.name): no VLAN prefix holds its virtual IP; left out")
                continue
            }
            let ranked = members.sorted { ($1.1, deviceNames[$0.0]!) < ($0.1, deviceNames[$1.0]!) }
            let active = ranked[0].0
            let standby = Array(Set(ranked.dropFirst().map { deviceNames[$0.0]! }.filter { $0 != deviceNames[active]! })).sorted()
            gateway[v] = .map([DesignEntry("active", .text(deviceNames[active]!))] + (standby.isEmpty ? [] : [DesignEntry("standby", .list(standby.map { .text($0) }))]))
        }
        var addressedSwitches: [String: Set<String>] = [:], anycast: [String: Set<String>] = [:]
        for ip in inv.ipAddresses {
            guard let iid = ip.interfaceID, let i = interfaceByID[iid], switchIDs.contains(i.deviceID),
                  let v = vlan(holding: ip.address) else { continue }
            if ip.role == "anycast" { anycast[v, default: []].insert(i.deviceID) }
            else if !["vip", "hsrp", "vrrp", "glbp", "carp"].contains(ip.role ?? "") { addressedSwitches[v, default: []].insert(i.deviceID) }
        }
        for v in inv.vlans.map(\.id) where gateway[v] == nil {
            if let set = anycast[v], set.count >= 2 {
                gateway[v] = .map([DesignEntry("anycast", .list(set.map { deviceNames[$0]! }.sorted().map { .text($0) }))])
            } else if let set = addressedSwitches[v], set.count == 1 {
                gateway[v] = .text(deviceNames[set.first!]!)
            } else if let set = addressedSwitches[v], set.count > 1 {
                warnings.append("VLAN \(vlanNames[v]!): \(set.count) switches have addresses in its prefix and no FHRP group ties them; no gateway set")
            }
        }

        // Hosts: devices in a cluster, placed by rack, cabled to switches.
        struct Host { var device: Inventory.Device; var rack: String; var uplinks: [String]; var vlans: Set<String> }
        var hostsOf: [String: [Host]] = [:]
        let clusterByID = Dictionary(inv.clusters.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for d in inv.devices where !switchIDs.contains(d.id) {
            guard let c = d.clusterIDs.first(where: { clusterByID[$0] != nil }) else { continue }
            guard let rack = d.rackID.flatMap({ rackNames[$0] }) else {
                warnings.append("host \(deviceNames[d.id]!) has no rack; left out"); continue
            }
            let ups = (uplinks[d.id] ?? []).map { deviceNames[$0]! }.sorted()
            guard !ups.isEmpty else { warnings.append("host \(deviceNames[d.id]!) has no cable to a switch; left out"); continue }
            hostsOf[c, default: []].append(Host(device: d, rack: rack, uplinks: ups, vlans: hostVLANs[d.id] ?? []))
        }
        let clusterNames = Naming.unique(inv.clusters.filter { hostsOf[$0.id] != nil }.map { ($0.id, $0.name, nil) })

        // Assemble, every section sorted by name.
        func vlanList(_ ids: Set<String>) -> DesignValue { .list(ids.sorted(by: vlanOrder).map { .text(vlanNames[$0]!) }) }
        var top: [DesignEntry] = [DesignEntry("topology", .text(options.topologyName)), DesignEntry("version", .int(1))]
        top.append(DesignEntry("sites", .map(inv.sites.map { DesignEntry(siteNames[$0.id]!, .map([])) }.sorted { $0.key < $1.key })))
        top.append(DesignEntry("pods", .map(inv.locations.map { DesignEntry(podNames[$0.id]!, .map([DesignEntry("site", .text(siteNames[$0.siteID]!))])) }.sorted { $0.key < $1.key })))
        top.append(DesignEntry("racks", .map(inv.racks.map { r in
            DesignEntry(rackNames[r.id]!, .map([r.locationID.flatMap { podNames[$0] }.map { DesignEntry("pod", .text($0)) } ?? DesignEntry("site", .text(siteNames[r.siteID]!))]))
        }.sorted { $0.key < $1.key })))
        top.append(DesignEntry("switches", .map(switches.map { sw in
            var f: [DesignEntry] = []
            if let r = sw.rackID.flatMap({ rackNames[$0] }) { f.append(DesignEntry("rack", .text(r))) }
            else if let p = sw.locationID.flatMap({ podNames[$0] }) { f.append(DesignEntry("pod", .text(p))) }
            else { f.append(DesignEntry("site", .text(siteNames[sw.siteID]!))) }
            f.append(DesignEntry("role", .text(Naming.role(sw.role ?? ""))))
            // A leaf carrying a VLAN with a VNI is taken for a VTEP: EVPN fabrics put them there.
            f.append(DesignEntry("vlans", vlanList(switchVLANs[sw.id] ?? [])))
            if inv.vlans.contains(where: { $0.vni != nil && (switchVLANs[sw.id] ?? []).contains($0.id) }) && (sw.role ?? "").contains("leaf") {
                f.append(DesignEntry("vtep", .bool(true)))
            }
            let mapped = Naming.role(sw.role ?? "")
            return DesignEntry(deviceNames[sw.id]!, .map(f), comment: sw.role.flatMap { $0 == mapped ? nil : "role \($0) in the source" })
        }.sorted { $0.key < $1.key })))
        let linkItems = links.values.map { (a, b, allow) -> (String, String, DesignValue) in
            var f = [DesignEntry("between", .list([.text(deviceNames[a]!), .text(deviceNames[b]!)]))]
            switch allow {
            case .routed: f.append(DesignEntry("mode", .text("routed")))
            case .all: break
            case let .some(s): f.append(DesignEntry("vlans", vlanList(s)))
            }
            return (deviceNames[a]!, deviceNames[b]!, .map(f))
        }.sorted { ($0.0, $0.1, DesignWriter.flow($0.2)) < ($1.0, $1.1, DesignWriter.flow($1.2)) }
        top.append(DesignEntry("links", .list(linkItems.map(\.2))))
        top.append(DesignEntry("vlans", .map(inv.vlans.map { v in
            var f = [DesignEntry("id", .int(v.vid))]
            let prefixes = (prefixesOf[v.id] ?? []).map(\.prefix).sorted { (AddressMath.isIPv4($1) ? 1 : 0, $0) < (AddressMath.isIPv4($0) ? 1 : 0, $1) }
            if let p = prefixes.first { f.append(DesignEntry("subnet", .text(p))) }
            if let vni = v.vni { f.append(DesignEntry("vni", .int(vni))) }
            if let g = gateway[v.id] { f.append(DesignEntry("gateway", g)) }
            return DesignEntry(vlanNames[v.id]!, .map(f))
        }.sorted { $0.key < $1.key })))
        top.append(DesignEntry("clusters", .map(inv.clusters.compactMap { c -> DesignEntry? in
            guard let hosts = hostsOf[c.id], !hosts.isEmpty else { return nil }
            let shared = hosts.dropFirst().reduce(hosts[0].vlans) { $0.intersection($1.vlans) }
            var f: [DesignEntry] = []
            let platform = c.platform ?? c.type.flatMap { options.platformMap[$0] }
            f.append(DesignEntry("platform", .text(platform ?? "generic")))
            if !shared.isEmpty { f.append(DesignEntry("vlans", vlanList(shared))) }
            f.append(DesignEntry("hosts", .map(hosts.map { h in
                var hf = [DesignEntry("rack", .text(h.rack)), DesignEntry("uplinks", .list(h.uplinks.map { .text($0) }))]
                let own = h.vlans.subtracting(shared)
                if !own.isEmpty { hf.append(DesignEntry("vlans", vlanList(own))) }
                return DesignEntry(deviceNames[h.device.id]!, .map(hf))
            }.sorted { $0.key < $1.key })))
            if platform == nil, let t = c.type { warnings.append("cluster \(clusterNames[c.id]!): type '\(t)' has no platform (--platform-map \(t)=PLATFORM or custom field topolint_platform); generic used") }
            return DesignEntry(clusterNames[c.id]!, .map(f), comment: c.type.map { "cluster type \($0)" })
        }.sorted { $0.key < $1.key })))

        // Workloads: VMs grouped by cluster, VLANs and role.
        struct GroupKey: Hashable { var cluster: String; var vlans: [String]; var role: String }
        var groups: [GroupKey: Int] = [:]
        for vm in inv.virtualMachines {
            guard let c = vm.clusterID, clusterNames[c] != nil else { continue }
            let vlans = Array(Set(vm.vlanIDs.filter { vlanByID[$0] != nil })).sorted(by: vlanOrder)
            guard !vlans.isEmpty else { warnings.append("VM \(vm.name) has no VLAN; left out"); continue }
            groups[GroupKey(cluster: clusterNames[c]!, vlans: vlans.map { vlanNames[$0]! }, role: vm.role ?? ""), default: 0] += 1
        }
        let ordered = groups.keys.sorted { ($0.cluster, $0.role, $0.vlans.joined(separator: ",")) < ($1.cluster, $1.role, $1.vlans.joined(separator: ",")) }
        let base = Dictionary(grouping: ordered) { "\($0.cluster)-\($0.role.isEmpty ? "vms" : $0.role)" }
        let workloads = ordered.map { k -> DesignEntry in
            let stem = "\(k.cluster)-\(k.role.isEmpty ? "vms" : k.role)"
            let name = base[stem]!.count > 1 ? stem + "-" + k.vlans.joined(separator: "-") : stem
            return DesignEntry(name, .map([DesignEntry("cluster", .text(k.cluster)), DesignEntry("vlans", .list(k.vlans.map { .text($0) })),
                                           DesignEntry("count", .int(groups[k]!))]))
        }.sorted { $0.key < $1.key }
        top.append(DesignEntry("workloads", .map(workloads)))
        return MappedDesign(design: .map(top), warnings: warnings)
    }
}

enum Naming {
    /// One name per id, unique within a kind: a name that several objects share gets its
    /// site in front (`fra1-r01`), and if that still collides, its id behind.
    static func unique(_ items: [(id: String, name: String, site: String?)]) -> [String: String] {
        let counts = Dictionary(grouping: items, by: \.name).mapValues(\.count)
        var out: [String: String] = [:]
        var taken: Set<String> = []
        for item in items.sorted(by: { ($0.name, $0.id.count, $0.id) < ($1.name, $1.id.count, $1.id) }) {
            var name = counts[item.name]! > 1 ? (item.site.map { "\($0)-\(item.name)" } ?? item.name) : item.name
            if taken.contains(name) { name += "-\(item.id)" }
            taken.insert(name)
            out[item.id] = name
        }
        return out
    }

    /// A device role slug as a switch role of the format.
    static func role(_ slug: String) -> String {
        let s = slug.lowercased()
        if s.contains("spine") { return "spine" }
        if s.contains("leaf") { return s.contains("border") ? "border" : "leaf" }
        if s.contains("dci") { return "dci" }
        if s.contains("border") || s.contains("edge") { return "border" }
        if s.contains("core") { return "core" }
        if s.contains("agg") || s.contains("distribution") { return "aggregation" }
        return "access"
    }
}
