import TopolintModel

/// Which `vlans: all` switches carry a VLAN. "Allowed all" on a real trunk passes what the
/// neighbours bring, so an `all` switch carries v only when v reaches it: it is a gateway of v
/// (active, standby or anycast), an uplink of a host carrying v, or joined by a trunk that
/// admits v to a switch carrying v, listed or by this same rule (chains of `all` switches pass
/// v on). The VXLAN overlay passes nothing on: it only joins VTEPs that already carry v.
///
/// Cost: one walk per VLAN from its seeds through the `all` switches it reaches, touching only
/// the links of switches that carry it. A stamp per switch marks the visits of the current
/// VLAN, so nothing is cleared between VLANs; the total is the size of every VLAN's part of
/// the graph, never VLANs × switches.
struct AllCarriers {
    private let topology: Topology
    /// Whether any switch says `all`; without one there is nothing to walk.
    let hasAllSwitches: Bool
    private let isAll: [Bool]
    /// Per `all` switch, its trunks to other `all` switches: (other end, link).
    private let allNeighbours: [[(neighbour: Int32, link: Int32)]]
    /// Per VLAN, the trunks from a listing switch to an `all` switch that bring it: the
    /// listing end lists it and the link admits it. Bucketed once, as listing-to-listing
    /// trunks are, so a hub with many links is never scanned for VLANs its links do not bring.
    private var arrivals: [[(listed: Int32, all: Int32)]]
    /// `vlan + 1` for the `all` switches found to carry the VLAN being walked.
    private var stamp: [Int32]

    init(_ t: Topology) {
        topology = t
        var isAll = [Bool](repeating: false, count: t.switches.count)
        for (s, sw) in t.switches.enumerated() where sw.vlans == .all { isAll[s] = true }
        self.isAll = isAll
        hasAllSwitches = isAll.contains(true)
        var allNeighbours = [[(neighbour: Int32, link: Int32)]](repeating: [], count: hasAllSwitches ? t.switches.count : 0)
        var arrivals = [[(listed: Int32, all: Int32)]](repeating: [], count: hasAllSwitches ? t.vlans.count : 0)
        if hasAllSwitches {
            for (l, link) in t.links.enumerated() where link.mode == .trunk && (isAll[link.a] || isAll[link.b]) {
                if isAll[link.a] && isAll[link.b] {
                    allNeighbours[link.a].append((Int32(link.b), Int32(l)))
                    allNeighbours[link.b].append((Int32(link.a), Int32(l)))
                    continue
                }
                let (listed, all) = isAll[link.a] ? (link.b, link.a) : (link.a, link.b)
                guard case var .some(brought) = t.switches[listed].vlans else { continue }
                if case let .some(admitted) = link.vlans { brought = sortedIntersection(brought, admitted) }
                for v in brought { arrivals[v].append((Int32(listed), Int32(all))) }
            }
        }
        self.allNeighbours = allNeighbours
        self.arrivals = arrivals
        stamp = [Int32](repeating: 0, count: hasAllSwitches ? t.switches.count : 0)
    }

    /// The `all` switches carrying VLAN `v` (in the order found), given the hosts that carry
    /// it; appends to `edges` every trunk with an `all` end that carries `v` (both ends carry
    /// it and the link admits it). Called once per VLAN.
    mutating func carriers(vlan v: Int, hosts: [Int32], edges: inout [(Int32, Int32)]) -> [Int32] {
        let t = topology, mark = Int32(v + 1)
        var found: [Int32] = []
        func reach(_ s: Int) {
            if isAll[s] && stamp[s] != mark {
                stamp[s] = mark
                found.append(Int32(s))
            }
        }
        if let gateway = t.vlans[v].gateway { for g in gateway.allSwitches { reach(g) } }
        for h in hosts { for u in t.hosts[Int(h)].uplinks { reach(u) } }
        // A trunk that brings v from a listing switch: its `all` end carries v, and so the trunk does.
        for (listed, all) in arrivals[v] {
            reach(Int(all))
            edges.append((listed, all))
        }
        arrivals[v] = []
        // Breadth first through `all` switches; `found` doubles as the queue.
        var next = 0
        while next < found.count {
            let a = found[next]
            next += 1
            for (n, l) in allNeighbours[Int(a)] where t.links[Int(l)].vlans.contains(v) {
                reach(Int(n))
                if a < n { edges.append((a, n)) }   // each link between two `all` switches once
            }
        }
        return found
    }
}
