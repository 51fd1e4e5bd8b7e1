/// Everything a report or `topolint explain` says about a rule, taken from the rule itself.
public struct RuleDescriptor: Hashable, Sendable {
    public var id: String
    public var name: String
    public var summary: String
    public var rationale: String
    public var trigger: String
    public var scoreFormula: String
    public var fix: String
    /// The severity a typical violation gets (SARIF's defaultConfiguration.level).
    public var defaultSeverity: Severity
    /// The kind of entity every finding of the rule is about (`vlan`, `cluster`, ...).
    public var subjectKind: String
    /// A design that triggers the rule, with a marker under each line a finding of the
    /// rule points at: a comment line whose `^` stands in the finding's column, followed by
    /// the rule's id once per finding there, as in
    ///
    ///     vlans: {web: {id: 100, gateway: fra1-core}}
    ///     #       ^ TL200
    ///
    /// A marker refers to the nearest line above it that is not itself a marker. A test
    /// checks that the rule's findings are exactly the marked ones (count, line, column);
    /// the markers also show readers of `explain` and the rule pages where findings land.
    public var failingExample: String
    public var passingExample: String
    /// Context keys that name where a finding's problem sits (a gateway, a switch, a
    /// cluster, a VLAN): many findings sharing one value are one cause, said once in the
    /// text report. A key that only labels a finding (a domain's first switch by name) is
    /// not one.
    public var causeKeys: [String]
    public static let defaultCauseKeys = ["gateway", "switch", "cluster", "vlan"]

    public init(id: String, name: String, summary: String, rationale: String, trigger: String,
                scoreFormula: String, fix: String, defaultSeverity: Severity, subjectKind: String,
                failingExample: String, passingExample: String, causeKeys: [String] = RuleDescriptor.defaultCauseKeys) {
        self.causeKeys = causeKeys
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.trigger = trigger
        self.scoreFormula = scoreFormula
        self.fix = fix
        self.defaultSeverity = defaultSeverity
        self.subjectKind = subjectKind
        self.failingExample = failingExample
        self.passingExample = passingExample
    }

    /// The rule's page in the repository, for SARIF helpUri and Markdown links.
    public var helpURI: String { RuleDocs.uri(id: id, name: name) }

    /// Whether the rule's findings are failure-domain or isolation risks (SARIF's `security`
    /// tag, which GitHub needs before it ranks alerts by `security-severity`).
    public var isSecurityRelevant: Bool { RuleDocs.securityRuleIDs.contains(id) }
}

/// Where rule pages live and which rules count as security findings: facts about the rules
/// that reporters need but rules do not compute.
public enum RuleDocs {
    /// The shipped pages (`rules/TLxxx-name.md` on the project's main branch).
    public static let defaultBaseURL = "\(Project.repositoryURL)/blob/main/rules"

    /// `BASE/TLxxx-name.md`; `base` is an absolute URL of the folder holding the pages (a
    /// trailing `/` is allowed), the project's own pages when nil.
    public static func uri(id: String, name: String, base: String? = nil) -> String {
        var folder = base ?? defaultBaseURL
        while folder.hasSuffix("/") { folder.removeLast() }
        return "\(folder)/\(id)-\(name).md"
    }

    /// `scheme:` followed by something: SARIF's helpUri must be an absolute URI.
    public static func isAbsoluteURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex else { return false }
        let scheme = text[..<colon]
        return scheme.first!.isASCII && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && !text.contains(where: \.isWhitespace)
    }

    /// Rules whose findings widen a failure domain or break isolation between networks:
    /// an oversized broadcast domain (one storm or loop reaches every endpoint), a VLAN
    /// stretched across pods or sites (one site's L2 fault reaches the other), two VLANs
    /// merged on the wire by one id (traffic crosses between networks meant to be apart),
    /// a migration domain across clusters (VMs and the L2 they need spread failures across
    /// them), and hosts shared by zones that must not share hosts. The others report reach,
    /// capacity and latency problems, which are availability or performance concerns.
    public static let securityRuleIDs: Set<String> = ["TL100", "TL200", "TL220", "TL300", "TL500"]
}

public enum Project {
    public static let name = "topolint"
    public static let version = "0.1.0"
    public static let repositoryURL = "https://github.com/topolint/topolint"
}
