import ArgumentParser
import TopolintCore
import TopolintModel
import TopolintRules
import TopolintPicture
import TopolintReporters

/// Formats of `what-if`: text and JSON, and the page that shows before and after.
enum WhatIfFormat: String, FormatChoice {
    case text, json, html
    static var standard: WhatIfFormat { .text }
}

/// The what-if page: each side's findings and drawing. The "after" drawing adds the bands a
/// proposal would stretch and the trombones it would allow.
enum WhatIfPage {
    static func html(session: WhatIfSession, outcome: WhatIfOutcome, proposals: [MigrationDomain], removing: [String],
                     file: String, source: [UInt8]) -> String {
        let context = session.base
        let beforeFindings = session.before.findings
        let resolved = Set(outcome.resolved.map(\.fingerprint))
        let afterFindings = beforeFindings.filter { !resolved.contains($0.fingerprint) } + outcome.added
        var topology = context.topology
        topology.migrationDomains.removeAll { removing.contains($0.name) }
        topology.migrationDomains += proposals
        let afterAnalysis = context.analysis.replacingMigrationDomains(topology.migrationDomains)
        var afterPicture = PictureBuilder.build(afterAnalysis, findings: afterFindings)
        let stretches = outcome.requirements.flatMap(\.stretches).map {
            ProposedStretch(vlan: $0.vlan, cluster: $0.cluster, scope: $0.scopeAfter, switches: $0.switchesAfter,
                            hosts: $0.hostsAfter, endpoints: $0.endpointsAfter)
        }
        PictureBuilder.addProposals(&afterPicture, analysis: afterAnalysis, stretches: stretches)
        func report(_ findings: [Finding], _ picture: Picture) -> LintReport {
            LintReport(files: [file], diagnostics: [], findings: findings, suppressed: [], rules: RuleRegistry.descriptors,
                       sources: [file: source], pictures: [file: picture])
        }
        let before = report(beforeFindings, PictureBuilder.build(context.analysis, findings: beforeFindings))
        let after = report(afterFindings, afterPicture)
        var question = proposals.map { "What if clusters \($0.clusters.map { topology.clusters[$0].name }.joined(separator: ", ")) formed one migration domain (\($0.name))?" }
        if !removing.isEmpty { question.append("What if migration domain\(removing.count == 1 ? "" : "s") \(removing.joined(separator: ", ")) went away?") }
        // The text report's requirements and trombones, up to its list of added findings
        // (which the page shows as tables).
        let notes = WhatIfReport.text(outcome, removing: removing).split(separator: "\n").map { $0.trimmingSpaces() }
            .prefix { !$0.hasPrefix("Adds ") }.filter { !$0.isEmpty && !$0.hasPrefix("What if") }
            .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
        return HTMLReporter.whatIf(before: before, after: after, added: outcome.added, resolved: outcome.resolved,
                                   question: question.joined(separator: " "), notes: notes)
    }
}

extension Substring {
    func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
