import Testing
import TopolintCore
import TopolintModel
import TopolintAnalysis
import TopolintRules
import TopolintConfig

/// Loads a topology text with the embedded default pack (or `pack`) and runs every rule.
struct Linted {
    var findings: [Finding]
    var suppressed: [SuppressedFinding]
    var diagnostics: [Diagnostic]

    init(_ yaml: String, pack: RulePack = PackLoader.defaultPack, file: String = "test.yaml") {
        let options = LoadOptions(platforms: Array(pack.platforms.keys), ruleNames: RuleRegistry.acceptedNames)
        let loaded = TopologyLoader.load(bytes: Array(yaml.utf8), file: file, options: options)
        diagnostics = loaded.diagnostics
        guard let topology = loaded.topology else {
            findings = []
            suppressed = []
            return
        }
        let outcome = RuleEngine.run(RuleContext(topology: topology, analysis: Analysis(topology), pack: pack))
        findings = outcome.findings
        suppressed = outcome.suppressed
    }

    func of(_ rule: String) -> [Finding] { findings.filter { $0.ruleID == rule } }

    /// The only finding of `rule`; records an issue when there is not exactly one.
    func one(_ rule: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Finding? {
        let matches = of(rule)
        #expect(matches.count == 1, "expected one \(rule) finding, got \(matches.map(\.message)) \(diagnostics.map(\.oneLine))",
                sourceLocation: sourceLocation)
        return matches.first
    }
}

extension Finding {
    func int(_ key: String) -> Int? {
        if case let .int(v)? = contextValue(key) { return v }
        return nil
    }

    func double(_ key: String) -> Double? {
        switch contextValue(key) {
        case let .double(v)?: return v
        case let .int(v)?: return Double(v)
        default: return nil
        }
    }

    func string(_ key: String) -> String? {
        if case let .string(v)? = contextValue(key) { return v }
        return nil
    }

    func strings(_ key: String) -> [String]? {
        if case let .array(items)? = contextValue(key) {
            return items.compactMap { if case let .string(s) = $0 { return s }; return nil }
        }
        return nil
    }
}
