/// What a finding is about: the entity whose key it points at.
public struct Subject: Hashable, Sendable {
    /// One of the subject kinds listed in docs/report.md#3-the-json-of-lint: site, pod, rack, switch, link, vlan, zone, cluster, host,
    /// workload, migration_domain.
    public var kind: String
    public var name: String

    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// A design finding: rule, subject, measured facts, score.
public struct Finding: Hashable, Sendable {
    public var ruleID: String
    public var ruleName: String
    /// The score reported: 0.0–10.0, one decimal.
    public var score: Double
    /// The score as the rule's formula gave it, before rounding, so that a pack's weight
    /// multiplies the measured figure rather than a figure already rounded once.
    public private(set) var unroundedScore: Double
    public var message: String
    public var fix: String
    public var subject: Subject
    public var location: SourceLocation
    /// Measured facts, keyed as the context table in docs/report.md#3-the-json-of-lint lists them.
    public var context: [(String, JSONValue)]
    /// Context keys that identify the finding (with rule and subject) for its fingerprint.
    public var identity: [String]
    /// The identity keys earlier releases used, where they differ: a baseline they recorded
    /// still matches through `earlierFingerprint`.
    public var earlierIdentity: [String]?
    /// The design's name (its `topology:` key), which the fingerprint uses instead of the
    /// file's path, so that renaming or moving a file keeps every finding's fingerprint.
    /// Empty for a finding made outside a topology run; the path stands in then.
    public var topology: String

    public init(ruleID: String, ruleName: String, score: Double, message: String, fix: String,
                subject: Subject, location: SourceLocation, context: [(String, JSONValue)],
                identity: [String] = [], topology: String = "") {
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.score = Score.round(score)
        self.unroundedScore = score
        self.message = message
        self.fix = fix
        self.subject = subject
        self.location = location
        self.context = context
        self.identity = Finding.shared(identity)
        self.topology = topology
    }

    /// The identity keys rules use most, one array each for every finding: a literal list
    /// given per finding would otherwise be kept per finding (tens of thousands of them).
    private static let sharedIdentities: [[String]] = [["vlan"], ["switch"], ["vlan", "cluster"], ["rule"], ["other"]]

    private static func shared(_ identity: [String]) -> [String] {
        guard identity.count <= 2 else { return identity }
        return sharedIdentities.first { $0 == identity } ?? identity
    }

    public var severity: Severity { Severity(score: score) }

    /// Multiplies the score by a rule pack's weight (the result rounded once, capped at 10).
    public mutating func weigh(_ weight: Double) {
        unroundedScore *= weight
        score = Score.round(unroundedScore)
    }

    public func contextValue(_ key: String) -> JSONValue? { context.first { $0.0 == key }?.1 }

    /// Stable across runs, edits elsewhere in the file and renaming or moving the file: rule,
    /// the topology's name, subject and the identifying context, never line numbers or
    /// paths. (The severity is left out too: a baseline compares it separately, and a code
    /// scanning alert whose score rises stays the same alert.)
    public var fingerprint: String { fingerprint(identity: identity) }

    /// The fingerprint with the identity keys of earlier releases, when they differ.
    public var earlierFingerprint: String? { earlierIdentity.map { fingerprint(identity: $0) } }

    private func fingerprint(identity: [String]) -> String {
        topology.isEmpty ? fingerprint(ownerKind: "file:", owner: location.file, identity: identity)
            : fingerprint(ownerKind: "topology:", owner: topology, identity: identity)
    }

    /// The fingerprint of earlier releases, on the file's path as given on the command line;
    /// baselines written by them still match through it.
    public var legacyFingerprint: String { fingerprint(ownerKind: "", owner: location.file, identity: earlierIdentity ?? identity) }

    /// The hash of "rule␟owner␟kind␟name" and "␟key=value" per identity key (␟ is U+001F,
    /// the owner `ownerKind` then `owner`, the value as compact JSON), fed piece by piece
    /// rather than joined into one string first (the same bytes).
    private func fingerprint(ownerKind: StaticString, owner: String, identity: [String]) -> String {
        var hasher = Fingerprint.Hasher()
        hasher.add(ruleID)
        hasher.add(byte: 0x1F)
        ownerKind.withUTF8Buffer { for byte in $0 { hasher.add(byte: byte) } }
        hasher.add(owner)
        hasher.add(byte: 0x1F)
        hasher.add(subject.kind)
        hasher.add(byte: 0x1F)
        hasher.add(subject.name)
        for key in identity {
            hasher.add(byte: 0x1F)
            hasher.add(key)
            hasher.add(byte: UInt8(ascii: "="))
            switch contextValue(key) {
            case let .string(text)? where !Fingerprint.needsEscape(text):
                // A name, nearly always: its JSON is the text in quotes.
                hasher.add(byte: UInt8(ascii: "\""))
                hasher.add(text)
                hasher.add(byte: UInt8(ascii: "\""))
            case let value?: hasher.add(value.serialized())
            case nil: hasher.add("null")
            }
        }
        return hasher.hex
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        a.ruleID == b.ruleID && a.score == b.score && a.message == b.message && a.subject == b.subject
            && a.location == b.location && JSONValue.object(a.context) == JSONValue.object(b.context)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ruleID)
        hasher.combine(subject)
        hasher.combine(message)
    }

    /// Sorted by file, line, column, rule (as docs/report.md#3-the-json-of-lint says), then message for a total order.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}

/// A finding an `ignore` entry suppressed, with the reason given there.
public struct SuppressedFinding: Hashable, Sendable {
    public var finding: Finding
    public var reason: String
    public var ignoreLocation: SourceLocation

    public init(finding: Finding, reason: String, ignoreLocation: SourceLocation) {
        self.finding = finding
        self.reason = reason
        self.ignoreLocation = ignoreLocation
    }
}

/// 128-bit FNV-1a rendered as 32 hex digits: stable everywhere, no Foundation needed.
public enum Fingerprint {
    public static func hex(_ text: String) -> String {
        var hasher = Hasher()
        hasher.add(text)
        return hasher.hex
    }

    /// Whether JSON writes `text` other than as it is between quotes: it holds a quote, a
    /// backslash or a control character below 0x20 (all ASCII, so the bytes tell).
    static func needsEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needsJSONEscape($0) }
    }

    /// The two FNV-1a lanes, fed a text's UTF-8 in pieces.
    public struct Hasher {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x8422_2325_cbf2_9ce4

        public init() {}

        public mutating func add(byte: UInt8) {
            h1 = (h1 ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            h2 = (h2 ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
        }

        public mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { for byte in $0 { add(byte: byte) } }
        }

        /// 32 lowercase hex digits, h1's then h2's.
        public var hex: String {
            String(unsafeUninitializedCapacity: 32) { digits in
                for i in 0..<32 {
                    let nibble = UInt8(((i < 16 ? h1 : h2) >> UInt64(60 - 4 * (i % 16))) & 0xF)
                    digits[i] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                }
                return 32
            }
        }
    }
}

extension Array where Element == Finding {
    /// In report order (`Finding.reportOrder`), findings that tie kept in the order given.
    /// Sorted by index, then moved once: a finding holds a dozen reference-counted fields,
    /// and sorting tens of thousands in place copied them at every step. Already sorted
    /// (a report re-sorting the rule engine's output), it is returned as it is.
    public func inReportOrder() -> [Finding] {
        if indices.dropFirst().allSatisfy({ !Finding.reportOrder(self[$0], self[$0 - 1]) }) { return self }
        let order = indices.sorted { a, b in
            if Finding.reportOrder(self[a], self[b]) { return true }
            if Finding.reportOrder(self[b], self[a]) { return false }
            return a < b
        }
        return order.map { self[$0] }
    }

    /// Puts the findings in report order where they are (as `inReportOrder` orders them):
    /// no second array of findings exists at any moment, which for tens of thousands of
    /// findings is megabytes at the peak of a run's memory. The order is found on indexes,
    /// then applied by following each cycle of the permutation, one swap per finding.
    public mutating func sortInReportOrder() {
        if indices.dropFirst().allSatisfy({ !Finding.reportOrder(self[$0], self[$0 - 1]) }) { return }
        var order = indices.sorted { a, b in
            if Finding.reportOrder(self[a], self[b]) { return true }
            if Finding.reportOrder(self[b], self[a]) { return false }
            return a < b
        }
        // Position i takes the finding now at order[i]; each cycle is walked once.
        for start in order.indices where order[start] != start {
            var i = start
            while order[i] != start {
                let from = order[i]
                swapAt(i, from)
                order[i] = i
                i = from
            }
            order[i] = i
        }
    }
}
