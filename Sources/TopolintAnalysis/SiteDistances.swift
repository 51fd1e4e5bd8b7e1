import TopolintModel

/// Round-trip times between sites: shortest paths over `site_links` by `rtt_ms`.
/// Sites with no path between them have an unknown (nil) RTT.
public struct SiteDistances: Sendable {
    let count: Int
    /// Row-major `count × count`; `.infinity` where no path exists.
    let rtt: [Double]

    public init(_ topology: Topology) {
        let n = topology.sites.count
        count = n
        var adjacency = [[(to: Int, rtt: Double)]](repeating: [], count: n)
        for link in topology.siteLinks where link.a >= 0 && link.b >= 0 {
            adjacency[link.a].append((link.b, link.rttMs))
            adjacency[link.b].append((link.a, link.rttMs))
        }
        var table = [Double](repeating: .infinity, count: n * n)
        // Dijkstra from every site: sites are few, links fewer; a binary heap keeps it tidy.
        for source in 0..<n {
            var dist = [Double](repeating: .infinity, count: n)
            dist[source] = 0
            var heap = MinHeap()
            heap.push((0, source))
            while let (d, u) = heap.pop() {
                if d > dist[u] { continue }
                for (v, w) in adjacency[u] where d + w < dist[v] {
                    dist[v] = d + w
                    heap.push((dist[v], v))
                }
            }
            for target in 0..<n { table[source * n + target] = dist[target] }
        }
        rtt = table
    }

    /// The RTT between two sites in ms, 0 within a site, nil when no path joins them.
    public func rtt(_ a: Int, _ b: Int) -> Double? {
        guard a >= 0, b >= 0, a < count, b < count else { return nil }
        let value = rtt[a * count + b]
        return value.isFinite ? value : nil
    }
}

/// A small binary min-heap of (distance, site).
struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func push(_ item: (Double, Int)) {
        items.append(item)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i].0 < items[parent].0 else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < items.count && items[l].0 < items[smallest].0 { smallest = l }
            if r < items.count && items[r].0 < items[smallest].0 { smallest = r }
            if smallest == i { break }
            items.swapAt(i, smallest)
            i = smallest
        }
        return top
    }
}

/// How far apart two placements are: same rack, same pod, same site, or other sites.
public enum Proximity: Int, Comparable, Sendable {
    case sameRack = 0, samePod, sameSite, otherSite

    public init(_ a: Placement, _ b: Placement) {
        if let ra = a.rack, let rb = b.rack, ra == rb { self = .sameRack }
        else if let pa = a.pod, let pb = b.pod, pa == pb { self = .samePod }
        else if a.site == b.site { self = .sameSite }
        else { self = .otherSite }
    }

    public static func < (a: Proximity, b: Proximity) -> Bool { a.rawValue < b.rawValue }
}
