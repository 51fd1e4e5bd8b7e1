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
        var perRule = Parallel.map(enabled.count) { i -> [Finding] in
            let rule = enabled[i]
            let weight = context.pack.setting(rule.descriptor.id).weight
            var found = rule.check(context)
            if weight != 1.0 {
                for j in found.indices { found[j].weigh(weight) }
            }
            return found
        }
        // Joined into one array, each rule's let go of once copied: the findings of every
        // rule are never held twice.
        var all: [Finding] = []
        all.reserveCapacity(perRule.reduce(0) { $0 + $1.count })
        for i in perRule.indices {
            all.append(contentsOf: perRule[i])
            perRule[i] = []
        }
        return all
    }

    /// Applies ignores (and TL900) to evaluated findings.
    public static func finish(_ raw: consuming [Finding], context: RuleContext, rules: [any Rule] = RuleRegistry.all) -> Outcome {
        var outcome = applyIgnores(consume raw, context: context, rules: rules)
        // Every finding carries its design's name: fingerprints use it rather than the path.
        let name = context.topology.name
        for i in outcome.findings.indices { outcome.findings[i].topology = name }
        for i in outcome.suppressed.indices { outcome.suppressed[i].finding.topology = name }
        return outcome
    }

    /// Moves findings named by an `ignore` on their subject into `suppressed`; each ignore
    /// entry that matched nothing becomes a TL900 finding (itself suppressible by nothing).
    static func applyIgnores(_ raw: consuming [Finding], context: RuleContext, rules: [any Rule]) -> Outcome {
        let ignores = context.topology.ignores
        var byKey: [String: [Int]] = [:]
        var ruleIDs = Set<String>()
        for (i, entry) in ignores.enumerated() {
            guard let id = RuleRegistry.id(for: entry.rule) else { continue }
            byKey[key(entry.subject, id), default: []].append(i)
            ruleIDs.insert(id)
        }
        var used = [Bool](repeating: false, count: ignores.count)
        var suppressed: [SuppressedFinding] = []
        // The findings kept move forward over the suppressed ones, in place (no second array).
        var findings = consume raw
        var kept = 0
        for i in findings.indices {
            // Only a finding of a rule some ignore names can be suppressed.
            if ruleIDs.contains(findings[i].ruleID), let matches = byKey[key(findings[i].subject, findings[i].ruleID)], let first = matches.first {
                for j in matches { used[j] = true }
                suppressed.append(SuppressedFinding(finding: findings[i], reason: ignores[first].reason, ignoreLocation: ignores[first].location))
            } else {
                if kept != i { findings.swapAt(kept, i) }
                kept += 1
            }
        }
        findings.removeLast(findings.count - kept)
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
        findings.sortInReportOrder()
        suppressed.sort { Finding.reportOrder($0.finding, $1.finding) }
        return Outcome(findings: findings, suppressed: suppressed)
    }

    private static func key(_ subject: Subject, _ rule: String) -> String {
        "\(subject.kind)\u{1F}\(subject.name)\u{1F}\(rule)"
    }
}
