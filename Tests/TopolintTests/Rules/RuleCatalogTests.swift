import Testing
import TopolintCore
import TopolintRules
import TopolintConfig

/// Each rule's own examples are its first test data: the failing one must trigger the rule,
/// the passing one must not, and both must load cleanly.
@Suite struct RuleCatalogTests {
    @Test(arguments: RuleRegistry.all.map(\.descriptor.id))
    func failingExampleTriggersTheRule(id: String) {
        let d = RuleRegistry.rule(named: id)!.descriptor
        let linted = Linted(d.failingExample)
        #expect(linted.diagnostics.isEmpty, "\(id) failing example does not load: \(linted.diagnostics.map(\.oneLine))")
        #expect(!linted.of(id).isEmpty, "\(id) failing example produced \(linted.findings.map(\.ruleID))")
    }

    @Test(arguments: RuleRegistry.all.map(\.descriptor.id))
    func passingExampleDoesNotTriggerTheRule(id: String) {
        let d = RuleRegistry.rule(named: id)!.descriptor
        let linted = Linted(d.passingExample)
        #expect(linted.diagnostics.isEmpty, "\(id) passing example does not load: \(linted.diagnostics.map(\.oneLine))")
        #expect(linted.of(id).isEmpty, "\(id) passing example produced \(linted.of(id).map(\.message))")
    }

    @Test func catalogMatchesTheSpecTable() {
        let expected = [
            ("TL100", "oversized-broadcast-domain"), ("TL200", "stretched-vlan"), ("TL210", "partitioned-vlan"),
            ("TL220", "vlan-id-collision"), ("TL300", "cross-cluster-migration"), ("TL301", "migration-vlan-missing"),
            ("TL302", "migration-rtt-exceeded"), ("TL303", "cluster-size-limit"), ("TL304", "migration-platform-mismatch"),
            ("TL305", "stretched-cluster-rtt"),
            ("TL400", "gateway-trombone"), ("TL401", "migration-trombone"), ("TL402", "no-gateway"),
            ("TL403", "gateway-vlan-missing"), ("TL500", "zone-shared-host"), ("TL600", "workload-vlan-missing"),
            ("TL601", "host-vlan-unreachable"), ("TL900", "unused-ignore"),
        ]
        #expect(RuleRegistry.descriptors.map { [$0.id, $0.name] } == expected.map { [$0.0, $0.1] })
        for d in RuleRegistry.descriptors {
            #expect(!d.summary.isEmpty && !d.rationale.isEmpty && !d.trigger.isEmpty && !d.scoreFormula.isEmpty && !d.fix.isEmpty, "\(d.id)")
        }
    }

    @Test func rulesAreFoundByIDOrName() {
        #expect(RuleRegistry.rule(named: "TL200")?.descriptor.name == "stretched-vlan")
        #expect(RuleRegistry.rule(named: "tl200")?.descriptor.id == "TL200")
        #expect(RuleRegistry.rule(named: "stretched-vlan")?.descriptor.id == "TL200")
        #expect(RuleRegistry.rule(named: "stretched") == nil)
    }

    @Test func severityBandsFollowTheScore() {
        #expect(Severity(score: 0.1) == .low)
        #expect(Severity(score: 3.9) == .low)
        #expect(Severity(score: 4.0) == .medium)
        #expect(Severity(score: 6.9) == .medium)
        #expect(Severity(score: 7.0) == .high)
        #expect(Severity(score: 8.9) == .high)
        #expect(Severity(score: 9.0) == .critical)
        #expect(Severity(score: 10) == .critical)
        #expect(Score.round(8.449) == 8.4)
        #expect(Score.round(8.45) == 8.5)
        #expect(Score.round(12) == 10)
    }
}
