/// The whole outcome of a `lint` run, which every reporter turns into text.
/// Reporters see this and nothing of the model.
public struct LintReport: Sendable {
    public var files: [String]
    public var diagnostics: [Diagnostic]
    public var findings: [Finding]
    public var suppressed: [SuppressedFinding]
    /// The rules that were active, for SARIF's rules array and JUnit's test cases.
    public var rules: [RuleDescriptor]
    /// Findings left out because a baseline already records them.
    public var baselined: Int
    /// Source text of each file, for snippets under text output (may be empty).
    public var sources: [String: [UInt8]]
    /// The drawing of each file that loaded, for formats that draw (HTML); empty otherwise.
    public var pictures: [String: Picture]

    public init(files: [String], diagnostics: [Diagnostic], findings: [Finding],
                suppressed: [SuppressedFinding], rules: [RuleDescriptor], baselined: Int = 0,
                sources: [String: [UInt8]] = [:], pictures: [String: Picture] = [:]) {
        self.files = files
        self.diagnostics = diagnostics
        self.findings = findings.inReportOrder()
        self.suppressed = suppressed
        self.rules = rules
        self.baselined = baselined
        self.sources = sources
        self.pictures = pictures
    }

    public var summary: Summary { Summary(findings: findings, suppressed: suppressed.count) }
}

/// Counts per severity and the highest score (the `summary` described in docs/report.md#3-the-json-of-lint).
public struct Summary: Hashable, Sendable {
    public var findings: Int
    public var suppressed: Int
    public var counts: [Severity: Int]
    public var maxScore: Double

    public init(findings: [Finding], suppressed: Int) {
        self.findings = findings.count
        self.suppressed = suppressed
        var counts: [Severity: Int] = [:]
        for f in findings { counts[f.severity, default: 0] += 1 }
        self.counts = counts
        self.maxScore = findings.map(\.score).max() ?? 0
    }

    public func count(_ s: Severity) -> Int { counts[s] ?? 0 }

    public var json: JSONValue {
        .object([
            ("findings", .int(findings)), ("suppressed", .int(suppressed)),
            ("low", .int(count(.low))), ("medium", .int(count(.medium))),
            ("high", .int(count(.high))), ("critical", .int(count(.critical))),
            ("max_score", .double(maxScore)),
        ])
    }
}
