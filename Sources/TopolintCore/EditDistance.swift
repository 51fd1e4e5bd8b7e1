/// Damerau-free Levenshtein distance with an early exit once every cell exceeds `limit`.
/// Below the strings' length only a band of `2·limit + 1` cells a row can stay within the
/// limit, so only those are computed: a "did you mean" on two long names that differ by a
/// character costs their length, not its square.
public func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    return editDistance(x, y, limit: limit)
}

func editDistance<C: RandomAccessCollection>(_ x: C, _ y: C, limit: Int) -> Int where C.Element: Equatable, C.Index == Int {
    if abs(x.count - y.count) > limit { return limit + 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    if limit < max(x.count, y.count) { return bandedEditDistance(x, y, limit: limit) }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        var rowMin = current[0]
        for j in 1...y.count {
            let cost = x[x.startIndex + i - 1] == y[y.startIndex + j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            rowMin = min(rowMin, current[j])
        }
        if rowMin > limit { return limit + 1 }
        swap(&previous, &current)
    }
    return previous[y.count]
}

/// The same distance, computing only the cells within `limit` of the diagonal (any other
/// is over the limit); `limit + 1` when the distance is over it. The lengths differ by at
/// most `limit` (checked by the caller), so the last cell is in the band.
private func bandedEditDistance<C: RandomAccessCollection>(_ x: C, _ y: C, limit: Int) -> Int where C.Element: Equatable, C.Index == Int {
    let n = x.count, m = y.count, over = limit + 1
    // Cells outside the band hold `over`; values are kept at most `over`.
    var previous = [Int](repeating: over, count: m + 1)
    for j in 0...min(m, limit) { previous[j] = j }
    var current = [Int](repeating: over, count: m + 1)
    for i in 1...n {
        let low = max(1, i - limit), high = min(m, i + limit)
        current[low - 1] = low == 1 && i <= limit ? i : over
        var rowMin = current[low - 1]
        if low <= high {
            for j in low...high {
                let cost = x[x.startIndex + i - 1] == y[y.startIndex + j - 1] ? 0 : 1
                let cell = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, over)
                current[j] = cell
                rowMin = min(rowMin, cell)
            }
        }
        // The next row reads one cell past this row's band: outside it, so over the limit.
        if high + 1 <= m { current[high + 1] = over }
        if rowMin > limit { return over }
        swap(&previous, &current)
    }
    return previous[m]
}

/// How good a "did you mean" candidate is; lower is better. A known name that extends
/// what was typed (`vsphere-7` → `vsphere-7.0`, `rtt` → `rtt_ms`) is what a user who
/// stopped typing too early meant, so it ranks as one edit away however many it lacks.
struct SuggestionRank: Comparable {
    var distance: Int
    var length: Int
    var name: String

    static func < (a: SuggestionRank, b: SuggestionRank) -> Bool {
        (a.distance, a.length, a.name) < (b.distance, b.length, b.name)
    }

    /// nil when `candidate` is no suggestion for `word` at all.
    init?(word: String, wordScalars: [Unicode.Scalar], candidate: String, maxDistance: Int) {
        guard candidate != word else { return nil }
        let scalars = Array(candidate.unicodeScalars)
        if SuggestionRank.extends(candidate, word, wordScalars.count) {
            distance = min(1, maxDistance)
        } else {
            let d = editDistance(wordScalars, scalars, limit: maxDistance)
            guard d <= maxDistance else { return nil }
            distance = d
        }
        length = scalars.count
        name = candidate
    }

    /// A typed prefix of three or more characters, at least half the known name.
    static func extends(_ candidate: String, _ word: String, _ wordLength: Int) -> Bool {
        wordLength >= 3 && candidate.hasPrefix(word) && candidate.unicodeScalars.count <= 2 * wordLength
    }
}

/// The closest candidate within `maxDistance` edits (ties broken by length, then name), for
/// "did you mean"; a candidate that extends the word counts as one edit. For short lists
/// (keys, platforms, rule names); `SuggestionIndex` serves a file's names.
public func closestMatch<S: Sequence>(to word: String, among candidates: S, maxDistance: Int = 2) -> String?
where S.Element == String {
    let scalars = Array(word.unicodeScalars)
    var best: SuggestionRank?
    for candidate in candidates {
        guard let rank = SuggestionRank(word: word, wordScalars: scalars, candidate: candidate, maxDistance: maxDistance) else { continue }
        if best == nil || rank < best! { best = rank }
    }
    return best?.name
}
