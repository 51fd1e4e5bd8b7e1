import TopolintCore
import TopolintYAML

// Clusters and their hosts, the most numerous entities (see LoaderPlainHost for the
// usual form, LoaderInTwo for loading them on two threads).

extension Loader {
    /// The fabric, then the clusters with their hosts. A large design loads them on two
    /// threads at once (see `loadInTwo`); the result is the same either way.
    mutating func loadFabricAndClusters(switches: [Entry], vlans: [Entry], links: YAMLNode?, clusters: [Entry]) {
        // Hosts are the most numerous entities: room for all of them (as written; patterns
        // may add more) is made at once rather than by doubling.
        let written = hostsWritten(clusters[...])
        // Host i is the i-th name of the host table (hosts are declared and loaded in one
        // step, in order), so the model takes the table's names rather than a copy of them.
        defer { topology.hostNames = nameTable("host").names }
        var switches = switches
        if written.names >= options.hostsInHalves, clusters.count >= 2, Parallel.enabled {
            // The switches first, on this thread, giving their nodes back as they go: their
            // long VLAN lists are a large part of the file, and held while both threads
            // start they would be counted at the peak of memory.
            loadSwitches(switches)
            switches = []
            if loadInTwo(switches: switches, vlans: vlans, links: links, clusters: clusters, hosts: written) { return }
        }
        // The two threads gave back clusters (or links, or gateways) the one-pass load
        // would read again. (Racks and switches given back before are not read again.)
        if releasedInTwo { needsFreshDocument = true; return }
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
        // The first cluster loaded and not yet given back (see `releasingClusters`).
        var pending: YAMLNode? = nil
        defer {
            if let pending, let last = entries.last {
                releaseLoaded(pending, through: last.value ?? last.key)
            }
        }
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
            // Clusters loaded give their nodes back a run at a time (a cluster alone is a
            // page or two).
            if releasingClusters {
                let run = pending ?? entry.key
                if doc.nodesWritten(from: run, to: entry.value ?? entry.key) >= 1 << 12 {
                    releaseLoaded(run, through: entry.value ?? entry.key)
                    pending = nil
                } else {
                    pending = run
                }
            }
        }
    }

    /// Gives back the nodes (and with `releasingSource`, the bytes) of entries loaded, from
    /// `first` to the last node under `last` (see `YAMLDocument.releaseWritten`).
    mutating func releaseLoaded(_ first: YAMLNode, through last: YAMLNode) {
        guard releasingClusters else { return }
        if doc.releaseWritten(from: first, through: last, source: releasingSource) {
            releasedClusters = true
            releases += 1
        }
    }

    /// Gives back entries `pending..<i` of a kind loaded in order (its switches, say), once
    /// there are a few hundred of them or `i` is the end, and moves `pending` to `i`.
    mutating func releaseLoaded(_ entries: [Entry], before i: Int, pending: inout Int) {
        guard releasingClusters, i > pending, i - pending >= 1 << 8 || i == entries.count else { return }
        let last = entries[i - 1]
        releaseLoaded(entries[pending].key, through: last.value ?? last.key)
        pending = i
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
            // Past the stored diagnostics the file is known to fail: the lookups above were
            // only counted, and no host is kept for a model that will not be used.
            guard storing else { continue }
            let (line, column) = doc.lineAndColumn(entry.key, hint: &hostLine)
            topology.hosts.append(Host(cluster: cluster, rack: rack, uplinks: IndexList(uplinks), vlans: vlans, line: line, column: column))
        }
    }
}
