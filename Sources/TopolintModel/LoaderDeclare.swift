import TopolintCore
import TopolintYAML

extension Loader {
    /// Reads the top level, declares every name, then resolves every entity in an order
    /// where what an entity refers to is already known.
    mutating func run() {
        let root = doc.root
        guard doc.kind(root) == .mapping else {
            error(.schema, "the top level must be a mapping (topology, version, sites, ...), not \(describe(root))", at: root)
            return
        }
        let top = fields(of: root, spec: FormatSchema.topLevel, what: "the top level", at: root)
        let spec = FormatSchema.topLevel
        if let node = field(top, spec, "topology") { topology.name = plainString(node, what: "topology") ?? "" }
        if let node = field(top, spec, "version"), let version = plainInteger(node), version != 1 {
            error(.schema, "format version \(version) is not supported: this topolint reads version 1", at: node)
        } else if let node = field(top, spec, "version"), plainInteger(node) == nil {
            error(.schema, "version must be the number 1, not \(describe(node))", at: node)
        }
        if let node = field(top, spec, "description") { _ = plainString(node, what: "description") }

        let sites = declare(field(top, spec, "sites"), kind: "site")
        let pods = declare(field(top, spec, "pods"), kind: "pod")
        let racks = declare(field(top, spec, "racks"), kind: "rack")
        let switches = declare(field(top, spec, "switches"), kind: "switch")
        let vlans = declare(field(top, spec, "vlans"), kind: "vlan")
        let zones = declare(field(top, spec, "zones"), kind: "zone")
        let clusters = declare(field(top, spec, "clusters"), kind: "cluster")

        loadSites(sites)
        if let node = field(top, spec, "site_links"), !doc.isNull(node) { loadSiteLinks(node) }
        loadPods(pods)
        loadRacks(racks)
        loadZones(zones)
        loadVLANs(vlans)
        let links = field(top, spec, "links").flatMap { doc.isNull($0) ? nil : $0 }
        loadFabricAndClusters(switches: switches, vlans: vlans, links: links, clusters: clusters)
        guard !needsFreshDocument else { return }
        // Nothing before them refers to workloads or migration domains: they are declared
        // once the clusters are loaded (and have given their memory back), not before.
        let workloads = declare(field(top, spec, "workloads"), kind: "workload")
        let domains = declare(field(top, spec, "migration_domains"), kind: "migration_domain")
        loadWorkloads(workloads)
        loadMigrationDomains(domains)
    }

    /// Expands the keys of an entity mapping, checks each entry's keys, and gives every
    /// name its index. Duplicate names (two keys, or two patterns that overlap) are TL004.
    /// With `each`, every entry is handed over as soon as it is declared and none is kept:
    /// hosts, the most numerous entities, are referenced by nothing, so they need no
    /// separate declaration pass (and no memory for one).
    /// `plain`, when given, is offered each entry first (key and value) and returns true when
    /// it loaded the entry itself (see `loadPlainHost`).
    mutating func declare(_ mapping: YAMLNode?, kind: String, scope: String = "",
                          plain: ((inout Loader, YAMLNode, YAMLNode) -> Bool)? = nil,
                          each: ((inout Loader, Entry) -> Void)? = nil) -> [Entry] {
        guard let mapping, !doc.isNull(mapping) else { return [] }
        guard doc.kind(mapping) == .mapping else {
            error(.schema, "\(scope.isEmpty ? FormatSchema.topLevel.fields.first { $0.type == .entities(kind) }?.name ?? kind : scope) must be a mapping of names to \(kind.replacingUnderscores)s, not \(describe(mapping))", at: mapping)
            return []
        }
        let spec = FormatSchema.entity(kind)
        var entries: [Entry] = []
        if each == nil { entries.reserveCapacity(doc.count(mapping)) }
        // The table index of each kept entry's first name, to find where a name was declared.
        var starts: [Int] = []
        var allFields: [YAMLNode?] = [], fieldStarts: [Int] = []
        if each == nil { allFields.reserveCapacity(doc.count(mapping) * spec.fields.count) }
        let table = nameTable(kind)
        for i in 0..<doc.count(mapping) {
            let key = doc.key(mapping, i), value = doc.value(mapping, i)
            if let plain, plain(&self, key, value) { continue }
            guard doc.kind(key) == .scalar, !doc.isNull(key) else {
                error(.schema, "a \(kind.replacingUnderscores) name must be a plain name, not \(describe(key))", at: key)
                continue
            }
            let written = doc.string(key)
            var instances: Instances
            if !written.containsByte(UInt8(ascii: "[")) {
                instances = Instances(name: written)   // a plain name: no pattern to parse
            } else { do {
                let pattern = try RangePattern(written)
                if pattern.isPattern && !spec.patternKeys {
                    error(.schema, "\(kind.replacingUnderscores) names cannot be range patterns ('\(written)'); write each \(kind.replacingUnderscores) out", at: key)
                    continue
                }
                if pattern.isPattern {
                    guard let expansion = expand(pattern, at: key) else { continue }
                    instances = Instances(expansion)
                } else {
                    instances = Instances(name: written)
                }
            } catch {
                self.error(.schema, "\(kind.replacingUnderscores) name '\(written)': \(error.message)", at: key)
                continue
            } }
            let entryFields = fields(of: value, spec: spec,
                                     what: instances.count == 1 ? "\(kind.replacingUnderscores) '\(instances[0].name)'" : "\(kind.replacingUnderscores)s '\(written)'",
                                     at: key)
            // The instances kept, copied only once one is dropped (almost never).
            var kept: [(name: String, values: [String])]? = nil
            let start = table.count
            for (n, instance) in instances.enumerated() {
                if table.insert(instance.name) == nil {
                    if kept == nil { kept = Array(instances[..<n]) }
                    guard storing else { unstored += 1; continue }
                    let first = firstLocation(of: instance.name, index: table.index(of: instance.name)!, in: entries, starts: starts, kind: kind)
                    let whereFirst = first.map { " (first at line \($0.line), column \($0.column))" } ?? ""
                    error(.duplicate, "duplicate \(kind.replacingUnderscores) name '\(instance.name)'\(whereFirst)", at: key)
                    continue
                }
                kept?.append(instance)
            }
            if let each {
                each(&self, Entry(key: key, value: value, fields: entryFields, instances: kept.map(Instances.init) ?? instances))
            } else {
                // The fields of every entry go into one array, sliced per entry once all are in.
                fieldStarts.append(allFields.count)
                allFields.append(contentsOf: entryFields)
                entries.append(Entry(key: key, value: value, fields: [], instances: kept.map(Instances.init) ?? instances))
                starts.append(start)
            }
        }
        for i in entries.indices {
            let from = fieldStarts[i]
            entries[i].fields = allFields[from..<from + spec.fields.count]
        }
        return entries
    }

    /// Where a name was first declared, looked up only when a duplicate is reported, by
    /// its table index (names are numbered in declaration order): in the entries of this
    /// call, or (hosts, declared cluster by cluster and loaded as declared) among hosts.
    func firstLocation(of name: String, index: Int, in entries: [Entry], starts: [Int], kind: String) -> SourceLocation? {
        if kind == "host" {
            return topology.hosts.indices.contains(index) ? topology.location(ofHost: index) : nil
        }
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= index { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let entry = entries[low - 1], offset = index - starts[low - 1]
        return entry.instances.indices.contains(offset) && entry.instances[offset].name == name ? doc.location(entry.key) : nil
    }
}
