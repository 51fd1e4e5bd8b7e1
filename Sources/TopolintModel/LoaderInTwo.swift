import TopolintCore
import TopolintYAML

// Hosts are most of a large design's entities, and each cluster's hosts load on their own:
// they refer to racks, switches and VLANs (declared before, only read here), and nothing
// loaded before the workloads refers to a host. The fabric (switches, gateways, links)
// refers to switches and VLANs only. So a large design loads on two threads at once: one
// copy of the loader takes the first clusters, another the fabric and the other clusters,
// cut where the two shares of work are about even; then the two are joined. The second
// copy's hosts, clusters and ignores follow the first's, its host names are declared after
// the first's, its indexes shifted to match, and the fabric it loaded is taken over whole:
// the model a one-pass load gives.
//
// Only a clean load is joined. When either copy reports anything, or a host name appears in
// both, both copies are dropped and everything loads in one pass, which finds and words
// every problem exactly as it always does. The loader itself is untouched until the join.

extension Loader {
    /// Loads the fabric and `clusters` on two threads; false, with nothing changed, when the
    /// one-pass load must do it. `hosts` is what the clusters write (`hostsWritten`).
    mutating func loadInTwo(switches: [Entry], vlans: [Entry], links: YAMLNode?, clusters entries: [Entry], hosts: (names: Int, bytes: Int)) -> Bool {
        let spec = FormatSchema.entity("cluster"), vlanSpec = FormatSchema.entity("vlan")
        // Work is weighed in nodes written. A node of the fabric (mostly a switch name in a
        // list) loads in about two thirds of the time a node of a host takes, as measured on
        // generated designs of every size.
        var fabricNodes = links.map(doc.writtenSpan) ?? 0
        for entry in switches { fabricNodes += entry.value.map(doc.writtenSpan) ?? 1 }
        for entry in vlans { fabricNodes += field(entry.fields, vlanSpec, "gateway").map(doc.writtenSpan) ?? 0 }
        let weights = entries.map { entry in 3 * (field(entry.fields, spec, "hosts").map(doc.writtenSpan) ?? 1) }
        let half = (2 * fabricNodes + weights.reduce(0, +)) / 2
        // The cut: the first copy takes the clusters written before half the work is reached,
        // the second copy the fabric and at least one cluster.
        var cut = 0, sum = 0
        while cut < entries.count - 1, sum + weights[cut] <= half {
            sum += weights[cut]
            cut += 1
        }
        guard cut > 0 else { return false }
        let hostsFirst = hostsWritten(entries[..<cut])
        let ranges = [entries[..<cut], entries[cut...]]
        let hostsBefore = topology.hosts.count, clustersBefore = topology.clusters.count
        let ignoresBefore = topology.ignores.count, workBefore = work, expandedBefore = expanded
        // Each copy gets its own table of host names; every other table is only read. The
        // first copy's table and host array have room for every host, so the second copy's
        // names and hosts join them in place, without a regrowth. Each copy is made on its
        // own thread, so that its arrays are its own from the start (a copy taken from a
        // shared list would copy them again on the first append).
        let start = self
        var loaded = Parallel.map(2) { i -> (loader: Loader, fabricIgnores: Int) in
            let room = i == 0 ? hosts : (names: hosts.names - hostsFirst.names, bytes: hosts.bytes - hostsFirst.bytes)
            var copy = start.withOwnHostTable(capacity: room.names, bytes: room.bytes, hostRoom: room.names)
            if i == 1 { copy.loadFabric(switches: switches, vlans: vlans, links: links) }
            let fabricIgnores = copy.topology.ignores.count
            copy.loadClusterEntries(ranges[i])
            return (copy, fabricIgnores)
        }
        if loaded.contains(where: { $0.loader.releases > releases }) {
            releasedClusters = true
            releasedInTwo = true
        }
        guard loaded.allSatisfy({ $0.loader.diagnostics.count == diagnostics.count && $0.loader.unstored == unstored }) else { return false }
        var first = loaded[0].loader
        let second = loaded[1].loader, fabricIgnores = loaded[1].fabricIgnores
        loaded = []
        // Budgets are spent by both copies: one that only the sum overruns is reported by
        // the one-pass load.
        let totalWork = first.work + second.work - workBefore
        let totalExpanded = first.expanded + second.expanded - expandedBefore
        guard totalWork <= workBudget, totalExpanded <= expansionBudget else { return false }
        // The first copy's table, the second copy's names declared after its own.
        let table = first.nameTable(existing: "host"), secondNames = second.nameTable(existing: "host").names
        for i in 0..<secondNames.count where secondNames.withBytes(of: i, { table.insert(bytes: $0) }) == nil {
            return false   // a name in both copies: the one-pass load reports the duplicate
        }
        let shift = first.topology.hosts.count - hostsBefore
        let clusterShift = first.topology.clusters.count - clustersBefore
        for var host in second.topology.hosts[hostsBefore...] {
            host.cluster += clusterShift
            first.topology.hosts.append(host)
        }
        for var cluster in second.topology.clusters[clustersBefore...] {
            cluster.hosts = (cluster.hosts.lowerBound + shift)..<(cluster.hosts.upperBound + shift)
            first.topology.clusters.append(cluster)
        }
        // What the fabric loads: switches, links, the VLANs' gateways, and its ignores,
        // which come before every cluster's.
        first.topology.switches = second.topology.switches
        first.topology.links = second.topology.links
        first.topology.vlans = second.topology.vlans
        var ignores = Array(first.topology.ignores[..<ignoresBefore])
        ignores.append(contentsOf: second.topology.ignores[ignoresBefore..<fabricIgnores])
        ignores.append(contentsOf: first.topology.ignores[ignoresBefore...])
        ignores.append(contentsOf: second.topology.ignores[fabricIgnores...])
        first.topology.ignores = ignores
        topology = first.topology
        work = totalWork
        expanded = totalExpanded
        replaceNameTable("host", with: table)
        loadedInTwo = true
        return true
    }

    /// A copy of the loader whose table of host names is new (and holds the names this one
    /// has), and whose host array is its own with room for `hostRoom` more.
    func withOwnHostTable(capacity: Int, bytes: Int, hostRoom: Int) -> Loader {
        var copy = self
        var hosts: [Host] = []
        hosts.reserveCapacity(topology.hosts.count + hostRoom)
        hosts.append(contentsOf: topology.hosts)
        copy.topology.hosts = hosts
        let own = NameTable(capacity: capacity, bytes: bytes)
        if let existing = names.first(where: { $0.kind == "host" })?.table {
            for i in 0..<existing.count { _ = existing.names.withBytes(of: i) { own.insert(bytes: $0) } }
        }
        copy.replaceNameTable("host", with: own)
        return copy
    }

    /// The table of `kind`, which must exist (it is never created here: the loader is shared).
    func nameTable(existing kind: String) -> NameTable {
        names.first { $0.kind == kind }!.table
    }

    mutating func replaceNameTable(_ kind: String, with table: NameTable) {
        if let i = names.firstIndex(where: { $0.kind == kind }) { names[i].table = table } else { names.append((kind, table)) }
    }
}
