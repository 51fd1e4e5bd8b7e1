import TopolintModel

/// The gateway an endpoint on a host reaches for a VLAN, and how far away it is.
public struct GatewayReach: Sendable, Equatable {
    public var gateway: Int
    public var proximity: Proximity
    /// Round trip between the host's site and the gateway's: 0 within a site, nil unknown.
    public var rttMs: Double?
}

/// For one domain: the best (first by name) gateway per rack, pod and site, so the nearest
/// gateway of a host is a few lookups even with an anycast gateway on every leaf.
public struct GatewayIndex: Sendable {
    var byRack: [Int: Int] = [:]
    var byPod: [Int: Int] = [:]
    var bySite: [Int: Int] = [:]

    init(gateways: [Int], topology: Topology, rank: [Int32]) {
        func keep(_ map: inout [Int: Int], _ key: Int, _ g: Int) {
            if let current = map[key], rank[current] <= rank[g] { return }
            map[key] = g
        }
        for g in gateways {
            let p = topology.switches[g].placement
            if let rack = p.rack { keep(&byRack, rack, g) }
            if let pod = p.pod { keep(&byPod, pod, g) }
            if p.site >= 0 { keep(&bySite, p.site, g) }
        }
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
            for (site, g) in index.bySite { consider(g, .otherSite, distances.rtt(p.site, site)) }
        }
        return best?.reach
    }
}
