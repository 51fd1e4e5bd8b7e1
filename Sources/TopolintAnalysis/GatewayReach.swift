import TopolintModel

/// The gateway an endpoint on a host reaches for a VLAN, and how far away it is.
public struct GatewayReach: Sendable, Equatable {
    public var gateway: Int
    public var proximity: Proximity
    /// Round trip between the host's site and the gateway's: 0 within a site, nil unknown.
    public var rttMs: Double?

    public init(gateway: Int, proximity: Proximity, rttMs: Double?) {
        self.gateway = gateway
        self.proximity = proximity
        self.rttMs = rttMs
    }
}

/// For one domain: the best (first by name) gateway per rack, pod and site, so the nearest
/// gateway of a host is a few lookups even with an anycast gateway on every leaf. Each is a
/// short list sorted by rack, pod or site and searched by halves (a dictionary per domain
/// hashed every gateway of every VLAN).
public struct GatewayIndex: Sendable {
    var byRack = PlaceTable()
    var byPod = PlaceTable()
    var bySite = PlaceTable()

    init(gateways: [Int], topology: Topology, rank: [Int32]) {
        for g in gateways {
            let p = topology.switches[g].placement
            if let rack = p.rack { byRack.keep(rack, g, rank: rank) }
            if let pod = p.pod { byPod.keep(pod, g, rank: rank) }
            if p.site >= 0 { bySite.keep(p.site, g, rank: rank) }
        }
    }
}

/// Places (racks, pods or sites) to the first gateway by name in each, sorted by place.
struct PlaceTable: Sendable {
    private(set) var entries: [(place: Int, gateway: Int)] = []

    /// Where `place` is, or would go.
    private func slot(_ place: Int) -> Int {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].place < place { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func keep(_ place: Int, _ g: Int, rank: [Int32]) {
        let i = slot(place)
        if i < entries.count && entries[i].place == place {
            if rank[g] < rank[entries[i].gateway] { entries[i].gateway = g }
        } else {
            entries.insert((place, g), at: i)
        }
    }

    subscript(place: Int) -> Int? {
        let i = slot(place)
        return i < entries.count && entries[i].place == place ? entries[i].gateway : nil
    }
}

extension Analysis {
    /// The nearest forwarding gateway of VLAN `v` to host `h` by (same rack, same pod, same
    /// site, lowest RTT, then name), among those in the domains of `v` the host joins; nil
    /// when none of those domains holds a gateway.
    public func nearestGateway(host h: Int, vlan v: Int) -> GatewayReach? {
        let joined = domainsJoined(host: h, vlan: v)
        guard !joined.isEmpty else { return nil }
        let p = topology.placement(ofHost: h)
        var best: (key: (Int, Double, Int32), reach: GatewayReach)?
        func consider(_ g: Int, _ proximity: Proximity, _ rtt: Double?) {
            let key = (proximity.rawValue, rtt ?? .infinity, switchNameRank[g])
            if let current = best, !(key < current.key) { return }
            best = (key, GatewayReach(gateway: g, proximity: proximity, rttMs: rtt))
        }
        for d in joined {
            guard let index = gatewayIndexes[d] else { continue }
            if let rack = p.rack, let g = index.byRack[rack] { consider(g, .sameRack, 0); continue }
            if let pod = p.pod, let g = index.byPod[pod] { consider(g, .samePod, 0); continue }
            if let g = index.bySite[p.site] { consider(g, .sameSite, 0); continue }
            for (site, g) in index.bySite.entries { consider(g, .otherSite, distances.rtt(p.site, site)) }
        }
        return best?.reach
    }
}
