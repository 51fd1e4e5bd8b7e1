import TopolintCore

/// A hand-built report with one finding per severity across two files, a suppressed
/// finding, a load error in a third file, and source text with a multibyte line.
enum ReportFixture {
    /// Test files import both Testing and TopolintCore, which both have a `SourceLocation`.
    static func at(_ file: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    static let fra1 = "dc/fra1.yaml"
    static let ams1 = "dc/ams1.yaml"
    static let broken = "dc/broken.yaml"

    static let fra1Source = """
        topology: acme
        vlans:
          web: {id: 100, gateway: fra1-core}
          ü名: {id: 300}
        \tdb: {id: 200}

        """

    /// The TL400 message carries every character some format must escape.
    static let trickyMessage = "VLAN db | 50% of <endpoints> & \"more\" 'here'\r\nsecond line\u{1}"

    static func descriptor(_ id: String, _ name: String, _ severity: Severity, kind: String) -> RuleDescriptor {
        RuleDescriptor(
            id: id, name: name, summary: "\(name) summary", rationale: "\(name) rationale",
            trigger: "\(name) trigger", scoreFormula: "\(name) formula", fix: "\(name) fix",
            defaultSeverity: severity, subjectKind: kind, failingExample: "", passingExample: "")
    }

    static let rules = [
        descriptor("TL100", "oversized-broadcast-domain", .medium, kind: "vlan"),
        descriptor("TL200", "stretched-vlan", .high, kind: "vlan"),
        descriptor("TL300", "cross-cluster-migration", .medium, kind: "migration_domain"),
        descriptor("TL400", "gateway-trombone", .high, kind: "workload"),
        descriptor("TL601", "host-vlan-unreachable", .medium, kind: "cluster"),
    ]

    static let stretched = Finding(
        ruleID: "TL200", ruleName: "stretched-vlan", score: 9.4,
        message: "VLAN web (100) is bridged across 2 sites (ams1, fra1), 12 ms apart",
        fix: "route between the sites", subject: Subject(kind: "vlan", name: "web"),
        location: SourceLocation(file: fra1, line: 3, column: 3),
        context: [("scope", .string("multi-site")), ("sites", .strings(["ams1", "fra1"])), ("max_rtt_ms", .int(12))],
        identity: ["scope"])

    static let oversized = Finding(
        ruleID: "TL100", ruleName: "oversized-broadcast-domain", score: 5.0,
        message: "VLAN ü名 has 1200 endpoints", fix: "split the VLAN",
        subject: Subject(kind: "vlan", name: "ü名"),
        location: SourceLocation(file: fra1, line: 4, column: 7),
        context: [("switch", .string("fra1-core")), ("switches", .int(3)), ("endpoints", .int(1200))])

    static let unreachable = Finding(
        ruleID: "TL601", ruleName: "host-vlan-unreachable", score: 2.5,
        message: "host ams1-esx01 carries web, which no uplink carries", fix: "add web to the uplink",
        subject: Subject(kind: "cluster", name: "dr-b"),
        location: SourceLocation(file: ams1, line: 2, column: 3),
        context: [("vlan", .string("web")), ("hosts", .strings(["ams1-esx01"]))])

    static let trombone = Finding(
        ruleID: "TL400", ruleName: "gateway-trombone", score: 8.1,
        message: trickyMessage, fix: "add a gateway in ams1",
        subject: Subject(kind: "workload", name: "shop"),
        location: SourceLocation(file: ams1, line: 5, column: 5),
        context: [("vlan", .string("db")), ("gateway", .string("fra1-core")), ("rtt_ms", .int(8)), ("endpoints", .int(6))])

    static let migration = SuppressedFinding(
        finding: Finding(
            ruleID: "TL300", ruleName: "cross-cluster-migration", score: 4.0,
            message: "migration domain metro spans 2 clusters", fix: "keep migration within a cluster",
            subject: Subject(kind: "migration_domain", name: "metro"),
            location: SourceLocation(file: ams1, line: 8, column: 3),
            context: [("scope", .string("multi-site")), ("clusters", .strings(["dr-b", "prod-a"]))]),
        reason: "approved 2026-03", ignoreLocation: SourceLocation(file: ams1, line: 9, column: 5))

    static let schemaError = Diagnostic(
        .schema, "unknown key `uplink`", at: SourceLocation(file: broken, line: 7, column: 9),
        help: "did you mean `uplinks`?")

    static func report(diagnostics: Bool = true, sources: Bool = true) -> LintReport {
        LintReport(
            files: [fra1, ams1] + (diagnostics ? [broken] : []),
            diagnostics: diagnostics ? [schemaError] : [],
            findings: [stretched, oversized, unreachable, trombone],
            suppressed: [migration], rules: rules, baselined: 2,
            sources: sources ? [fra1: Array(fra1Source.utf8)] : [:])
    }

    static let clean = LintReport(files: [fra1], diagnostics: [], findings: [], suppressed: [], rules: rules)
}
