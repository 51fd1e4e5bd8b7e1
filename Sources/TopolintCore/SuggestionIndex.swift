/// "Did you mean" over many names (a file's switches, racks, VLANs) with bounded work per
/// question, however many names there are.
///
/// Names are kept sorted, in buckets by length: a name within two edits of the word is at
/// most two characters longer or shorter, so only five buckets can hold one. Within a
/// bucket the search starts where the word would sort and walks outward (names that share
/// the word's beginning come first) and stops after `comparisonsPerQuery` distances (fewer
/// for a word over 64 characters: a distance costs about the word's length, so the budget
/// is really one of characters compared). An
/// extension of the word (`rtt` → `rtt_ms`) sorts right after it in the whole sorted list.
/// The answer for a word is remembered, so a mistake repeated a million times (one bad
/// reference in a large pattern) costs one search.
public struct SuggestionIndex: Sendable {
    /// Distances computed for one word at most: about a millisecond.
    public static let comparisonsPerQuery = 1_024
    public static let maxDistance = 2

    private var buckets: [Int: [String]] = [:]
    private var sorted: [String]
    private var answers: [String: String?] = [:]

    public init<S: Sequence>(_ names: S) where S.Element == String {
        sorted = names.sorted()
        for name in sorted { buckets[name.unicodeScalars.count, default: []].append(name) }
    }

    public var count: Int { sorted.count }
    /// Distinct words searched for so far.
    public var answered: Int { answers.count }
    /// Candidates weighed so far, over every search (the work the index has done).
    public private(set) var comparisons = 0

    /// The best suggestion for `word`, or nil; the same answer as `closestMatch` whenever
    /// the buckets near the word hold fewer than `comparisonsPerQuery` names. Without
    /// `searchAllowed`, only a word already answered gets its answer.
    public mutating func suggestion(for word: String, searchAllowed: Bool = true) -> String? {
        if let known = answers[word] { return known }
        guard searchAllowed else { return nil }
        let answer = search(word)
        answers[word] = answer
        return answer
    }

    private mutating func search(_ word: String) -> String? {
        let scalars = Array(word.unicodeScalars)
        var best: SuggestionRank?
        var weighed = 0
        defer { comparisons += weighed }
        func consider(_ candidate: String) {
            weighed += 1
            guard let rank = SuggestionRank(word: word, wordScalars: scalars, candidate: candidate,
                                            maxDistance: SuggestionIndex.maxDistance) else { return }
            if best == nil || rank < best! { best = rank }
        }
        // Extensions: right after the word in sorted order.
        var i = lowerBound(sorted, word)
        var looked = 0
        while i < sorted.count, looked < 64, sorted[i].hasPrefix(word) {
            consider(sorted[i])
            i += 1; looked += 1
        }
        // Nearby lengths, the word's own first, each from where the word would sort. A long
        // word buys fewer distances, each costing its length.
        let share = SuggestionIndex.comparisonsPerQuery / (2 * SuggestionIndex.maxDistance + 1) / max(1, scalars.count / 64)
        for delta in [0, -1, 1, -2, 2] {
            guard let bucket = buckets[scalars.count + delta] else { continue }
            let start = lowerBound(bucket, word)
            var below = start - 1, above = start, spent = 0
            while spent < share, below >= 0 || above < bucket.count {
                if above < bucket.count { consider(bucket[above]); above += 1; spent += 1 }
                if below >= 0 { consider(bucket[below]); below -= 1; spent += 1 }
            }
        }
        return best?.name
    }

    private func lowerBound(_ names: [String], _ word: String) -> Int {
        var low = 0, high = names.count
        while low < high {
            let mid = (low + high) / 2
            if names[mid] < word { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
