/// Severity bands, set by the score (README, Reading scores).
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case low, medium, high, critical

    /// 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10.0 critical.
    public init(score: Double) {
        switch Score.round(score) {
        case ..<4.0: self = .low
        case ..<7.0: self = .medium
        case ..<9.0: self = .high
        default: self = .critical
        }
    }

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// SARIF's `level`: note, warning, error.
    public var sarifLevel: String {
        switch self {
        case .low: "note"
        case .medium: "warning"
        case .high, .critical: "error"
        }
    }

    /// The lowest score of the band, used for a rule's "default severity".
    public var floorScore: Double {
        switch self {
        case .low: 0.1
        case .medium: 4.0
        case .high: 7.0
        case .critical: 9.0
        }
    }
}

/// Scores are 0.0–10.0 with one decimal.
public enum Score {
    public static func round(_ value: Double) -> Double {
        guard value.isFinite else { return value > 0 ? 10.0 : 0.0 }
        // A formula's exact x.x5 often lands a hair below it in binary (0.1 + 3.8·0.75 is
        // 2.9499999…): a nudge far below any difference a formula means keeps half away from
        // zero what it says.
        return (min(10.0, max(0.0, value)) * 10 + 1e-9).rounded(.toNearestOrAwayFromZero) / 10
    }
}
