import TopolintCore

/// Many findings of one rule that share one cause, said once: twelve gateway trombones
/// that all reach the same far gateway are one problem with twelve symptoms, and the fix
/// is at the gateway, not at each workload.
///
/// A cause is a fact the findings' contexts name (a gateway, a switch, a target cluster, a
/// VLAN) or their common subject. Each finding counts towards at most one cause, the first
/// that groups it in `RootCauses.causeKeys` order, so one problem is not said twice.
public struct RootCause: Hashable, Sendable {
    public var ruleID: String
    public var ruleName: String
    /// The context key (`gateway`, `switch`, `cluster`, `vlan`), or nil for a shared subject.
    public var key: String?
    /// The shared value, or the shared subject's name.
    public var name: String
    /// The subjects of the grouped findings, sorted, without repeats.
    public var subjects: [Subject]
    public var count: Int

    /// "12 TL400 gateway-trombone findings share gateway fra1-core: workload a, b, c, d, … (8 more)"
    /// or "5 TL301 migration-vlan-missing findings are on workload shop".
    public var line: String {
        let head = "\(count) \(ruleID) \(ruleName) findings"
        guard let key else { return "\(head) are on \(subjects[0].kind) \(name)" }
        let shown = subjects.prefix(RootCauses.namesShown)
        var names = shown.map(\.name).joined(separator: ", ")
        if subjects.count > shown.count { names += ", … (\(subjects.count - shown.count) more)" }
        let kinds = Set(subjects.map(\.kind))
        return "\(head) share \(key) \(name): \(kinds.count == 1 ? kinds.first! + " " : "")\(names)"
    }
}

public enum RootCauses {
    /// Findings sharing a cause before it is worth a line of its own.
    public static let threshold = 3
    static let namesShown = 4
    /// `causeKeys`: per rule id, the context keys that name where its findings' problem sits,
    /// most specific first (a rule not listed: `RuleDescriptor.defaultCauseKeys`).
    public static func find(_ findings: [Finding], causeKeys: [String: [String]] = [:]) -> [RootCause] {
        var causes: [RootCause] = []
        let byRule = Dictionary(grouping: findings.indices, by: { findings[$0].ruleID })
        for ruleID in byRule.keys.sorted() {
            var left = byRule[ruleID]!
            for key in (causeKeys[ruleID] ?? RuleDescriptor.defaultCauseKeys) as [String?] + [nil] {
                // Grouped by the value, or by the subject (kind, then name).
                var byValue: [Subject: [Int]] = [:]
                for i in left {
                    let f = findings[i]
                    if let key {
                        if case let .string(value)? = f.contextValue(key) { byValue[Subject(kind: "", name: value), default: []].append(i) }
                    } else {
                        byValue[f.subject, default: []].append(i)
                    }
                }
                var grouped = Set<Int>()
                for group in byValue.keys.sorted(by: { ($0.kind, $0.name) < ($1.kind, $1.name) }) {
                    let members = byValue[group]!
                    let value = group.name
                    guard members.count >= threshold else { continue }
                    let subjects = Array(Set(members.map { findings[$0].subject }))
                        .sorted { ($0.kind, $0.name) < ($1.kind, $1.name) }
                    // A fact shared by findings on one subject is that subject's, said below.
                    if key != nil, subjects.count < 2 { continue }
                    let first = findings[members[0]]
                    causes.append(RootCause(ruleID: ruleID, ruleName: first.ruleName, key: key,
                                            name: key == nil ? first.subject.name : value,
                                            subjects: subjects, count: members.count))
                    grouped.formUnion(members)
                }
                left.removeAll { grouped.contains($0) }
            }
        }
        return causes.sorted { a, b in
            a.count != b.count ? a.count > b.count : (a.ruleID, a.key ?? "", a.name) < (b.ruleID, b.key ?? "", b.name)
        }
    }
}
