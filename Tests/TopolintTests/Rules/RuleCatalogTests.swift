import Foundation
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

    /// The rows of the first Markdown table in `text` whose first cell is a rule id.
    static func ruleRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").compactMap { line -> [String]? in
            guard line.hasPrefix("| TL") else { return nil }
            return line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    @Test func theCatalogIsWellFormed() {
        let ids = RuleRegistry.descriptors.map(\.id), names = RuleRegistry.descriptors.map(\.name)
        #expect(Set(ids).count == ids.count && Set(names).count == names.count, "ids and names are unique")
        #expect(ids == ids.sorted(), "the registry lists rules by id")
        for d in RuleRegistry.descriptors {
            #expect(d.id.count == 5 && d.id.hasPrefix("TL") && Int(d.id.dropFirst(2)) != nil, "\(d.id)")
            #expect(d.name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(d.name)")
            #expect(!d.summary.isEmpty && !d.rationale.isEmpty && !d.trigger.isEmpty && !d.scoreFormula.isEmpty && !d.fix.isEmpty, "\(d.id)")
        }
    }

    /// The README's rule table lists exactly the registry's rules, with their names and
    /// default severities.
    @Test func theReadmeTableListsTheRegistry() throws {
        let readme = try String(contentsOf: SyncTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = Self.ruleRows(readme).map { Array($0.prefix(3)) }
        #expect(rows == RuleRegistry.descriptors.map { [$0.id, $0.name, $0.defaultSeverity.rawValue] })
    }

    /// docs/report.md names, per rule, the context keys a finding has at least; each rule's
    /// findings on its failing example carry them all.
    @Test func findingsCarryTheContextKeysTheReportPageLists() throws {
        let page = try String(contentsOf: SyncTests.root.appendingPathComponent("docs/report.md"), encoding: .utf8)
        var keys: [String: [String]] = [:]
        for row in Self.ruleRows(page) where row.count >= 2 {
            keys[row[0]] = row[1].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        #expect(Set(keys.keys) == Set(RuleRegistry.descriptors.map(\.id)), "docs/report.md's context table and the registry differ")
        for d in RuleRegistry.descriptors {
            for f in Linted(d.failingExample).of(d.id) {
                let present = Set(f.context.map(\.0))
                #expect(present.isSuperset(of: keys[d.id] ?? []), "\(d.id) lacks \(Set(keys[d.id] ?? []).subtracting(present).sorted())")
            }
        }
    }

    /// The subject kinds of docs/report.md#3-the-json-of-lint.
    static let entityKinds: Set<String> = ["site", "pod", "rack", "switch", "link", "vlan", "zone", "cluster", "host",
                                           "workload", "migration_domain"]

    /// Every finding is about the kind of entity its rule declares, on every rule's failing
    /// example and on the shipped examples.
    @Test func everyFindingHasItsRulesSubjectKind() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: SyncTests.root.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
            .map { try String(contentsOf: SyncTests.root.appendingPathComponent("examples/\($0)"), encoding: .utf8) }
        var checked = Set<String>()
        for text in RuleRegistry.descriptors.map(\.failingExample) + examples {
            let linted = Linted(text)
            for f in linted.findings + linted.suppressed.map(\.finding) {
                let declared = RuleRegistry.rule(named: f.ruleID)?.descriptor.subjectKind
                // `any`: the rule reports on whatever entity it finds (an unused ignore).
                let allowed = declared == "any" ? Self.entityKinds : Set([declared].compactMap { $0 })
                #expect(allowed.contains(f.subject.kind), "\(f.ruleID) finding about a \(f.subject.kind), declared \(declared ?? "-"): \(f.message)")
                checked.insert(f.ruleID)
            }
        }
        #expect(checked == Set(RuleRegistry.descriptors.map(\.id)), "rules never seen: \(Set(RuleRegistry.descriptors.map(\.id)).subtracting(checked).sorted())")
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
        // Exact x.x5 from a formula, a hair below in binary, still rounds half away from zero.
        #expect(0.1 + 3.8 * 0.75 < 2.95)
        #expect(Score.round(0.1 + 3.8 * 0.75) == 3.0)
        #expect(Score.round(0.1 + 3.8 * (6.0 / 8.0)) == 3.0)
        #expect(Score.round(2.9499) == 2.9)
    }
}
