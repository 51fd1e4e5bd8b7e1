import TopolintCore
import TopolintModel
import TopolintAnalysis

/// Where the endpoints of one cluster stand for one VLAN: per host carrying it, the domains
/// it joins and the gateway it reaches. Workloads of the cluster share these, each host
/// holding count/n of a workload's endpoints.
struct ClusterVLANReach: Sendable {
    /// One host's reach, packed into 24 bytes (the plain fields took 48): a findings-heavy
    /// design keeps one of these per host, cluster and VLAN its workloads use.
    struct HostReach: Sendable {
        private let hostIndex: Int32
        /// -1: no gateway reached.
        private let gatewayIndex: Int32
        /// NaN: the round trip is unknown (a number read from the file is never NaN).
        private let rttMs: Double
        private let proximity: UInt8
        let joined: Bool

        init(host: Int, joined: Bool, gateway: GatewayReach?) {
            hostIndex = Int32(truncatingIfNeeded: host)
            self.joined = joined
            gatewayIndex = gateway.map { Int32(truncatingIfNeeded: $0.gateway) } ?? -1
            rttMs = gateway?.rttMs ?? .nan
            proximity = UInt8(truncatingIfNeeded: gateway?.proximity.rawValue ?? 0)
        }

        var host: Int { Int(hostIndex) }

        var gateway: GatewayReach? {
            guard gatewayIndex >= 0 else { return nil }
            return GatewayReach(gateway: Int(gatewayIndex), proximity: Proximity(rawValue: Int(proximity))!,
                                rttMs: rttMs.isNaN ? nil : rttMs)
        }
    }

    var hosts: [HostReach]
    /// n: hosts of the cluster carrying the VLAN.
    var carriers: Int
}

/// Memoises reach per (cluster, VLAN) during one rule's check.
struct ReachCache {
    let context: RuleContext
    private var memo: [Int: ClusterVLANReach] = [:]
    /// The reach being worked out, copied out at its exact size: reserving a cluster's host
    /// count for each (cluster, VLAN) left most of it unused where few hosts carry the VLAN.
    private var scratch: [ClusterVLANReach.HostReach] = []

    init(_ context: RuleContext) { self.context = context }

    mutating func reach(cluster c: Int, vlan v: Int) -> ClusterVLANReach {
        let key = c &<< 32 | v   // cluster and VLAN indexes each fit in 32 bits
        if let shared = context.sharedReach?.table[key] { return shared }
        if let known = memo[key] { return known }
        let t = context.topology, analysis = context.analysis
        scratch.removeAll(keepingCapacity: true)
        // A host's reach follows from its rack and its uplinks alone (given it carries the
        // VLAN), and a cluster lists its hosts rack by rack: a host placed and cabled like the
        // one before it reaches the same gateway, without walking the domains again.
        var previous: (rack: Int, uplinks: IndexList, joined: Bool, gateway: GatewayReach?)?
        for h in t.clusters[c].hosts where binarySearch(t.hosts[h].vlans, v) {
            let rack = t.hosts[h].rack, uplinks = t.hosts[h].uplinks   // not the whole host: a copy retains its name and lists
            if let p = previous, p.rack == rack, p.uplinks == uplinks {
                scratch.append(.init(host: h, joined: p.joined, gateway: p.gateway))
                continue
            }
            let joined = analysis.joinsDomain(host: h, vlan: v)
            let gateway = joined ? analysis.nearestGateway(host: h, vlan: v) : nil
            previous = (rack, uplinks, joined, gateway)
            scratch.append(.init(host: h, joined: joined, gateway: gateway))
        }
        // A copy of its own (`Array(scratch)` would share the scratch's storage, and the next
        // `removeAll(keepingCapacity:)` would then allocate the scratch anew at full size).
        let hosts = [ClusterVLANReach.HostReach](unsafeUninitializedCapacity: scratch.count) { buffer, count in
            _ = buffer.initialize(from: scratch)
            count = scratch.count
        }
        let result = ClusterVLANReach(hosts: hosts, carriers: hosts.count)
        memo[key] = result
        return result
    }
}

/// The reach of every cluster and VLAN that a workload uses, worked out once, before the
/// rules that read it run side by side (each would otherwise work it out again).
final class SharedReach: Sendable {
    let table: [Int: ClusterVLANReach]

    init(_ context: RuleContext) {
        let t = context.topology
        var keys = Set<Int>()
        for workload in t.workloads where t.clusters.indices.contains(workload.cluster) {
            for v in workload.vlans { keys.insert(workload.cluster &<< 32 | v) }
        }
        // In two halves at once, each with a cache of its own; the halves are disjoint.
        let sorted = keys.sorted(), half = (sorted.count + 1) / 2
        let ranges = [0..<half, half..<sorted.count]
        let parts = Parallel.map(2) { i -> [(Int, ClusterVLANReach)] in
            var cache = ReachCache(context)
            return sorted[ranges[i]].map { key in
                (key, cache.reach(cluster: key >> 32, vlan: key & 0xFFFF_FFFF))
            }
        }
        var table: [Int: ClusterVLANReach] = [:]
        table.reserveCapacity(sorted.count)
        for part in parts { for (key, reach) in part { table[key] = reach } }
        self.table = table
    }
}

extension RuleContext {
    /// Whether a reach crosses the pack's trombone boundary (another site, or another pod).
    func isTrombone(host h: Int, _ reach: GatewayReach) -> Bool {
        switch pack.tromboneScope {
        case .site: return reach.proximity == .otherSite
        case .pod:
            // Another site, or another pod of the same site: both ends in a pod, and not the
            // same one (a rack or switch placed by site alone is in no pod, so never in
            // "another" one).
            if reach.proximity == .otherSite { return true }
            guard reach.proximity == .sameSite else { return false }
            return topology.placement(ofHost: h).pod != nil && topology.switches[reach.gateway].placement.pod != nil
        }
    }

    /// The RTT a reach adds: its figure, or the assumed one when unknown.
    func rtt(of reach: GatewayReach) -> (value: Double, known: Bool) {
        if reach.proximity != .otherSite { return (0, true) }
        if let r = reach.rttMs { return (r, true) }
        return (pack.assumedRTTms, false)
    }
}

/// The broadcast domains of a VLAN that a cluster's hosts join, memoised per (cluster, VLAN):
/// every workload of a cluster shares them.
struct ClusterDomainCache {
    let context: RuleContext
    private var memo: [Int: Set<Int>] = [:]

    init(_ context: RuleContext) { self.context = context }

    mutating func domains(cluster c: Int, vlan v: Int) -> Set<Int> {
        let key = c &<< 32 | v   // cluster and VLAN indexes each fit in 32 bits
        if let known = memo[key] { return known }
        var joined = Set<Int>()
        let t = context.topology
        var previous: IndexList?
        for h in t.clusters[c].hosts where binarySearch(t.hosts[h].vlans, v) {
            // Hosts cabled like the one before join the same domains.
            let uplinks = t.hosts[h].uplinks
            if previous == uplinks { continue }
            previous = uplinks
            joined.formUnion(context.analysis.domainsJoined(host: h, vlan: v))
        }
        memo[key] = joined
        return joined
    }
}

extension ReachCache {
    /// The reach of a workload's own hosts: its `hosts` when it names them (n counts only
    /// those that carry the VLAN), else every host of its cluster.
    mutating func reach(workload w: Int, vlan v: Int) -> ClusterVLANReach {
        let workload = context.topology.workloads[w]
        let all = reach(cluster: workload.cluster, vlan: v)
        guard let own = workload.hosts else { return all }
        let kept = all.hosts.filter { binarySearch(own, $0.host) }
        return ClusterVLANReach(hosts: kept, carriers: kept.count)
    }
}

extension ClusterDomainCache {
    /// The domains of a VLAN that the hosts a workload may run on join.
    mutating func domains(workload w: Int, vlan v: Int) -> Set<Int> {
        let workload = context.topology.workloads[w]
        guard let own = workload.hosts else { return domains(cluster: workload.cluster, vlan: v) }
        var joined = Set<Int>()
        for h in own { joined.formUnion(context.analysis.domainsJoined(host: h, vlan: v)) }
        return joined
    }
}

extension RuleContext {
    /// Whether a VM of cluster `a` can live-migrate to cluster `b` at all: not when both
    /// platforms have a family and the families differ (migration-platform-mismatch's case).
    func sameFamily(_ a: Int, _ b: Int) -> Bool {
        guard let fa = pack.platform(topology.clusters[a].platform).family,
              let fb = pack.platform(topology.clusters[b].platform).family else { return true }
        return fa == fb
    }
}
