import TopolintCore
import TopolintYAML

// The fabric: VLANs, switches, gateways and links. It refers to switches and VLANs only.

extension Loader {
    mutating func loadVLANs(_ entries: [Entry]) {
        let spec = FormatSchema.entity("vlan")
        var vniOwner: [Int: (name: String, node: YAMLNode)] = [:]
        for entry in entries {
            common(entry, kind: "vlan", spec: spec)
            let name = entry.instances.first?.name ?? doc.string(entry.key)
            let id = field(entry.fields, spec, "id").flatMap { integer($0, range: 1...4094, what: "id of VLAN '\(name)'") } ?? 0
            var subnet: String?
            if let node = field(entry.fields, spec, "subnet"), let text = plainString(node, what: "subnet") {
                if CIDR.isValid(text) { subnet = text } else {
                    error(.schema, "subnet of VLAN '\(name)' is '\(text)', not an IPv4 or IPv6 prefix like 10.1.0.0/22", at: node)
                }
            }
            let zone = field(entry.fields, spec, "zone").flatMap { single($0, kind: "zone", values: [], what: "zone of VLAN '\(name)'") }
            var vni: Int?
            if let node = field(entry.fields, spec, "vni"), let value = integer(node, range: 1...16_777_215, what: "vni of VLAN '\(name)'") {
                if let owner = vniOwner[value] {
                    let at = doc.location(owner.node)
                    error(.duplicate, "VLAN '\(name)' has vni \(value), which VLAN '\(owner.name)' already has (line \(at.line), column \(at.column))", at: node)
                } else {
                    vniOwner[value] = (name, node)
                    vni = value
                }
            }
            for instance in entry.instances {
                vlansByID[id, default: []].append(topology.vlans.count)
                topology.vlans.append(VLAN(name: instance.name, id: id, subnet: subnet, zone: zone, vni: vni, gateway: nil, location: location(entry)))
            }
        }
    }

    mutating func loadSwitches(_ entries: [Entry]) {
        let spec = FormatSchema.entity("switch")
        let roles = SwitchRole.allCases.map(\.rawValue)
        var pending = 0
        defer { releaseLoaded(entries, before: entries.count, pending: &pending) }
        for (i, entry) in entries.enumerated() {
            releaseLoaded(entries, before: i, pending: &pending)
            common(entry, kind: "switch", spec: spec)
            let rackNode = field(entry.fields, spec, "rack"), podNode = field(entry.fields, spec, "pod"), siteNode = field(entry.fields, spec, "site")
            if rackNode == nil && podNode == nil && siteNode == nil {
                error(.schema, "switch '\(entry.instances.first?.name ?? doc.string(entry.key))' needs a location: rack, pod or site", at: entry.key)
            }
            let role = field(entry.fields, spec, "role").flatMap { oneOf($0, roles, what: "role") }.flatMap(SwitchRole.init(rawValue:)) ?? .access
            let vtep = field(entry.fields, spec, "vtep").flatMap { boolean($0, what: "vtep") } ?? false
            let vlansNode = field(entry.fields, spec, "vlans")
            // A plain list without placeholders resolves once for every instance of a pattern.
            var shared: VLANSelection?
            if let vlansNode, !containsPlaceholder(vlansNode) {
                shared = vlanSelection(vlansNode, values: [], what: "vlans of switch '\(entry.instances.first?.name ?? "")'")
            }
            for instance in entry.instances {
                let placement = place(instance, rack: rackNode, pod: podNode, site: siteNode, what: "switch '\(instance.name)'")
                var vlans = shared ?? .some([])
                if let vlansNode, shared == nil, containsPlaceholder(vlansNode) {
                    vlans = vlanSelection(vlansNode, values: instance.values, what: "vlans of switch '\(instance.name)'") ?? .some([])
                }
                // Each VLAN a switch carries is work for the analysis: a pattern times a long
                // list counts against the lookup budget, like any pattern times its list.
                if case let .some(list) = vlans, !list.isEmpty, !spend(list.count, at: vlansNode ?? entry.key) { break }
                // The leaves of a pod mostly carry one list: each distinct list is stored once.
                if case let .some(list) = vlans, list.count > 1 { vlans = .some(internedVLANs(list)) }
                topology.switches.append(Switch(name: instance.name, placement: placement, role: role, vlans: vlans, vtep: vtep, location: location(entry)))
            }
        }
    }

    mutating func loadGateways(_ entries: [Entry]) {
        let spec = FormatSchema.entity("vlan")
        var pending = 0
        defer { releaseLoaded(entries, before: entries.count, pending: &pending) }
        for (i, entry) in entries.enumerated() {
            releaseLoaded(entries, before: i, pending: &pending)
            guard let node = field(entry.fields, spec, "gateway"), !doc.isNull(node) else { continue }
            let name = entry.instances.first?.name ?? ""
            let what = { "gateway of VLAN '\(name)'" }
            var gateway: Gateway?
            switch doc.kind(node) {
            case .scalar:
                gateway = single(node, kind: "switch", values: [], what: what()).map(Gateway.single)
            case .sequence:
                error(.schema, "\(what()) is a list; write one switch, {active: A, standby: [B]} or {anycast: [A, B, ...]}", at: node)
            case .mapping:
                gateway = gatewayMapping(node, what: what())
            }
            guard let gateway else { continue }
            for instance in entry.instances {
                if let index = nameTable("vlan").index(of: instance.name) { topology.vlans[index].gateway = gateway }
            }
        }
    }

    /// Help for an unknown gateway key: the close known key, or for a protocol name (HSRP,
    /// VRRP, GLBP: first-hop redundancy) the form that writes it.
    static func gatewayKeyHelp(_ name: String) -> String {
        if ["hsrp", "vrrp", "glbp", "fhrp"].contains(name.lowercased()) {
            return "did you mean 'active'? \(name.uppercased()) is written {active: SWITCH, standby: [SWITCH, ...]}"
        }
        return closestMatch(to: name, among: FormatSchema.gatewayKeys).map { "did you mean '\($0)'?" }
            ?? "a gateway takes active and standby, or anycast"
    }

    mutating func gatewayMapping(_ node: YAMLNode, what: @autoclosure () -> String) -> Gateway? {
        var active: YAMLNode?, standby: YAMLNode?, anycast: YAMLNode?
        var unknownKeys = 0
        for i in 0..<doc.count(node) {
            let key = doc.key(node, i), value = doc.value(node, i)
            switch doc.kind(key) == .scalar ? doc.string(key) : "" {
            case "active": active = value
            case "standby": standby = value
            case "anycast": anycast = value
            default:
                let name = doc.kind(key) == .scalar ? doc.string(key) : describe(key)
                unknownKeys += 1
                error(.schema, "unknown key '\(name)' in \(what())", at: key, help: Self.gatewayKeyHelp(name))
            }
        }
        if let anycast {
            if active != nil || standby != nil {
                error(.schema, "\(what()) is either anycast or active/standby, not both", at: node)
                return nil
            }
            guard let list = resolveList(anycast, kind: "switch", values: [], what: what()) else { return nil }
            guard !list.isEmpty else {
                error(.schema, "\(what()): anycast needs at least one switch", at: anycast)
                return nil
            }
            // The VLANs of a pod mostly have the same anycast switches: each list is stored once.
            return .anycast(internedSwitches(list))
        }
        guard let active else {
            if standby != nil { error(.schema, "\(what()) has standby switches but no active one", at: node) }
            // A mapping whose keys were all unknown has been reported key by key; it is not empty.
            else if unknownKeys == 0 { error(.schema, "\(what()) is an empty mapping; write one switch, {active, standby} or {anycast}", at: node) }
            return nil
        }
        guard let activeSwitch = single(active, kind: "switch", values: [], what: "active \(what())") else { return nil }
        let standbys = standby.flatMap { resolveList($0, kind: "switch", values: [], what: "standby \(what())") } ?? []
        // A switch cannot stand by for itself: a design that says so meant another one.
        if let standby, standbys.contains(activeSwitch) {
            error(.schema, "\(what()) names '\(doc.string(active))' as both active and standby", at: standby)
            return nil
        }
        return .activeStandby(active: activeSwitch, standby: standbys)
    }

    mutating func loadLinks(_ node: YAMLNode) {
        guard doc.kind(node) == .sequence else {
            error(.schema, "links must be a list, not \(describe(node))", at: node)
            return
        }
        let spec = FormatSchema.entity("link")
        let modes = LinkMode.allCases.map(\.rawValue)
        let switchTable = nameTable("switch"), vlanTable = nameTable("vlan")
        let items = doc.items(node)
        // Links loaded give their nodes back a run at a time, as clusters do: a large
        // fabric's links load while the first clusters do, when memory peaks.
        var pending = 0
        defer { if pending < items.count { releaseLoaded(items[pending], through: items[items.count - 1]) } }
        for (i, item) in items.enumerated() {
            if releasingClusters, i - pending >= 1 << 9 {
                releaseLoaded(items[pending], through: items[i - 1])
                pending = i
            }
            if loadPlainLink(item, switches: switchTable, vlans: vlanTable) { continue }
            let f = fields(of: item, spec: spec, what: "a link", at: item)
            guard doc.kind(item) == .mapping, let between = field(f, spec, "between") else { continue }
            let mode = field(f, spec, "mode").flatMap { oneOf($0, modes, what: "mode") }.flatMap(LinkMode.init(rawValue:)) ?? .trunk
            let vlans = field(f, spec, "vlans").flatMap { vlanSelection($0, values: [], what: "vlans of a link") } ?? .all
            guard doc.kind(between) == .sequence, doc.count(between) == 2 else {
                error(.schema, "between of a link takes two switch references, like [leaf1, spine1]", at: between)
                continue
            }
            let first = doc.item(between, 0), second = doc.item(between, 1)
            let pairsBefore = topology.links.count
            var selfLinked = false
            // Most first ends name a declared switch outright: no text, no pattern to parse.
            let declaredFirst = declaredName(first, kind: "switch")
            var firstEnds: [(name: String, values: [String])] = [("", [])]
            if declaredFirst == nil {
                guard let firstText = text(first, [], what: "between of a link") else { continue }
                let firstPattern: RangePattern
                do { firstPattern = try RangePattern(firstText) } catch {
                    self.error(.schema, "between of a link: \(error.message)", at: first)
                    continue
                }
                guard let ends = firstPattern.isPattern ? expand(firstPattern, at: first) : [(firstText, [])] else { continue }
                firstEnds = ends
            }
            for (aName, values) in firstEnds {
                let resolved: [Int]?
                if let declaredFirst {
                    resolved = spend(1, at: first) ? [declaredFirst] : nil
                } else {
                    resolved = resolve(aName, at: first, kind: "switch", what: "between of a link")
                }
                guard let a = resolved else {
                    // Still check the second end, so both mistakes are reported in one run.
                    _ = resolve(second, kind: "switch", values: values, what: "between of a link")
                    continue
                }
                // Placeholders in the second end refer to the first end's ranges.
                guard let bs = resolve(second, kind: "switch", values: values, what: "between of a link") else { continue }
                for b in bs {
                    if a[0] == b { selfLinked = true; continue }
                    // Each VLAN a trunk carries is work for the analysis.
                    if case let .some(list) = vlans, !list.isEmpty, !spend(list.count, at: item) { break }
                    topology.links.append(Link(a: a[0], b: b, mode: mode, vlans: vlans, location: doc.location(item)))
                }
            }
            if selfLinked {
                error(.schema, "a link joins a switch to itself", at: between)
            }
            if field(f, spec, "ignore") != nil {
                let entry = Entry(key: item, value: item, fields: f, instances: (pairsBefore..<topology.links.count).map { (topology.name(ofLink: $0), []) })
                common(entry, kind: "link", spec: spec)
            } else {
                common(Entry(key: item, value: item, fields: f, instances: []), kind: "link", spec: spec)
            }
        }
    }

    /// Switches, gateways and links: the fabric, which refers to switches and VLANs only.
    mutating func loadFabric(switches: [Entry], vlans: [Entry], links: YAMLNode?) {
        loadSwitches(switches)
        loadGateways(vlans)
        if let links { loadLinks(links) }
    }
}
