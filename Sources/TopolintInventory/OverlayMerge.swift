import TopolintCore
import TopolintYAML
import TopolintImport

/// One merge of an overlay into an imported document. The fields the document models are
/// read with their types (a wrong one is a located error); any other field is kept as data
/// in the entity's `extra` and left for the loader to judge, as a hand-written file would be.
final class OverlayMerge {
    static let topLevel: Set<String> = [
        "topology", "version", "description", "sites", "site_links", "pods", "racks", "switches", "links",
        "vlans", "zones", "clusters", "workloads", "migration_domains",
    ]

    private let doc: YAMLDocument
    private(set) var design: ImportDocument
    private(set) var problems: [Diagnostic] = []

    init(_ doc: YAMLDocument, _ design: ImportDocument) {
        self.doc = doc
        self.design = design
    }

    func run() {
        let root = doc.root
        for i in 0..<doc.count(root) {
            let key = doc.string(doc.key(root, i)), node = doc.value(root, i)
            switch key {
            case "topology": if let name = text(node) { design.name = name }
            case "version":
                if int(node) != 1 { fail("an overlay is a version 1 fragment", node) }
            case "description": if let description = text(node) { design.description = description }
            case "sites": entities(node, &design.sites, "site", [], { .init(name: $0) }) { _, _, _ in false }
            case "pods": entities(node, &design.pods, "pod", ["site"], { .init(name: $0, site: "") }) { pod, key, value in
                switch key {
                case "site": set(&pod.site, text(value))
                default: return false
                }
                return true
            }
            case "racks": entities(node, &design.racks, "rack", [], { .init(name: $0) }) { rack, key, value in
                switch key {
                case "pod": rack.pod = text(value) ?? rack.pod
                case "site": rack.site = text(value) ?? rack.site
                default: return false
                }
                return true
            }
            case "switches": entities(node, &design.switches, "switch", [], { .init(name: $0) }) { sw, key, value in
                switch key {
                case "rack": sw.rack = text(value) ?? sw.rack
                case "pod": sw.pod = text(value) ?? sw.pod
                case "site": sw.site = text(value) ?? sw.site
                case "role":
                    guard let role = text(value).flatMap(ImportDocument.Role.init(rawValue:)) else {
                        fail("a switch role is one of \(ImportDocument.Role.allCases.map(\.rawValue).joined(separator: ", "))", value); return true
                    }
                    sw.role = role
                case "vlans": if let (names, all) = vlanList(value) { sw.vlans = names; sw.allVLANs = all }
                case "vtep": set(&sw.vtep, bool(value))
                default: return false
                }
                return true
            }
            case "links": items(node, &design.links, "link", ["between"], { .init(a: "", b: "") }) { link, key, value in
                switch key {
                case "between": if let (a, b) = pair(value) { link.a = a; link.b = b }
                case "mode":
                    guard let mode = text(value).flatMap(ImportDocument.LinkMode.init(rawValue:)) else { fail("a link's mode is trunk or routed", value); return true }
                    link.mode = mode
                case "vlans": if let (names, all) = vlanList(value) { link.vlans = names; link.allVLANs = all }
                default: return false
                }
                return true
            }
            case "site_links": items(node, &design.siteLinks, "site link", ["between", "rtt_ms"], { .init(a: "", b: "", rttMs: 0) }) { link, key, value in
                switch key {
                case "between": if let (a, b) = pair(value) { link.a = a; link.b = b }
                case "rtt_ms": set(&link.rttMs, number(value))
                case "bandwidth_gbps": link.bandwidthGbps = number(value) ?? link.bandwidthGbps
                default: return false
                }
                return true
            }
            case "vlans": entities(node, &design.vlans, "VLAN", ["id"], { .init(name: $0, id: 0) }) { vlan, key, value in
                switch key {
                case "id": set(&vlan.id, int(value))
                case "subnet": vlan.subnet = text(value) ?? vlan.subnet
                case "vni": vlan.vni = int(value) ?? vlan.vni
                case "zone": vlan.zone = text(value) ?? vlan.zone
                case "gateway": vlan.gateway = gateway(value) ?? vlan.gateway
                default: return false
                }
                return true
            }
            case "zones": entities(node, &design.zones, "zone", [], { .init(name: $0) }) { zone, key, value in
                guard key == "shared_hosts" else { return false }
                zone.sharedHosts = bool(value) ?? zone.sharedHosts
                return true
            }
            case "clusters": entities(node, &design.clusters, "cluster", [], { .init(name: $0) }) { cluster, key, value in
                switch key {
                case "platform": cluster.platform = text(value) ?? cluster.platform
                case "max_hosts": cluster.maxHosts = int(value) ?? cluster.maxHosts
                case "vlans": set(&cluster.vlans, names(value))
                case "hosts": hosts(value, &cluster.hosts)
                default: return false
                }
                return true
            }
            case "workloads": entities(node, &design.workloads, "workload", ["cluster", "vlans"], { .init(name: $0, cluster: "", vlans: []) }) { workload, key, value in
                switch key {
                case "cluster": set(&workload.cluster, text(value))
                case "vlans": set(&workload.vlans, names(value))
                case "count": set(&workload.count, int(value))
                default: return false
                }
                return true
            }
            case "migration_domains": entities(node, &design.migrationDomains, "migration domain", ["clusters"], { .init(name: $0, clusters: []) }) { domain, key, value in
                switch key {
                case "clusters": set(&domain.clusters, names(value))
                case "workloads": domain.workloads = names(value) ?? domain.workloads
                default: return false
                }
                return true
            }
            default: fail("'\(key)' is not a top-level key of a topology file", doc.key(root, i))
            }
        }
    }

    private func hosts(_ node: YAMLNode, _ hosts: inout [ImportDocument.Host]) {
        entities(node, &hosts, "host", ["rack", "uplinks"], { .init(name: $0, rack: "", uplinks: []) }) { host, key, value in
            switch key {
            case "rack": set(&host.rack, text(value))
            case "uplinks": set(&host.uplinks, names(value))
            case "vlans": set(&host.vlans, names(value))
            default: return false
            }
            return true
        }
    }

    // MARK: - Sections

    /// A mapping section: each entry merges into the entity of that name, or adds one (which
    /// must then bring the fields a new entity needs).
    private func entities<T: OverlayEntity>(_ node: YAMLNode, _ list: inout [T], _ kind: String, _ required: [String],
                                            _ make: (String) -> T, _ apply: (inout T, String, YAMLNode) -> Bool) {
        guard let pairs = mapping(node, "a mapping of \(kind) names") else { return }
        for (keyNode, value) in pairs {
            let name = doc.string(keyNode)
            if let i = list.firstIndex(where: { $0.name == name }) {
                fields(value, &list[i], kind, [], apply)
            } else {
                var entity = make(name)
                fields(value, &entity, kind, required, apply)
                list.append(entity)
            }
        }
    }

    /// A list section: every item is added, unless the import already holds the same.
    private func items<T: OverlayItem>(_ node: YAMLNode, _ list: inout [T], _ kind: String, _ required: [String],
                                       _ make: () -> T, _ apply: (inout T, String, YAMLNode) -> Bool) {
        guard doc.kind(node) == .sequence || doc.isNull(node) else { fail("expected a list of \(kind)s", node); return }
        guard doc.kind(node) == .sequence else { return }
        for item in doc.items(node) {
            var entity = make()
            fields(item, &entity, kind, required, apply)
            if !list.contains(entity) { list.append(entity) }
        }
    }

    private func fields<T: OverlayFields>(_ node: YAMLNode, _ entity: inout T, _ kind: String, _ required: [String],
                                          _ apply: (inout T, String, YAMLNode) -> Bool) {
        guard let pairs = mapping(node, "a mapping of the \(kind)'s fields") else { return }
        for field in required where !pairs.contains(where: { doc.string($0.0) == field }) {
            fail("a \(kind) the import does not have needs '\(field)' here", node)
        }
        for (keyNode, value) in pairs {
            let key = doc.string(keyNode)
            if !apply(&entity, key, value) {
                entity.extra = ImportField.merge(entity.extra, [ImportField(key, data(value))])
            }
        }
    }

    // MARK: - Values

    /// The entries of a mapping; an empty value (`fra1:`) is an empty mapping.
    private func mapping(_ node: YAMLNode, _ expected: String) -> [(YAMLNode, YAMLNode)]? {
        if doc.kind(node) == .scalar && doc.isNull(node) { return [] }
        guard doc.kind(node) == .mapping else { fail("expected \(expected)", node); return nil }
        return (0..<doc.count(node)).map { (doc.key(node, $0), doc.value(node, $0)) }
    }

    private func set<V>(_ target: inout V, _ value: V?) {
        if let value { target = value }
    }

    private func fail(_ message: String, _ node: YAMLNode) {
        problems.append(Diagnostic(.schema, message, at: doc.location(node)))
    }

    private func text(_ node: YAMLNode) -> String? {
        guard doc.kind(node) == .scalar, !doc.isNull(node) else { fail("expected text", node); return nil }
        return doc.string(node)
    }

    private func int(_ node: YAMLNode) -> Int? {
        guard doc.kind(node) == .scalar, !doc.isQuoted(node), let n = Int(doc.string(node)) else { fail("expected a whole number", node); return nil }
        return n
    }

    private func number(_ node: YAMLNode) -> Double? {
        guard doc.kind(node) == .scalar, !doc.isQuoted(node), let d = Double(doc.string(node)), d.isFinite else { fail("expected a number", node); return nil }
        return d
    }

    private func bool(_ node: YAMLNode) -> Bool? {
        guard doc.kind(node) == .scalar, !doc.isQuoted(node), ["true", "false"].contains(doc.string(node)) else { fail("expected true or false", node); return nil }
        return doc.string(node) == "true"
    }

    private func names(_ node: YAMLNode) -> [String]? {
        guard doc.kind(node) == .sequence else { fail("expected a list of names", node); return nil }
        let items = doc.items(node).compactMap(text)
        return items.count == doc.count(node) ? items : nil
    }

    private func pair(_ node: YAMLNode) -> (String, String)? {
        guard let ends = names(node) else { return nil }
        guard ends.count == 2 else { fail("'between' names two ends", node); return nil }
        return (ends[0], ends[1])
    }

    /// A VLAN list, or the plain word `all`.
    private func vlanList(_ node: YAMLNode) -> ([String], Bool)? {
        if doc.kind(node) == .scalar, !doc.isQuoted(node), doc.string(node) == "all" { return ([], true) }
        return names(node).map { ($0, false) }
    }

    private func gateway(_ node: YAMLNode) -> ImportDocument.Gateway? {
        if doc.kind(node) == .scalar { return text(node).map { .single($0) } }
        if doc.kind(node) == .mapping, let anycast = doc.lookup(node, "anycast"), doc.count(node) == 1 {
            return names(anycast).map { .anycast($0) }
        }
        if doc.kind(node) == .mapping, let active = doc.lookup(node, "active"), doc.count(node) <= 2 {
            let standby = doc.lookup(node, "standby")
            guard doc.count(node) == 1 || standby != nil else { fail("a gateway mapping holds active and standby, or anycast", node); return nil }
            guard let a = text(active) else { return nil }
            guard let standby else { return .activeStandby(active: a, standby: []) }
            return names(standby).map { .activeStandby(active: a, standby: $0) }
        }
        fail("a gateway is a switch name, {active: ..., standby: [...]} or {anycast: [...]}", node)
        return nil
    }

    /// Any value, as data.
    private func data(_ node: YAMLNode) -> ImportValue {
        switch doc.kind(node) {
        case .mapping:
            return .map((0..<doc.count(node)).map { ImportField(doc.string(doc.key(node, $0)), data(doc.value(node, $0))) })
        case .sequence:
            return .list(doc.items(node).map(data))
        case .scalar:
            let text = doc.string(node)
            if doc.isQuoted(node) { return .text(text) }
            if doc.isNull(node) { return .map([]) }
            if text == "true" || text == "false" { return .bool(text == "true") }
            if text == "all" { return .keyword("all") }
            if let n = Int(text) { return .int(n) }
            if text.contains("."), let d = Double(text), d.isFinite { return .number(d) }
            return .text(text)
        }
    }
}

/// What the merge needs of an entity: its extra fields, and equality for list items.
protocol OverlayFields {
    var extra: [ImportField] { get set }
}
protocol OverlayEntity: OverlayFields {
    var name: String { get }
}
protocol OverlayItem: OverlayFields, Equatable {}

extension ImportDocument.Site: OverlayEntity {}
extension ImportDocument.Pod: OverlayEntity {}
extension ImportDocument.Rack: OverlayEntity {}
extension ImportDocument.Switch: OverlayEntity {}
extension ImportDocument.VLAN: OverlayEntity {}
extension ImportDocument.Zone: OverlayEntity {}
extension ImportDocument.Cluster: OverlayEntity {}
extension ImportDocument.Host: OverlayEntity {}
extension ImportDocument.Workload: OverlayEntity {}
extension ImportDocument.MigrationDomain: OverlayEntity {}
extension ImportDocument.Link: OverlayItem {}
extension ImportDocument.SiteLink: OverlayItem {}
