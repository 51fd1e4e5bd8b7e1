import TopolintModel

/// Round-trip times between sites: shortest paths over `site_links` by `rtt_ms`.
/// Sites with no path between them have an unknown (nil) RTT.
///
/// Only sites joined by links can have a figure for each other, so the table is kept per
/// group of joined sites (a dense square each): thousands of unlinked sites cost one entry
/// each, not a square. The loader bounds the groups (`LoadLimits.linkedSitePairs`).
public struct SiteDistances: Sendable {
    /// Each site's group, -1 for a site no link names; and its place within the group.
    let group: [Int32]
    let slot: [Int32]
    /// Each group's size and where its square starts in `rtt`.
    let groupSize: [Int]
    let groupStart: [Int]
    /// Every group's `size × size` table, row-major, one after the other; `.infinity`
    /// cannot occur within a group (its sites are joined), but stays the "no path" mark.
    let rtt: [Double]

    public init(_ topology: Topology) {
        let n = topology.sites.count
        var adjacency = [[(to: Int, rtt: Double)]](repeating: [], count: n)
        for link in topology.siteLinks where link.a >= 0 && link.b >= 0 {
            adjacency[link.a].append((link.b, link.rttMs))
            adjacency[link.b].append((link.a, link.rttMs))
        }
        // Groups: the sites reached from each linked site not yet placed.
        var group = [Int32](repeating: -1, count: n)
        var slot = [Int32](repeating: -1, count: n)
        var members: [[Int]] = []
        for start in 0..<n where group[start] < 0 && !adjacency[start].isEmpty {
            let id = Int32(members.count)
            var list = [start]
            group[start] = id
            var next = 0
            while next < list.count {
                for (v, _) in adjacency[list[next]] where group[v] < 0 {
                    group[v] = id
                    list.append(v)
                }
                next += 1
            }
            for (i, site) in list.enumerated() { slot[site] = Int32(i) }
            members.append(list)
        }
        var starts: [Int] = [], sizes: [Int] = []
        var total = 0
        for list in members { starts.append(total); sizes.append(list.count); total += list.count * list.count }
        var table = [Double](repeating: .infinity, count: total)
        // Dijkstra from every site of a group: groups are small, links fewer.
        for (g, list) in members.enumerated() {
            let k = list.count
            for i in 0..<k {
                var dist = [Double](repeating: .infinity, count: k)
                dist[i] = 0
                var heap = MinHeap()
                heap.push((0, i))
                while let (d, u) = heap.pop() {
                    if d > dist[u] { continue }
                    for (site, w) in adjacency[list[u]] {
                        let v = Int(slot[site])
                        // Saturated: round trips that add up past the largest double are
                        // very far, not infinite (infinite is how "no path" is kept).
                        let through = min(d + w, .greatestFiniteMagnitude)
                        if through < dist[v] {
                            dist[v] = through
                            heap.push((dist[v], v))
                        }
                    }
                }
                let row = starts[g] + i * k
                for j in 0..<k { table[row + j] = dist[j] }
            }
        }
        self.group = group
        self.slot = slot
        groupSize = sizes
        groupStart = starts
        rtt = table
    }

    /// The RTT between two sites in ms, 0 within a site, nil when no path joins them.
    public func rtt(_ a: Int, _ b: Int) -> Double? {
        guard a >= 0, b >= 0, a < group.count, b < group.count else { return nil }
        if a == b { return 0 }
        let g = group[a]
        guard g >= 0, g == group[b] else { return nil }
        let k = groupSize[Int(g)]
        let value = rtt[groupStart[Int(g)] + Int(slot[a]) * k + Int(slot[b])]
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
