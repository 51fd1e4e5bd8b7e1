/// Damerau-free Levenshtein distance with an early exit once every cell exceeds `limit`.
public func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    return editDistance(x, y, limit: limit)
}

func editDistance<C: RandomAccessCollection>(_ x: C, _ y: C, limit: Int) -> Int where C.Element: Equatable, C.Index == Int {
    if abs(x.count - y.count) > limit { return limit + 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
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
