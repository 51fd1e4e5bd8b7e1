import TopolintCore
import TopolintModel

/// The graph view of a topology: broadcast domains per VLAN, site distances, and queries
/// (which domains a host joins, which gateway an endpoint reaches) that rules build on.
///
/// Cost: for each VLAN, only the switches, links and hosts that carry it are visited, so the
/// work is the sum over VLANs of each VLAN's part of the graph, never VLANs × whole graph.
public struct Analysis: Sendable {
    public internal(set) var topology: Topology
    public let distances: SiteDistances
    /// Every broadcast domain, grouped by VLAN index; within a VLAN, by first switch name.
    public private(set) var domains: [BroadcastDomain] = []
    /// The domains of VLAN v are `domains[domainRanges[v]]`.
    public private(set) var domainRanges: [Range<Int>] = []
    /// Per VLAN: the switches carrying it (sorted by index) and each one's domain index.
    private var vlanSwitches: [[Int32]] = []
    private var vlanSwitchDomain: [[Int32]] = []
    /// Per VLAN: the hosts carrying it, by cluster — n in the endpoint formula.
    private var carriersByClusterVLAN: [ClusterVLAN: Int] = [:]
    /// (host, VLAN) pairs where the host carries the VLAN but no uplink switch does.
    public private(set) var unreachableHostVLANs: [(host: Int, vlan: Int)] = []
    /// Per domain: its gateways indexed by rack, pod and site (nil without gateways).
    public private(set) var gatewayIndexes: [GatewayIndex?] = []
    /// Rank of each switch by name, for "first switch by name" without string compares.
    public let switchNameRank: [Int32]

    struct ClusterVLAN: Hashable { var cluster: Int32; var vlan: Int32 }

    /// `parallel: false` builds the domains on one thread (the result is the same).
    public init(_ topology: Topology, parallel: Bool = true) {
        self.topology = topology
        self.distances = SiteDistances(topology)
        let order = topology.switches.indices.sorted { topology.switches[$0].name < topology.switches[$1].name }
        var rank = [Int32](repeating: 0, count: topology.switches.count)
        for (r, s) in order.enumerated() { rank[s] = Int32(r) }
        switchNameRank = rank
        build(parallel: parallel)
    }

    // MARK: queries

    /// Whether switch `s` carries VLAN `v`: its list names `v`, or it says `all` and `v`
    /// reaches it (a gateway, a host's uplink, or a trunk from a switch carrying `v`).
    public func carries(switch s: Int, vlan v: Int) -> Bool {
        switch topology.switches[s].vlans {
        case let .some(list): binarySearch(list, v)
        case .all: domain(ofSwitch: s, vlan: v) != nil
        }
    }

    /// The domain of VLAN `v` that switch `s` is in, if it carries `v`.
    public func domain(ofSwitch s: Int, vlan v: Int) -> Int? {
        let list = vlanSwitches[v]
        var lo = 0, hi = list.count
        let key = Int32(s)
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < list.count && list[lo] == key ? Int(vlanSwitchDomain[v][lo]) : nil
    }

    /// The domains of `v` that host `h` joins: those holding one of its uplinks, when the
    /// host carries `v` (hosts never bridge, so a host may join several).
    public func domainsJoined(host h: Int, vlan v: Int) -> [Int] {
        let host = topology.hosts[h]
        guard binarySearch(host.vlans, v) else { return [] }
        var result: [Int] = []
        for uplink in host.uplinks {
            if let d = domain(ofSwitch: uplink, vlan: v), !result.contains(d) { result.append(d) }
        }
        return result
    }

    /// Whether host `h` joins any domain of `v` (as `domainsJoined` being non-empty, without
    /// building the list).
    public func joinsDomain(host h: Int, vlan v: Int) -> Bool {
        let host = topology.hosts[h]
        guard binarySearch(host.vlans, v) else { return false }
        return host.uplinks.contains { domain(ofSwitch: $0, vlan: v) != nil }
    }

    /// Hosts of cluster `c` that carry VLAN `v` (n in the endpoint formula).
    public func carriers(cluster c: Int, vlan v: Int) -> Int {
        carriersByClusterVLAN[ClusterVLAN(cluster: Int32(c), vlan: Int32(v))] ?? 0
    }

    public func domains(ofVLAN v: Int) -> ArraySlice<BroadcastDomain> { domains[domainRanges[v]] }

    /// The placement of a switch.
    public func placement(ofSwitch s: Int) -> Placement { topology.switches[s].placement }

    // MARK: building

    private mutating func build(parallel: Bool) {
        let t = topology
        let vlanCount = t.vlans.count
        // Switches per VLAN from their lists; `all` switches get theirs from `AllCarriers`.
        var buckets = [[Int32]](repeating: [], count: vlanCount)
        for (s, sw) in t.switches.enumerated() {
            if case let .some(list) = sw.vlans { for v in list { buckets[v].append(Int32(s)) } }
        }
        // Trunk links between two listing switches, per VLAN: what both ends and the link carry.
        // Links with an `all` end are walked per VLAN by `AllCarriers`, which knows what reaches them.
        var edgeBuckets = [[(Int32, Int32)]](repeating: [], count: vlanCount)
        for link in t.links where link.mode == .trunk {
            guard case let .some(a) = t.switches[link.a].vlans, case let .some(b) = t.switches[link.b].vlans else { continue }
            let pair = (Int32(link.a), Int32(link.b))
            var both = sortedIntersection(a, b)
            if case let .some(allowed) = link.vlans { both = sortedIntersection(both, allowed) }
            for v in both { edgeBuckets[v].append(pair) }
        }
        // Hosts per VLAN, and how many hosts of each cluster carry it.
        // Counted first, so each bucket is allocated once at its size; hosts are read by
        // index (a copy of each would retain its name and lists).
        var hostsPerVLAN = [Int](repeating: 0, count: vlanCount)
        for h in t.hosts.indices {
            for v in t.hosts[h].vlans { hostsPerVLAN[v] += 1 }
        }
        var hostBuckets = hostsPerVLAN.map { count -> [Int32] in
            var bucket: [Int32] = []
            bucket.reserveCapacity(count)
            return bucket
        }
        for h in t.hosts.indices {
            for v in t.hosts[h].vlans { hostBuckets[v].append(Int32(h)) }
        }
        var workloadBuckets = [[Int32]](repeating: [], count: vlanCount)
        for (w, workload) in t.workloads.enumerated() {
            for v in workload.vlans { workloadBuckets[v].append(Int32(w)) }
        }

        // VLANs are independent: two runs of the loop below, each over a contiguous range of
        // VLANs holding about half the work, join into what one run over all would give.
        var work = [Int](repeating: 1, count: vlanCount)
        for v in 0..<vlanCount {
            let size: Int = buckets[v].count + edgeBuckets[v].count + hostBuckets[v].count
            work[v] += size
        }
        let total = work.reduce(0, +)
        var middle = 0, sum = 0
        while middle < vlanCount && 2 * (sum + work[middle]) <= total { sum += work[middle]; middle += 1 }
        // Below some thousands of members, hosts and links, a second thread costs more than it saves.
        let split = parallel && Parallel.enabled && vlanCount > 1 && total >= 20_000
        let ranges = split ? [0..<middle, middle..<vlanCount] : [0..<vlanCount]
        let parts = Parallel.map(ranges.count) { i in
            VLANRangePart(ranges[i], topology: t, buckets: buckets, edgeBuckets: edgeBuckets, hostBuckets: hostBuckets,
                          workloadBuckets: workloadBuckets, rank: switchNameRank)
        }
        vlanSwitches = []
        vlanSwitchDomain = []
        vlanSwitches.reserveCapacity(vlanCount)
        vlanSwitchDomain.reserveCapacity(vlanCount)
        for part in parts {
            let offset = domains.count
            domains.append(contentsOf: part.domains)
            gatewayIndexes.append(contentsOf: part.gatewayIndexes)
            domainRanges.append(contentsOf: part.domainRanges.map { ($0.lowerBound + offset)..<($0.upperBound + offset) })
            vlanSwitches.append(contentsOf: part.vlanSwitches)
            vlanSwitchDomain.append(contentsOf: offset == 0 ? part.vlanSwitchDomain : part.vlanSwitchDomain.map { $0.map { $0 + Int32(offset) } })
            carriersByClusterVLAN.merge(part.carriers) { a, _ in a }
            unreachableHostVLANs.append(contentsOf: part.unreachable)
        }
    }
}

/// The broadcast domains of a contiguous range of VLANs, numbered from 0 (the caller shifts
/// them into place).
struct VLANRangePart {
    var domains: [BroadcastDomain] = []
    var domainRanges: [Range<Int>] = []
    var gatewayIndexes: [GatewayIndex?] = []
    var vlanSwitches: [[Int32]] = []
    var vlanSwitchDomain: [[Int32]] = []
    var carriers: [Analysis.ClusterVLAN: Int] = [:]
    var unreachable: [(host: Int, vlan: Int)] = []

    init(_ range: Range<Int>, topology t: Topology, buckets: [[Int32]], edgeBuckets: [[(Int32, Int32)]],
         hostBuckets: [[Int32]], workloadBuckets: [[Int32]], rank: [Int32]) {
        var scratch = Scratch(switchCount: t.switches.count, topology: t)
        var reach = AllCarriers(t)
        vlanSwitches.reserveCapacity(range.count)
        vlanSwitchDomain.reserveCapacity(range.count)
        for v in range {
            var members = buckets[v]
            var edges = edgeBuckets[v]
            if reach.hasAllSwitches {
                let carried = reach.carriers(vlan: v, hosts: hostBuckets[v], edges: &edges)
                if !carried.isEmpty {
                    members.append(contentsOf: carried)
                    members.sort()
                }
            }
            let first = domains.count
            let (comp, built) = scratch.domains(vlan: v, switches: members, edges: edges,
                                               hosts: hostBuckets[v], workloads: workloadBuckets[v],
                                               rank: rank, base: first,
                                               carriers: &carriers, unreachable: &unreachable)
            domains.append(contentsOf: built)
            domainRanges.append(first..<domains.count)
            for d in built {
                gatewayIndexes.append(d.gateways.isEmpty ? nil : GatewayIndex(gateways: d.gateways, topology: t, rank: rank))
            }
            vlanSwitches.append(members)
            vlanSwitchDomain.append(comp)
        }
    }
}

func sortedIntersection(_ x: [Int], _ y: [Int]) -> [Int] {
    var i = 0, j = 0, out: [Int] = []
    while i < x.count && j < y.count {
        if x[i] == y[j] { out.append(x[i]); i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
    }
    return out
}

extension Analysis {
    /// The same analysis over a topology whose migration domains differ. Broadcast domains,
    /// distances and gateway reach do not read migration domains, so nothing is recomputed.
    public func replacingMigrationDomains(_ domains: [MigrationDomain]) -> Analysis {
        var copy = self
        copy.topology.migrationDomains = domains
        return copy
    }
}
