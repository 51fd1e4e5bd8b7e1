import TopolintCore
import TopolintModel
import TopolintAnalysis

/// Runs the enabled rules, applies weights and `ignore` entries, and reports ignores that
/// suppressed nothing (TL900).
public enum RuleEngine {
    public struct Outcome: Sendable {
        public var findings: [Finding]
        public var suppressed: [SuppressedFinding]

        public init(findings: [Finding], suppressed: [SuppressedFinding]) {
            self.findings = findings
            self.suppressed = suppressed
        }
    }

    public static func run(_ context: RuleContext, rules: [any Rule] = RuleRegistry.all) -> Outcome {
        finish(evaluate(context, rules: rules), context: context, rules: rules)
    }

    /// The weighted findings of the enabled rules (those `include` selects), before ignores.
    public static func evaluate(_ context: RuleContext, rules: [any Rule] = RuleRegistry.all,
                                include: (any Rule) -> Bool = { _ in true }) -> [Finding] {
        let enabled = rules.filter { rule in
            rule.descriptor.id != UnusedIgnoreRule.id && include(rule) && context.pack.setting(rule.descriptor.id).enabled
        }
        var context = context
        if enabled.filter(\.readsWorkloadReach).count > 1 { context.sharedReach = SharedReach(context) }
        // Rules are pure functions of the context: they run side by side, and their findings
        // are joined in registry order, as a serial run would give them.
        let perRule = Parallel.map(enabled.count) { i -> [Finding] in
            let rule = enabled[i]
            let weight = context.pack.setting(rule.descriptor.id).weight
            var found = rule.check(context)
            if weight != 1.0 {
                for j in found.indices { found[j].weigh(weight) }
            }
            return found
        }
        return Array(perRule.joined())
    }

    /// Applies ignores (and TL900) to evaluated findings.
    public static func finish(_ raw: [Finding], context: RuleContext, rules: [any Rule] = RuleRegistry.all) -> Outcome {
        var outcome = applyIgnores(raw, context: context, rules: rules)
        // Every finding carries its design's name: fingerprints use it rather than the path.
        let name = context.topology.name
        for i in outcome.findings.indices { outcome.findings[i].topology = name }
        for i in outcome.suppressed.indices { outcome.suppressed[i].finding.topology = name }
        return outcome
    }

    /// Moves findings named by an `ignore` on their subject into `suppressed`; each ignore
    /// entry that matched nothing becomes a TL900 finding (itself suppressible by nothing).
    static func applyIgnores(_ raw: [Finding], context: RuleContext, rules: [any Rule]) -> Outcome {
        let ignores = context.topology.ignores
        var byKey: [String: [Int]] = [:]
        for (i, entry) in ignores.enumerated() {
            guard let id = RuleRegistry.id(for: entry.rule) else { continue }
            byKey[key(entry.subject, id), default: []].append(i)
        }
        var used = [Bool](repeating: false, count: ignores.count)
        var findings: [Finding] = [], suppressed: [SuppressedFinding] = []
        for finding in raw {
            if let matches = byKey[key(finding.subject, finding.ruleID)], let first = matches.first {
                for i in matches { used[i] = true }
                suppressed.append(SuppressedFinding(finding: finding, reason: ignores[first].reason, ignoreLocation: ignores[first].location))
            } else {
                findings.append(finding)
            }
        }
        let unusedEnabled = rules.contains { $0.descriptor.id == UnusedIgnoreRule.id } && context.pack.setting(UnusedIgnoreRule.id).enabled
        if unusedEnabled {
            // One finding per written entry: a pattern entity's ignore counts as used when
            // any of its instances used it.
            var groups: [SourceLocation: (entry: IgnoreEntry, used: Bool)] = [:]
            var order: [SourceLocation] = []
            for (i, entry) in ignores.enumerated() {
                if groups[entry.location] == nil { order.append(entry.location); groups[entry.location] = (entry, false) }
                if used[i] { groups[entry.location]!.used = true }
            }
            let weight = context.pack.setting(UnusedIgnoreRule.id).weight
            for location in order where !groups[location]!.used {
                var finding = UnusedIgnoreRule.finding(for: groups[location]!.entry, context: context)
                if weight != 1.0 { finding.weigh(weight) }
                findings.append(finding)
            }
        }
        findings = findings.inReportOrder()
        suppressed.sort { Finding.reportOrder($0.finding, $1.finding) }
        return Outcome(findings: findings, suppressed: suppressed)
    }

    private static func key(_ subject: Subject, _ rule: String) -> String {
        "\(subject.kind)\u{1F}\(subject.name)\u{1F}\(rule)"
    }
}
