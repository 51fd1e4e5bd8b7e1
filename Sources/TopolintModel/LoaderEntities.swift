import TopolintCore
import TopolintYAML

extension Loader {
    func location(_ entry: Entry) -> SourceLocation { doc.location(entry.key) }

    /// description, tags and ignore, accepted on every entity.
    mutating func common(_ entry: Entry, kind: String, spec: EntitySpec) {
        if let node = field(entry.fields, spec, "description") { _ = plainString(node, what: "description") }
        if let node = field(entry.fields, spec, "tags") {
            if doc.kind(node) != .sequence {
                error(.schema, "tags must be a list of strings, not \(describe(node))", at: node)
            } else if let item = doc.items(node).first(where: { doc.kind($0) != .scalar }) {
                // At the item that is not a string: the list itself is right.
                error(.schema, "tags must be a list of strings; this item is \(describe(item))", at: item)
            }
        }
        guard let node = field(entry.fields, spec, "ignore") else { return }
        guard doc.kind(node) == .mapping else {
            error(.schema, "ignore must be a mapping from rule id or name to a reason, not \(describe(node))", at: node)
            return
        }
        for i in 0..<doc.count(node) {
            let key = doc.key(node, i), value = doc.value(node, i)
            guard let rule = plainString(key, what: "an ignore key") else { continue }
            if !options.ruleNames.isEmpty && !options.ruleNames.contains(rule) {
                error(.schema, "ignore names an unknown rule '\(rule)'", at: key,
                      help: closestMatch(to: rule, among: options.ruleNames).map { "did you mean '\($0)'?" })
                continue
            }
            guard doc.kind(value) == .scalar, !doc.isNull(value),
                  !doc.string(value).allSatisfy({ $0 == " " || $0 == "\t" }) else {
                error(.schema, "ignore of '\(rule)' needs a reason (why this finding is accepted), not \(describe(value))", at: value)
                continue
            }
            let reason = doc.string(value)
            // Every instance of a pattern times every ignore key: within the lookup budget.
            guard spend(entry.instances.count, at: key) else { return }
            for instance in entry.instances {
                topology.ignores.append(IgnoreEntry(subject: Subject(kind: kind, name: instance.name), rule: rule,
                                                    reason: reason, location: doc.location(key),
                                                    subjectLocation: doc.location(entry.key)))
            }
        }
    }

    mutating func loadSites(_ entries: [Entry]) {
        let spec = FormatSchema.entity("site")
        for entry in entries {
            common(entry, kind: "site", spec: spec)
            for instance in entry.instances {
                topology.sites.append(Site(name: instance.name, location: location(entry)))
            }
        }
    }

    mutating func loadSiteLinks(_ node: YAMLNode) {
        guard doc.kind(node) == .sequence else {
            error(.schema, "site_links must be a list, not \(describe(node))", at: node)
            return
        }
        let spec = FormatSchema.entity("site_link")
        var seen: [Set<Int>: YAMLNode] = [:]
        var groups = SiteGroups(count: topology.sites.count)
        var overLimit = false
        for item in doc.items(node) {
            let f = fields(of: item, spec: spec, what: "a site link", at: item)
            guard doc.kind(item) == .mapping else { continue }
            var ends: [Int] = []
            if let between = field(f, spec, "between") {
                if doc.kind(between) != .sequence || doc.count(between) != 2 {
                    error(.schema, "between of a site link takes two site names, like [fra1, ams1]", at: between)
                } else {
                    for end in doc.items(between) {
                        guard let name = text(end, [], what: "between of a site link") else { continue }
                        if (try? RangePattern(name))?.isPattern == true {
                            error(.schema, "between of a site link takes plain site names, not the pattern '\(name)'", at: end)
                        } else if let index = resolve(name, at: end, kind: "site", what: "between of a site link")?.first {
                            ends.append(index)
                        }
                    }
                    if ends.count == 2 && ends[0] == ends[1] {
                        error(.schema, "a site link joins two different sites, not '\(topology.sites[ends[0]].name)' to itself", at: between)
                        ends = []
                    }
                }
            }
            let rtt = field(f, spec, "rtt_ms").flatMap { number($0, minimum: 0, what: "rtt_ms") }
            let bandwidth = field(f, spec, "bandwidth_gbps").flatMap { number($0, minimum: 0, what: "bandwidth_gbps") }
            // description, tags and ignore, checked as on every entity; an ignore's subject is
            // the link by its sites' names (no rule reports on a site link, so such an ignore
            // is reported unused).
            let name = ends.count == 2 ? "\(topology.sites[ends[0]].name) -- \(topology.sites[ends[1]].name)" : nil
            common(Entry(key: item, value: item, fields: f, instances: name.map { [($0, [])] } ?? []), kind: "site_link", spec: spec)
            guard ends.count == 2, let rtt else { continue }
            let pair = Set(ends)
            if let first = seen[pair] {
                let at = doc.location(first)
                error(.duplicate, "duplicate site link between \(topology.sites[ends[0]].name) and \(topology.sites[ends[1]].name) (first at line \(at.line), column \(at.column))", at: item)
                continue
            }
            seen[pair] = item
            guard groups.join(ends[0], ends[1], limit: LoadLimits.linkedSitePairs) else {
                // One error at the link that went over, as for every limit; the links after
                // it are still read for their own mistakes.
                if overLimit { continue }
                overLimit = true
                error(.schema, "this site link joins more sites than topolint keeps round-trip times for (\(LoadLimits.linkedSitePairs) pairs of sites joined by site links, as in one group of 2048 sites)", at: item)
                continue
            }
            topology.siteLinks.append(SiteLink(a: ends[0], b: ends[1], rttMs: rtt, bandwidthGbps: bandwidth, location: doc.location(item)))
        }
    }

    mutating func loadPods(_ entries: [Entry]) {
        let spec = FormatSchema.entity("pod")
        for entry in entries {
            common(entry, kind: "pod", spec: spec)
            for instance in entry.instances {
                var site = -1
                if let node = field(entry.fields, spec, "site") {
                    site = single(node, kind: "site", values: instance.values, what: "site of pod '\(instance.name)'") ?? -1
                }
                topology.pods.append(Pod(name: instance.name, site: site, location: location(entry)))
            }
        }
    }

    /// One reference that must stand for exactly one entity.
    mutating func single(_ node: YAMLNode, kind: String, values: [String], what: @autoclosure () -> String) -> Int? {
        if let index = declaredName(node, kind: kind) { return spend(1, at: node) ? index : nil }
        guard let found = resolve(node, kind: kind, values: values, what: what()) else { return nil }
        guard found.count == 1 else {
            error(.schema, "\(what()) names one \(kind.replacingUnderscores), but its pattern stands for \(found.count)", at: node)
            return nil
        }
        return found[0]
    }

    mutating func loadRacks(_ entries: [Entry]) {
        let spec = FormatSchema.entity("rack")
        for entry in entries {
            common(entry, kind: "rack", spec: spec)
            let podNode = field(entry.fields, spec, "pod"), siteNode = field(entry.fields, spec, "site")
            if podNode == nil && siteNode == nil {
                error(.schema, "rack '\(entry.instances.first?.name ?? doc.string(entry.key))' needs a pod or a site", at: entry.key)
            }
            for instance in entry.instances {
                let pod = podNode.flatMap { single($0, kind: "pod", values: instance.values, what: "pod of rack '\(instance.name)'") }
                var site = pod.map { topology.pods[$0].site } ?? -1
                if let siteNode, let given = single(siteNode, kind: "site", values: instance.values, what: "site of rack '\(instance.name)'") {
                    if let pod, site >= 0, given != site {
                        error(.schema, "rack '\(instance.name)' is in pod '\(topology.pods[pod].name)' of site '\(topology.sites[site].name)', not in site '\(topology.sites[given].name)'", at: siteNode)
                    }
                    site = given
                }
                topology.racks.append(Rack(name: instance.name, pod: pod, site: site, location: location(entry)))
            }
        }
    }

    mutating func loadZones(_ entries: [Entry]) {
        let spec = FormatSchema.entity("zone")
        for entry in entries {
            common(entry, kind: "zone", spec: spec)
            let shared = field(entry.fields, spec, "shared_hosts").flatMap { boolean($0, what: "shared_hosts") } ?? true
            for instance in entry.instances {
                topology.zones.append(Zone(name: instance.name, sharedHosts: shared, location: location(entry)))
            }
        }
    }

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
        for entry in entries {
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
                topology.switches.append(Switch(name: instance.name, placement: placement, role: role, vlans: vlans, vtep: vtep, location: location(entry)))
            }
        }
    }

    func containsPlaceholder(_ node: YAMLNode) -> Bool {
        func has(_ n: YAMLNode) -> Bool { doc.kind(n) == .scalar && doc.withScalarBytes(n) { containsEither($0, UInt8(ascii: "{"), UInt8(ascii: "{")) } }
        if doc.kind(node) != .sequence { return has(node) }
        for i in 0..<doc.count(node) where has(doc.item(node, i)) { return true }
        return false
    }

    /// A switch's location from rack, pod and site, which must agree where several are given.
    mutating func place(_ instance: (name: String, values: [String]), rack rackNode: YAMLNode?, pod podNode: YAMLNode?, site siteNode: YAMLNode?, what: @autoclosure () -> String) -> Placement {
        var placement = Placement(rack: nil, pod: nil, site: -1)
        if let rackNode, let rack = single(rackNode, kind: "rack", values: instance.values, what: "rack of \(what())") {
            placement = Placement(rack: rack, pod: topology.racks[rack].pod, site: topology.racks[rack].site)
        }
        if let podNode, let pod = single(podNode, kind: "pod", values: instance.values, what: "pod of \(what())") {
            if let rack = placement.rack, topology.racks[rack].pod != pod {
                error(.schema, "\(what()) is in rack '\(topology.racks[rack].name)', which is not in pod '\(topology.pods[pod].name)'", at: podNode)
            } else {
                placement.pod = pod
                placement.site = topology.pods[pod].site
            }
        }
        if let siteNode, let site = single(siteNode, kind: "site", values: instance.values, what: "site of \(what())") {
            if placement.site >= 0 && placement.site != site {
                error(.schema, "\(what()) is in site '\(topology.sites[placement.site].name)' by its rack or pod, not in site '\(topology.sites[site].name)'", at: siteNode)
            } else {
                placement.site = site
            }
        }
        return placement
    }

    mutating func loadGateways(_ entries: [Entry]) {
        let spec = FormatSchema.entity("vlan")
        for entry in entries {
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
            return .anycast(list)
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
        for item in doc.items(node) {
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

    /// The fabric, then the clusters with their hosts. A large design loads them on two
    /// threads at once (see `loadInTwo`); the result is the same either way.
    mutating func loadFabricAndClusters(switches: [Entry], vlans: [Entry], links: YAMLNode?, clusters: [Entry]) {
        // Hosts are the most numerous entities: room for all of them (as written; patterns
        // may add more) is made at once rather than by doubling.
        let written = hostsWritten(clusters[...])
        // Host i is the i-th name of the host table (hosts are declared and loaded in one
        // step, in order), so the model takes the table's names rather than a copy of them.
        defer { topology.hostNames = nameTable("host").names }
        if written.names >= options.hostsInHalves, clusters.count >= 2, Parallel.enabled,
           loadInTwo(switches: switches, vlans: vlans, links: links, clusters: clusters, hosts: written) {
            return
        }
        loadFabric(switches: switches, vlans: vlans, links: links)
        topology.hosts.reserveCapacity(topology.hosts.count + written.names)
        nameTable("host").reserve(written.names, bytes: written.bytes)
        loadClusterEntries(clusters[...])
    }

    /// What `clusters` write in their `hosts` mappings: how many names and their bytes (keys
    /// as written, before patterns expand), to make room for the host table at once.
    func hostsWritten(_ clusters: ArraySlice<Entry>) -> (names: Int, bytes: Int) {
        let spec = FormatSchema.entity("cluster")
        var names = 0, bytes = 0
        for entry in clusters {
            guard let hosts = field(entry.fields, spec, "hosts"), doc.kind(hosts) == .mapping else { continue }
            names += doc.count(hosts)
            for i in 0..<doc.count(hosts) where doc.kind(doc.key(hosts, i)) == .scalar {
                bytes += doc.withScalarBytes(doc.key(hosts, i)) { $0.count }
            }
        }
        return (names, bytes)
    }

    /// Clusters and their hosts, in the order written.
    mutating func loadClusterEntries(_ entries: ArraySlice<Entry>) {
        let spec = FormatSchema.entity("cluster")
        for entry in entries {
            common(entry, kind: "cluster", spec: spec)
            guard let instance = entry.instances.first else { continue }
            var platform = "generic"
            if let node = field(entry.fields, spec, "platform"), let name = plainString(node, what: "platform") {
                if options.platforms.isEmpty || options.platforms.contains(name) { platform = name } else {
                    error(.schema, "unknown platform '\(name)' for cluster '\(instance.name)'; known platforms: \(options.platforms.sorted().joined(separator: ", "))", at: node,
                          help: closestMatch(to: name, among: options.platforms).map { "did you mean '\($0)'?" })
                }
            }
            let maxHosts = field(entry.fields, spec, "max_hosts").flatMap { integer($0, range: 1...Int(Int32.max), what: "max_hosts") }
            let maxStretched = field(entry.fields, spec, "max_stretched_rtt_ms").flatMap { number($0, minimum: 0, what: "max_stretched_rtt_ms") }
            let vlans = field(entry.fields, spec, "vlans").flatMap { vlanList($0, values: [], what: "vlans of cluster '\(instance.name)'") } ?? []
            let clusterIndex = topology.clusters.count
            let firstHost = topology.hosts.count
            let tables = hostTables()
            _ = declare(field(entry.fields, spec, "hosts"), kind: "host", scope: "hosts of cluster '\(instance.name)'",
                        plain: { loader, key, value in
                            loader.loadPlainHost(key: key, value: value, cluster: clusterIndex, clusterVLANs: vlans, tables: tables)
                        }) { loader, host in
                loader.loadHost(host, cluster: clusterIndex, clusterVLANs: vlans)
            }
            topology.clusters.append(Cluster(name: instance.name, platform: platform, maxHosts: maxHosts, maxStretchedRTTms: maxStretched, vlans: vlans,
                                             hosts: firstHost..<topology.hosts.count, location: location(entry)))
        }
    }

    /// The host's fields, looked up once: `loadHost` runs once per host.
    static let hostSpec = FormatSchema.entity("host")

    mutating func loadHost(_ entry: Entry, cluster: Int, clusterVLANs: [Int]) {
        let spec = Loader.hostSpec
        common(entry, kind: "host", spec: spec)
        let rackNode = field(entry.fields, spec, "rack"), uplinksNode = field(entry.fields, spec, "uplinks")
        let vlansNode = field(entry.fields, spec, "vlans")
        // VLANs without placeholders resolve once for every instance of a pattern.
        let sharedVLANs = vlansNode.flatMap { containsPlaceholder($0) ? nil : vlanList($0, values: [], what: "vlans of host '\(entry.instances.first?.name ?? "")'") }
        // Uplinks without placeholders resolve once for every instance of a pattern.
        let sharedUplinks = uplinksNode.flatMap { containsPlaceholder($0) ? nil : resolveList($0, kind: "switch", values: [], what: "uplinks of host '\(entry.instances.first?.name ?? "")'") }
        for instance in entry.instances {
            let rack = rackNode.flatMap { single($0, kind: "rack", values: instance.values, what: "rack of host '\(instance.name)'") } ?? -1   // unresolved: reported, and never an index
            var uplinks = sharedUplinks ?? []
            if let uplinksNode, sharedUplinks == nil, containsPlaceholder(uplinksNode) {
                uplinks = resolveList(uplinksNode, kind: "switch", values: instance.values, what: "uplinks of host '\(instance.name)'") ?? []
            }
            if let uplinksNode, doc.kind(uplinksNode) == .sequence, doc.count(uplinksNode) == 0 {
                error(.schema, "host '\(instance.name)' needs at least one uplink switch", at: uplinksNode)
            }
            var ownVLANs = sharedVLANs
            if let vlansNode, sharedVLANs == nil, containsPlaceholder(vlansNode) {
                ownVLANs = vlanList(vlansNode, values: instance.values, what: "vlans of host '\(instance.name)'")
            }
            let vlans = ownVLANs.map { internedVLANs(sortedUnion($0, clusterVLANs)) } ?? clusterVLANs
            // Each VLAN a host carries (its own and its cluster's) is work for the analysis.
            if !vlans.isEmpty, !spend(vlans.count, at: entry.key) { return }
            let (line, column) = doc.lineAndColumn(entry.key, hint: &hostLine)
            topology.hosts.append(Host(cluster: cluster, rack: rack, uplinks: IndexList(uplinks), vlans: vlans, line: line, column: column))
        }
    }

    mutating func loadWorkloads(_ entries: [Entry]) {
        let spec = FormatSchema.entity("workload")
        for entry in entries {
            common(entry, kind: "workload", spec: spec)
            let count = field(entry.fields, spec, "count").flatMap { integer($0, range: 1...Int(Int32.max), what: "count") } ?? 1
            let clusterNode = field(entry.fields, spec, "cluster"), vlansNode = field(entry.fields, spec, "vlans")
            let hostsNode = field(entry.fields, spec, "hosts")
            let first = entry.instances.first?.name ?? ""
            // References without placeholders resolve once for every instance of a pattern, so
            // a mistake in them is reported once, not once per name the pattern makes.
            let sharedCluster = clusterNode.flatMap { containsPlaceholder($0) ? nil : Optional(single($0, kind: "cluster", values: [], what: "cluster of workload '\(first)'") ?? -1) }
            let sharedVLANs = vlansNode.flatMap { containsPlaceholder($0) ? nil : Optional(vlanList($0, values: [], what: "vlans of workload '\(first)'") ?? []) }
            let sharedHosts = hostsNode.flatMap { containsPlaceholder($0) ? nil : Optional(resolveList($0, kind: "host", values: [], what: "hosts of workload '\(first)'")) }
            if let vlansNode, doc.kind(vlansNode) == .sequence && doc.count(vlansNode) == 0 {
                error(.schema, "workload '\(first)' needs at least one VLAN", at: vlansNode)
            }
            if let hostsNode, doc.kind(hostsNode) == .sequence && doc.count(hostsNode) == 0 {
                error(.schema, "workload '\(first)' names no host in hosts; leave hosts out to let it run on every host of its cluster", at: hostsNode)
            }
            var misplaced = Set<Int>()
            for instance in entry.instances {
                // Unresolved: reported, and never an index.
                let cluster = sharedCluster ?? clusterNode.flatMap { single($0, kind: "cluster", values: instance.values, what: "cluster of workload '\(instance.name)'") } ?? -1
                let vlans = sharedVLANs ?? vlansNode.flatMap { vlanList($0, values: instance.values, what: "vlans of workload '\(instance.name)'") } ?? []
                var hosts: [Int]?
                if let hostsNode {
                    let listed = sharedHosts ?? resolveList(hostsNode, kind: "host", values: instance.values, what: "hosts of workload '\(instance.name)'")
                    if let listed {
                        if topology.clusters.indices.contains(cluster), listed.contains(where: { topology.hosts[$0].cluster != cluster }) {
                            // Point at the list item that names the host (each resolved already).
                            for item in listItems(hostsNode) {
                                for h in resolve(item, kind: "host", values: instance.values, what: "hosts of workload '\(instance.name)'") ?? []
                                where topology.hosts[h].cluster != cluster && misplaced.insert(h).inserted {
                                    error(.schema, "host '\(topology.hostName(h))' of workload '\(instance.name)' is in cluster '\(topology.clusters[topology.hosts[h].cluster].name)', not in the workload's cluster '\(topology.clusters[cluster].name)'", at: item)
                                }
                            }
                        }
                        hosts = sortedDistinct(listed)
                    }
                }
                topology.workloads.append(Workload(name: instance.name, cluster: cluster, vlans: vlans, count: count, hosts: hosts, location: location(entry)))
            }
        }
    }

    mutating func loadMigrationDomains(_ entries: [Entry]) {
        let spec = FormatSchema.entity("migration_domain")
        for entry in entries {
            common(entry, kind: "migration_domain", spec: spec)
            guard let instance = entry.instances.first else { continue }
            var clusters: [Int] = []
            if let node = field(entry.fields, spec, "clusters") {
                clusters = resolveList(node, kind: "cluster", values: [], what: "clusters of migration domain '\(instance.name)'") ?? []
                if doc.kind(node) == .sequence && doc.count(node) == 0 {
                    error(.schema, "migration domain '\(instance.name)' needs at least one cluster", at: node)
                }
            }
            guard spend(topology.workloads.count, at: entry.key) else { continue }
            let inDomain = Set(clusters)
            var workloads = topology.workloads.indices.filter { inDomain.contains(topology.workloads[$0].cluster) }
            if let node = field(entry.fields, spec, "workloads"), doc.kind(node) == .sequence && doc.count(node) == 0 {
                error(.schema, "migration domain '\(instance.name)' names no workload in workloads; leave workloads out to let every workload of its clusters move", at: node)
            } else if let node = field(entry.fields, spec, "workloads"), let listed = resolveList(node, kind: "workload", values: [], what: "workloads of migration domain '\(instance.name)'") {
                for w in listed where !inDomain.contains(topology.workloads[w].cluster) {
                    let workload = topology.workloads[w]
                    // A workload whose cluster did not resolve has been reported already.
                    guard topology.clusters.indices.contains(workload.cluster) else { continue }
                    error(.schema, "workload '\(workload.name)' runs on cluster '\(topology.clusters[workload.cluster].name)', which is not in migration domain '\(instance.name)'", at: node)
                }
                workloads = listed
            }
            topology.migrationDomains.append(MigrationDomain(name: instance.name, clusters: clusters, workloads: workloads, location: location(entry)))
        }
    }
}
