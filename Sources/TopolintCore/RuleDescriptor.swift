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

    public init(id: String, name: String, summary: String, rationale: String, trigger: String,
                scoreFormula: String, fix: String, defaultSeverity: Severity, subjectKind: String,
                failingExample: String, passingExample: String) {
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
    public var helpURI: String { "\(Project.repositoryURL)/blob/main/rules/\(id)-\(name).md" }
}

public enum Project {
    public static let name = "topolint"
    public static let version = "0.1.0"
    public static let repositoryURL = "https://github.com/topolint/topolint"
}
