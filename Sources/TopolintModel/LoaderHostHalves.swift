import TopolintCore
import TopolintYAML

// Hosts are most of a large design's entities, and each cluster's hosts load on their own:
// they refer to racks, switches and VLANs (declared before, only read here), and nothing
// declared before them refers to a host. So the clusters are cut in two runs holding about
// half the hosts each, each run is loaded by its own copy of the loader on its own thread,
// and the two are joined: the second run's hosts, clusters and ignores follow the first's,
// its host names are declared after the first's, its indexes shifted to match.
//
// Only a clean load is joined. When either run reports anything, or a host name appears in
// both, both copies are dropped and the clusters load in one pass, which finds and words
// every problem exactly as it always does. The loader itself is untouched until the join.

extension Loader {
    /// Loads `entries` (every cluster) in two halves at once; false, with nothing changed,
    /// when the one-pass load must do it.
    mutating func loadClustersInHalves(_ entries: [Entry], hosts: Int) -> Bool {
        let spec = FormatSchema.entity("cluster")
        // The cut: where the hosts written so far reach half of them.
        var cut = 0, sum = 0
        while cut < entries.count - 1 {
            let here = field(entries[cut].fields, spec, "hosts").map { doc.kind($0) == .mapping ? doc.count($0) : 0 } ?? 0
            if 2 * (sum + here) > hosts { break }
            sum += here
            cut += 1
        }
        guard cut > 0 else { return false }
        let ranges = [entries[..<cut], entries[cut...]]
        let hostsBefore = topology.hosts.count, clustersBefore = topology.clusters.count
        let ignoresBefore = topology.ignores.count, workBefore = work, expandedBefore = expanded
        // Each copy gets its own table of host names; every other table is only read. The
        // first half's table and host array have room for every host, so the second half's
        // names and hosts join them in place, without a regrowth. Each half is made on its own thread, so that its arrays are its own from the
        // start (a copy taken from a shared list would copy them again on the first append).
        let start = self
        var loaded = Parallel.map(2) { i -> Loader in
            var half = start.withOwnHostTable(capacity: i == 0 ? hosts : hosts - sum, hostRoom: i == 0 ? hosts : hosts - sum)
            half.loadClusterEntries(ranges[i])
            return half
        }
        guard loaded.allSatisfy({ $0.diagnostics.count == diagnostics.count && $0.unstored == unstored }) else { return false }
        var first = loaded[0]
        let second = loaded[1]
        loaded = []
        // The first half's table, the second half's names declared after its own.
        let table = first.nameTable(existing: "host")
        for name in second.nameTable(existing: "host").names where table.insert(name) == nil {
            return false   // a name in both halves: the one-pass load reports the duplicate
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
        first.topology.ignores.append(contentsOf: second.topology.ignores[ignoresBefore...])
        topology = first.topology
        work = first.work + second.work - workBefore
        expanded = first.expanded + second.expanded - expandedBefore
        replaceNameTable("host", with: table)
        return true
    }

    /// A copy of the loader whose table of host names is new (and holds the names this one
    /// has), and whose host array is its own with room for `hostRoom` more.
    func withOwnHostTable(capacity: Int, hostRoom: Int) -> Loader {
        var copy = self
        var hosts: [Host] = []
        hosts.reserveCapacity(topology.hosts.count + hostRoom)
        hosts.append(contentsOf: topology.hosts)
        copy.topology.hosts = hosts
        let own = NameTable(capacity: capacity)
        if let existing = names.first(where: { $0.kind == "host" })?.table {
            for name in existing.names { _ = own.insert(name) }
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
