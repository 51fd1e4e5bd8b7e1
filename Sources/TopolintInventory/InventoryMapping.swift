import TopolintImport

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
    public var design: ImportDocument
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
            // A VLAN scoped to sites stays when one of them does; a global one always.
            inv.vlans = inv.vlans.filter { $0.siteIDs.isEmpty || $0.siteIDs.contains(where: keep.contains) }
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
            Set(inv.vlans.filter { $0.isAvailable(in: device.siteID) }.map(\.id))
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
        var gateway: [String: ImportDocument.Gateway] = [:]
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
            gateway[v] = .activeStandby(active: deviceNames[active]!, standby: standby)
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
                gateway[v] = .anycast(set.map { deviceNames[$0]! }.sorted())
            } else if let set = addressedSwitches[v], set.count == 1 {
                gateway[v] = .single(deviceNames[set.first!]!)
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

        // Assemble; the writer orders every section.
        func vlanList(_ ids: Set<String>) -> [String] { ids.sorted(by: vlanOrder).map { vlanNames[$0]! } }
        var document = ImportDocument(name: options.topologyName)
        document.sites = inv.sites.map { .init(name: siteNames[$0.id]!) }
        document.pods = inv.locations.map { .init(name: podNames[$0.id]!, site: siteNames[$0.siteID]!) }
        document.racks = inv.racks.map { r in
            let pod = r.locationID.flatMap { podNames[$0] }
            return .init(name: rackNames[r.id]!, pod: pod, site: pod == nil ? siteNames[r.siteID]! : nil)
        }
        document.switches = switches.map { sw in
            let rack = sw.rackID.flatMap { rackNames[$0] }
            let pod = rack == nil ? sw.locationID.flatMap { podNames[$0] } : nil
            let mapped = Naming.role(sw.role ?? "")
            let carried = switchVLANs[sw.id] ?? []
            // A leaf carrying a VLAN with a VNI is taken for a VTEP: EVPN fabrics put them there.
            let vtep = inv.vlans.contains { $0.vni != nil && carried.contains($0.id) } && (sw.role ?? "").contains("leaf")
            return .init(name: deviceNames[sw.id]!, rack: rack, pod: pod, site: rack == nil && pod == nil ? siteNames[sw.siteID]! : nil,
                         role: ImportDocument.Role(rawValue: mapped), vlans: vlanList(carried), vtep: vtep,
                         notes: sw.role.flatMap { $0 == mapped ? nil : ["role \($0) in the source"] } ?? [])
        }
        // Several links between one pair keep an order of their own: by what they carry.
        document.links = links.values.map { (a, b, allow) -> (ImportDocument.Link, String) in
            switch allow {
            case .routed: return (.init(a: deviceNames[a]!, b: deviceNames[b]!, mode: .routed), "routed")
            case .all:
                var link = ImportDocument.Link(a: deviceNames[a]!, b: deviceNames[b]!)
                link.allVLANs = true
                return (link, "all")
            case let .some(s): return (.init(a: deviceNames[a]!, b: deviceNames[b]!, vlans: vlanList(s)), "vlans " + vlanList(s).joined(separator: ","))
            }
        }.sorted { ($0.0.a, $0.0.b, $0.1) < ($1.0.a, $1.0.b, $1.1) }.map(\.0)
        document.vlans = inv.vlans.map { v in
            let prefixes = (prefixesOf[v.id] ?? []).map(\.prefix).sorted { (AddressMath.isIPv4($1) ? 1 : 0, $0) < (AddressMath.isIPv4($0) ? 1 : 0, $1) }
            return .init(name: vlanNames[v.id]!, id: v.vid, subnet: prefixes.first, vni: v.vni, gateway: gateway[v.id])
        }
        document.clusters = inv.clusters.compactMap { c -> ImportDocument.Cluster? in
            guard let hosts = hostsOf[c.id], !hosts.isEmpty else { return nil }
            let shared = hosts.dropFirst().reduce(hosts[0].vlans) { $0.intersection($1.vlans) }
            let platform = c.platform ?? c.type.flatMap { options.platformMap[$0] }
            if platform == nil, let t = c.type { warnings.append("cluster \(clusterNames[c.id]!): type '\(t)' has no platform (--platform-map \(t)=PLATFORM or custom field topolint_platform); generic used") }
            return .init(name: clusterNames[c.id]!, platform: platform ?? "generic", vlans: vlanList(shared),
                         hosts: hosts.map { .init(name: deviceNames[$0.device.id]!, rack: $0.rack, uplinks: $0.uplinks, vlans: vlanList($0.vlans.subtracting(shared))) },
                         notes: c.type.map { ["cluster type \($0)"] } ?? [])
        }

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
        document.workloads = ordered.map { k in
            let stem = "\(k.cluster)-\(k.role.isEmpty ? "vms" : k.role)"
            let name = base[stem]!.count > 1 ? stem + "-" + k.vlans.joined(separator: "-") : stem
            return .init(name: name, cluster: k.cluster, vlans: k.vlans, count: groups[k]!)
        }
        return MappedDesign(design: document, warnings: warnings)
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
