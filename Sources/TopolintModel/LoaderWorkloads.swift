import TopolintCore
import TopolintYAML

// Workloads, placed on clusters (and, with `hosts`, on some of their hosts), and the
// migration domains that let them move.

extension Loader {
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
