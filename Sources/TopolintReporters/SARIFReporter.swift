import TopolintCore

/// SARIF 2.1.0 as GitHub code scanning accepts it (`github/codeql-action/upload-sarif`).
///
/// GitHub reads the rule metadata (help, default level, `security-severity`), matches alerts
/// across commits by `partialFingerprints`, and resolves `%SRCROOT%`-relative URIs against
/// the checkout, so those are the parts that must be right.
public struct SARIFReporter: Reporter {
    public static let id = "sarif"
    public static let summary = "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers"

    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Versioned, so a future change to how fingerprints are computed can use a new key
    /// instead of silently reopening every alert.
    /// v2: on the topology's name instead of the file's path (v1), so renaming or moving a
    /// file keeps its alerts.
    public static let fingerprintKey = "topolint/v2"
    static let sourceRoot = "%SRCROOT%"

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        JSONBytes.text(document(report, options: options), pretty: true,
                       capacity: 1024 * (report.findings.count + report.suppressed.count) + 8192)
    }

    static func document(_ report: LintReport, options: ReportOptions) -> JSONValue {
        let rules = RuleTable(report, options: options)
        var results: [JSONValue] = []
        for d in report.diagnostics { results.append(result(d, rules: rules, options: options)) }
        for f in report.findings { results.append(result(f, rules: rules, options: options)) }
        for s in report.suppressed {
            guard case var .object(pairs) = result(s.finding, rules: rules, options: options) else { continue }
            pairs.append(("suppressions", .array([suppression(s, options: options)])))
            results.append(.object(pairs))
        }

        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", .object([
                ("name", .string(Project.name)),
                ("version", .string(Project.version)),
                ("semanticVersion", .string(Project.version)),
                ("informationUri", .string(Project.repositoryURL)),
                ("rules", .array(rules.entries)),
            ]))])),
        ]
        // originalUriBaseIds must hold an absolute URI ending in `/`; without a known absolute
        // root it is left out and the consumer supplies %SRCROOT% (GitHub uses the checkout).
        if let root = options.repositoryRoot, Paths.isAbsolute(root) {
            run.append(("originalUriBaseIds", .object([
                (sourceRoot, .object([("uri", .string(Paths.fileURI(absolute: root, directory: true)))])),
            ])))
        }
        run.append(("columnKind", .string("unicodeCodePoints")))
        run.append(("results", .array(results)))

        return .object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    // MARK: Rules

    /// The rules array and each rule's index in it (results point at rules by index).
    struct RuleTable {
        var entries: [JSONValue] = []
        var index: [String: Int] = [:]

        init(_ report: LintReport, options: ReportOptions) {
            for descriptor in report.rules { add(descriptor.id, SARIFReporter.rule(descriptor, options: options)) }
            // A finding of a rule missing from `rules` (e.g. TL900 from an ignore entry) still
            // needs a rule to point at, or its ruleIndex would be wrong.
            for f in report.findings + report.suppressed.map(\.finding) where index[f.ruleID] == nil {
                add(f.ruleID, SARIFReporter.minimalRule(f, options: options))
            }
            if !report.diagnostics.isEmpty {
                for code in DiagnosticCode.allCases { add(code.id, SARIFReporter.rule(code)) }
            }
        }

        private mutating func add(_ id: String, _ entry: JSONValue) {
            guard index[id] == nil else { return }
            index[id] = entries.count
            entries.append(entry)
        }
    }

    /// GitHub ranks alerts by `security-severity`; its bands are "over 9.0" critical,
    /// 7.0–8.9 high, 4.0–6.9 medium, up to 3.9 low. A rule's value is a score well inside the
    /// band of its default severity, so it means the same whichever way 9.0 is read.
    static func representativeScore(_ severity: Severity) -> String {
        switch severity {
        case .low: "2.0"
        case .medium: "5.5"
        case .high: "8.0"
        case .critical: "9.5"
        }
    }

    static func rule(_ d: RuleDescriptor, options: ReportOptions) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("id", .string(d.id)), ("name", .string(d.name))]
        pairs.append(("shortDescription", text(d.summary.isEmpty ? d.name : d.summary)))
        if !d.rationale.isEmpty { pairs.append(("fullDescription", text(d.rationale))) }
        var markdown: [String] = []
        if !d.summary.isEmpty { markdown.append(d.summary) }
        if !d.rationale.isEmpty { markdown.append(d.rationale) }
        if !d.trigger.isEmpty { markdown.append("**Reports when:** " + d.trigger) }
        if !d.scoreFormula.isEmpty { markdown.append("**Score:** " + d.scoreFormula) }
        if !d.fix.isEmpty { markdown.append("**Fix:** " + d.fix) }
        pairs.append(("help", .object([
            ("text", .string(d.fix.isEmpty ? (d.summary.isEmpty ? d.name : d.summary) : d.fix)),
            ("markdown", .string(markdown.joined(separator: "\n\n"))),
        ])))
        pairs.append(("helpUri", .string(options.helpURI(id: d.id, name: d.name))))
        pairs.append(("defaultConfiguration", .object([("level", .string(d.defaultSeverity.sarifLevel))])))
        // GitHub reads `security-severity` only for rules tagged `security`.
        var tags = d.isSecurityRelevant ? ["security", "design", "network"] : ["design", "network"]
        if !d.subjectKind.isEmpty { tags.append(d.subjectKind) }
        pairs.append(("properties", .object([
            ("security-severity", .string(representativeScore(d.defaultSeverity))),
            ("tags", .strings(tags)),
            ("precision", .string("high")),
        ])))
        return .object(pairs)
    }

    static func minimalRule(_ f: Finding, options: ReportOptions) -> JSONValue {
        .object([
            ("id", .string(f.ruleID)), ("name", .string(f.ruleName)),
            ("shortDescription", text(f.ruleName)),
            ("helpUri", .string(options.helpURI(id: f.ruleID, name: f.ruleName))),
            ("properties", .object([("tags", .strings(["design", "network"])), ("precision", .string("high"))])),
        ])
    }

    static func rule(_ code: DiagnosticCode) -> JSONValue {
        .object([
            ("id", .string(code.id)), ("name", .string(code.name)),
            ("shortDescription", text(code.summary)),
            ("fullDescription", text(code.rationale)),
            ("help", .object([
                ("text", .string(code.summary)),
                ("markdown", .string(code.summary + "\n\n" + code.rationale)),
            ])),
            ("defaultConfiguration", .object([("level", .string("error"))])),
            ("properties", .object([("tags", .strings(["load-error"])), ("precision", .string("very-high"))])),
        ])
    }

    // MARK: Results

    static func result(_ f: Finding, rules: RuleTable, options: ReportOptions) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("ruleId", .string(f.ruleID))]
        if let i = rules.index[f.ruleID] { pairs.append(("ruleIndex", .int(i))) }
        pairs += [
            ("level", .string(f.severity.sarifLevel)),
            ("message", text(f.message)),
            ("locations", .array([location(f.location, options: options)])),
            ("partialFingerprints", .object([(fingerprintKey, .string(f.fingerprint))])),
            ("properties", .object([
                ("security-severity", .string(Format.score(f.score))),
                ("score", .double(f.score)),
                ("severity", .string(f.severity.rawValue)),
                ("fix", .string(f.fix)),
                ("subject", ReportJSON.subject(f.subject)),
                ("context", .object(f.context)),
            ])),
        ]
        return .object(pairs)
    }

    static func result(_ d: Diagnostic, rules: RuleTable, options: ReportOptions) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("ruleId", .string(d.code.id))]
        if let i = rules.index[d.code.id] { pairs.append(("ruleIndex", .int(i))) }
        let identity = "\(d.code.id)\u{1F}\(d.location.file)\u{1F}\(d.message)"
        pairs += [
            ("level", .string("error")),
            ("message", text(Format.messageWithHelp(d))),
            ("locations", .array([location(d.location, options: options)])),
            ("partialFingerprints", .object([(fingerprintKey, .string(Fingerprint.hex(identity)))])),
        ]
        return .object(pairs)
    }

    /// `inSource`: the suppression is an `ignore` entry written in the topology file itself.
    static func suppression(_ s: SuppressedFinding, options: ReportOptions) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("kind", .string("inSource"))]
        if !s.reason.isEmpty { pairs.append(("justification", .string(s.reason))) }
        pairs.append(("location", location(s.ignoreLocation, options: options)))
        return .object(pairs)
    }

    static func location(_ loc: SourceLocation, options: ReportOptions) -> JSONValue {
        .object([("physicalLocation", .object([
            ("artifactLocation", artifactLocation(loc.file, options: options)),
            // SARIF lines and columns start at 1; a 0 would make the whole log invalid.
            ("region", .object([
                ("startLine", .int(max(1, loc.line))), ("startColumn", .int(max(1, loc.column))),
            ])),
        ]))])
    }

    /// Relative to the repository root (with `%SRCROOT%`) when possible, a `file:` URI for
    /// other absolute paths.
    static func artifactLocation(_ file: String, options: ReportOptions) -> JSONValue {
        if let relative = Paths.relative(file, to: options.repositoryRoot, base: options.currentDirectory) {
            return .object([("uri", .string(Paths.percentEncoded(relative))), ("uriBaseId", .string(sourceRoot))])
        }
        let absolute = Paths.absolute(file, base: options.currentDirectory) ?? file
        return .object([("uri", .string(Paths.fileURI(absolute: absolute)))])
    }

    static func text(_ s: String) -> JSONValue { .object([("text", .string(s))]) }
}
