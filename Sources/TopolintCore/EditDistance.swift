/// Damerau-free Levenshtein distance with an early exit once every cell exceeds `limit`.
public func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if abs(x.count - y.count) > limit { return limit + 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        var rowMin = current[0]
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            rowMin = min(rowMin, current[j])
        }
        if rowMin > limit { return limit + 1 }
        swap(&previous, &current)
    }
    return previous[y.count]
}

/// The closest candidate within `maxDistance` edits (ties broken by name), for "did you mean".
public func closestMatch<S: Sequence>(to word: String, among candidates: S, maxDistance: Int = 2) -> String?
where S.Element == String {
    var best: (distance: Int, name: String)?
    for candidate in candidates {
        let d = editDistance(word, candidate, limit: maxDistance)
        guard d <= maxDistance, d > 0 || word != candidate else { continue }
        if let current = best, current.distance < d || (current.distance == d && current.name <= candidate) { continue }
        best = (d, candidate)
    }
    return best?.name
}
