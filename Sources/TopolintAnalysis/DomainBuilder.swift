import TopolintCore
import TopolintModel

/// Per-VLAN work arrays, allocated once for the whole topology and reset after each VLAN
/// by touching only what that VLAN used.
struct Scratch {
    let topology: Topology
    /// Switch index -> position in the current VLAN's member list, or -1.
    var local: [Int32]

    /// Per rack, pod, site and cluster: the key of the last domain that listed it. Members
    /// come mostly domain by domain, so this drops nearly every repeat with one compare
    /// (rather than a hash-set insert per host and VLAN); when domains interleave, a repeat
    /// gets through, and the lists are made distinct as the domain is finished.
    private var rackSeen: [Int32], podSeen: [Int32], siteSeen: [Int32], clusterSeen: [Int32]
    private var nextKey: Int32 = 0
    /// Per cluster, for the VLAN at hand: hosts carrying it (n), and hosts per domain (k).
    private var carriersByCluster: [Int]
    private var kByCluster: [[(domain: Int, k: Int)]]
    private var touched: [Int] = []

    init(switchCount: Int, topology: Topology) {
        self.topology = topology
        local = [Int32](repeating: -1, count: switchCount)
        rackSeen = [Int32](repeating: -1, count: topology.racks.count)
        podSeen = [Int32](repeating: -1, count: topology.pods.count)
        siteSeen = [Int32](repeating: -1, count: topology.sites.count)
        clusterSeen = [Int32](repeating: -1, count: topology.clusters.count)
        carriersByCluster = [Int](repeating: 0, count: topology.clusters.count)
        kByCluster = [[(domain: Int, k: Int)]](repeating: [], count: topology.clusters.count)
    }

    /// A member located by site alone adds only its site; by pod alone, its pod and site.
    private mutating func add(_ p: Placement, to a: inout Accumulator) {
        if let rack = p.rack, rackSeen[rack] != a.key { rackSeen[rack] = a.key; a.racks.append(rack) }
        if let pod = p.pod, podSeen[pod] != a.key { podSeen[pod] = a.key; a.pods.append(pod) }
        if p.site >= 0, siteSeen[p.site] != a.key { siteSeen[p.site] = a.key; a.sites.append(p.site) }
    }

    private mutating func add(cluster c: Int, to a: inout Accumulator) {
        if clusterSeen[c] != a.key { clusterSeen[c] = a.key; a.clusters.append(c) }
    }

    /// The broadcast domains of VLAN `v`: union-find over its switches, its trunk edges and
    /// (with a VNI) its VTEPs; then hosts join through their uplinks and endpoints are shared
    /// out as count·k/n.
    mutating func domains(vlan v: Int, switches members: [Int32], edges: [(Int32, Int32)],
                          hosts: [Int32], workloads: [Int32], rank: [Int32], base: Int,
                          carriers: inout [Analysis.ClusterVLAN: Int],
                          unreachable: inout [(host: Int, vlan: Int)]) -> ([Int32], [BroadcastDomain]) {
        let t = topology
        guard !members.isEmpty else {
            // No switch carries the VLAN: every host carrying it reaches nothing.
            for h in hosts {
                carriers[Analysis.ClusterVLAN(cluster: Int32(t.hosts[Int(h)].cluster), vlan: Int32(v)), default: 0] += 1
                unreachable.append((Int(h), v))
            }
            return ([], [])
        }
        for (i, s) in members.enumerated() { local[Int(s)] = Int32(i) }
        defer { for s in members { local[Int(s)] = -1 } }

        var parent = [Int32](0..<Int32(members.count))
        func find(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x {
                parent[Int(x)] = parent[Int(parent[Int(x)])]
                x = parent[Int(x)]
            }
            return x
        }
        func union(_ a: Int32, _ b: Int32) {
            let ra = find(a), rb = find(b)
            if ra != rb { if ra < rb { parent[Int(rb)] = ra } else { parent[Int(ra)] = rb } }
        }
        for (a, b) in edges {
            let la = local[Int(a)], lb = local[Int(b)]
            if la >= 0 && lb >= 0 { union(la, lb) }
        }
        // VXLAN: every VTEP carrying the VLAN joins every other, whatever the underlay.
        if t.vlans[v].vni != nil {
            var firstVTEP: Int32 = -1
            for (i, s) in members.enumerated() where t.switches[Int(s)].vtep {
                if firstVTEP < 0 { firstVTEP = Int32(i) } else { union(firstVTEP, Int32(i)) }
            }
        }

        // Components, ordered by their first switch name. Roots are local indexes, so their
        // figures live in arrays by local index (a dictionary hashed every switch).
        var rootMinRank = [Int32](repeating: Int32.max, count: members.count)
        var roots: [Int32] = []
        for i in 0..<members.count {
            let root = Int(find(Int32(i))), r = rank[Int(members[i])]
            if rootMinRank[root] == Int32.max { roots.append(Int32(root)) }
            if r < rootMinRank[root] { rootMinRank[root] = r }
        }
        roots.sort { rootMinRank[Int($0)] < rootMinRank[Int($1)] }
        var domainOfRoot = [Int32](repeating: -1, count: members.count)
        for (order, root) in roots.enumerated() { domainOfRoot[Int(root)] = Int32(order) }
        var comp = [Int32](repeating: 0, count: members.count)
        var acc = [Accumulator](repeating: Accumulator(), count: roots.count)
        for d in acc.indices { acc[d].key = nextKey; nextKey += 1 }
        for i in 0..<members.count {
            let d = domainOfRoot[Int(find(Int32(i)))]
            comp[i] = d + Int32(base)
            let s = Int(members[i])
            acc[Int(d)].switches.append(members[i])
            add(t.switches[s].placement, to: &acc[Int(d)])
        }

        // Hosts join the domains of their uplinks; k counts them per (domain, cluster), n per
        // cluster (in arrays by cluster, reset through the list of clusters touched).
        defer {
            for c in touched { kByCluster[c] = []; carriersByCluster[c] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        var joinedScratch: [Int32] = []
        // Where each domain of `joinedScratch` sits in its cluster's k list, and what the
        // host before was: a cluster lists its hosts rack by rack, and a host of the same
        // cluster, rack and uplinks as the one before joins the same domains, whose racks,
        // pods, sites and cluster are then already counted: only the counts move.
        var kSlots: [Int] = []
        var previous: (cluster: Int, rack: Int, uplinks: IndexList)?
        for h in hosts {
            // The fields read one by one: copying the whole host retains its name and lists.
            let cluster = t.hosts[Int(h)].cluster
            if carriersByCluster[cluster] == 0 { touched.append(cluster) }
            carriersByCluster[cluster] += 1
            let rack = t.hosts[Int(h)].rack, uplinks = t.hosts[Int(h)].uplinks
            if let p = previous, p.cluster == cluster, p.rack == rack, p.uplinks == uplinks {
                if joinedScratch.isEmpty {
                    unreachable.append((Int(h), v))
                    continue
                }
                for (j, d) in joinedScratch.enumerated() {
                    acc[Int(d)].hostCount += 1
                    kByCluster[cluster][kSlots[j]].k += 1
                }
                continue
            }
            previous = (cluster, rack, uplinks)
            kSlots.shrink(to: 0)
            joinedScratch.shrink(to: 0)
            for u in t.hosts[Int(h)].uplinks {
                let l = local[u]
                if l >= 0 {
                    let d = comp[Int(l)] - Int32(base)
                    if !joinedScratch.contains(d) { joinedScratch.append(d) }
                }
            }
            if joinedScratch.isEmpty {
                unreachable.append((Int(h), v))
                continue
            }
            let placement = Placement(rack: rack, pod: t.racks[rack].pod, site: t.racks[rack].site)
            for d in joinedScratch {
                acc[Int(d)].hostCount += 1
                add(placement, to: &acc[Int(d)])
                add(cluster: cluster, to: &acc[Int(d)])
                if let i = kByCluster[cluster].firstIndex(where: { $0.domain == Int(d) }) {
                    kByCluster[cluster][i].k += 1
                    kSlots.append(i)
                } else {
                    kSlots.append(kByCluster[cluster].count)
                    kByCluster[cluster].append((Int(d), 1))
                }
            }
        }
        for w in workloads {
            let workload = t.workloads[Int(w)]
            if let own = workload.hosts {
                // Pinned to some hosts: n and k count only those that carry the VLAN.
                var n = 0
                var k: [Int32: Int] = [:]
                for h in own where binarySearch(t.hosts[h].vlans, v) {
                    n += 1
                    joinedScratch.shrink(to: 0)
                    for u in t.hosts[h].uplinks {
                        let l = local[u]
                        if l >= 0 {
                            let d = comp[Int(l)] - Int32(base)
                            if !joinedScratch.contains(d) { joinedScratch.append(d) }
                        }
                    }
                    for d in joinedScratch { k[d, default: 0] += 1 }
                }
                for (d, count) in k { acc[Int(d)].endpoints += Double(workload.count) * Double(count) / Double(n) }
                continue
            }
            let n = workload.cluster >= 0 ? carriersByCluster[workload.cluster] : 0
            guard n > 0 else { continue }
            for (d, k) in kByCluster[workload.cluster] {
                acc[d].endpoints += Double(workload.count) * Double(k) / Double(n)
            }
        }
        if let gateway = t.vlans[v].gateway {
            for g in gateway.forwarding {
                let l = local[g]
                if l >= 0 { acc[Int(comp[Int(l)]) - base].gateways.append(g) }
            }
            // Standby gateways too keep a domain from being a stub.
            for g in gateway.allSwitches {
                let l = local[g]
                if l >= 0 { acc[Int(comp[Int(l)]) - base].holdsGateway = true }
            }
        }
        for c in touched { carriers[Analysis.ClusterVLAN(cluster: Int32(c), vlan: Int32(v))] = carriersByCluster[c] }
        let result = acc.map { a in
            let racks = sortedDistinct(a.racks), pods = sortedDistinct(a.pods), sites = sortedDistinct(a.sites)
            return BroadcastDomain(vlan: v, switches: a.switches.sorted { rank[Int($0)] < rank[Int($1)] }, hostCount: a.hostCount,
                            racks: racks, pods: pods, sites: sites, clusters: sortedDistinct(a.clusters),
                            endpoints: snapToHalves(a.endpoints), scope: scope(racks: racks.count, pods: pods.count, sites: sites.count),
                            gateways: a.gateways, isStub: a.hostCount == 0 && !a.holdsGateway)
        }
        return (comp, result)
    }
}

/// Figures of one domain while it is being built.
struct Accumulator {
    /// Unique per domain within one `Scratch`, for its stamp arrays.
    var key: Int32 = -1
    var switches: [Int32] = []
    var hostCount = 0
    /// In the order met, nearly distinct (made sorted and distinct when the domain is made).
    var racks: [Int] = []
    var pods: [Int] = []
    var sites: [Int] = []
    var clusters: [Int] = []
    var endpoints = 0.0
    var gateways: [Int] = []
    /// A gateway switch of the VLAN (active, standby or anycast) is among its switches.
    var holdsGateway = false

}

/// Sums of c·k/n drift in floating point (19/6 + 15/6 + 5/6 gives 6.4999…, not 6.5): a figure
/// within a hair of a whole or half number is taken as that number, so that a half rounds up
/// and a whole number does not exceed a limit equal to it.
func snapToHalves(_ value: Double) -> Double {
    let nearest = (value * 2).rounded() / 2
    return abs(value - nearest) <= 1e-9 * max(1, abs(value)) ? nearest : value
}
