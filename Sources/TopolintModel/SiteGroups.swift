/// Sites joined by site links, as groups (union-find), and how many ordered pairs of
/// different sites share a group: the round-trip table keeps one figure for each. The
/// loader refuses the link that would take that past `LoadLimits.linkedSitePairs`.
struct SiteGroups {
    /// Each site's parent, itself for a root; a site no link names is a root of size 1.
    private var parent: [Int32]
    private var size: [Int32]
    /// Sum over groups of size × (size − 1).
    private(set) var pairs = 0

    init(count: Int) {
        parent = (0..<Int32(count)).map { $0 }
        size = Array(repeating: 1, count: count)
    }

    private mutating func root(_ site: Int) -> Int {
        var r = site
        while Int(parent[r]) != r { r = Int(parent[r]) }
        var s = site
        while Int(parent[s]) != r { let next = Int(parent[s]); parent[s] = Int32(r); s = next }
        return r
    }

    /// Joins the groups of two sites unless that takes the pairs past `limit`; returns
    /// whether they are joined now.
    mutating func join(_ a: Int, _ b: Int, limit: Int) -> Bool {
        var ra = root(a), rb = root(b)
        if ra == rb { return true }
        let p = Int(size[ra]), q = Int(size[rb])
        guard pairs + 2 * p * q <= limit else { return false }
        if p < q { swap(&ra, &rb) }
        parent[rb] = Int32(ra)
        size[ra] = Int32(p + q)
        pairs += 2 * p * q
        return true
    }
}
