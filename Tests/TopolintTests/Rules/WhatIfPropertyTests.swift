import Testing
import PropertyBased
import TopolintCore
import TopolintModel
import TopolintAnalysis
import TopolintRules
import TopolintConfig
import TopolintGenerate

/// What-if re-runs only the rules that read migration domains (`readsMigrationDomains`) and
/// reuses the rest. That shortcut must never change an answer: for random proposals on
/// generated designs, what-if's before and after equal full lints of the file as written
/// and of the file edited to hold the proposal.
@Suite struct WhatIfPropertyTests {
    /// A finding as a user compares it: everything but the line, since a proposal has no
    /// line of its own (its findings point at its first cluster).
    static func key(_ f: Finding) -> String {
        "\(f.fingerprint) \(f.ruleID) \(f.score) \(f.subject.kind):\(f.subject.name) \(f.message) \(JSONValue.object(f.context).serialized())"
    }

    static func design(seed: Int) -> String {
        var text = ""
        TopologyGenerator.generate(GeneratorOptions(profile: .small, seed: UInt64(seed))) { text += $0 }
        return text
    }

    /// The file without the migration domain `name`: its entry's lines taken out.
    static func removing(_ name: String, from text: String) -> String {
        var out: [Substring] = [], skipping = false, inSection = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && !line.isEmpty { inSection = line.hasPrefix("migration_domains:") }
            if inSection && line.hasPrefix("  ") && !line.hasPrefix("   ") {
                skipping = line.hasPrefix("  \(name):")
            }
            if !skipping { out.append(line) }
        }
        return out.joined(separator: "\n")
    }

    @Test func whatIfEqualsFullLintsWithoutAndWithTheProposal() async throws {
        let pack = PackLoader.defaultPack
        let options = LoadOptions(platforms: Array(pack.platforms.keys), ruleNames: RuleRegistry.acceptedNames)
        await propertyCheck(count: 24, input: Gen.int(in: 1...6), Gen.int(in: 0...9_999).array(of: 1...4), Gen.int(in: 0...9_999)) {
            seed, picks, removal in
            let text = Self.design(seed: seed)
            let loaded = TopologyLoader.load(bytes: Array(text.utf8), file: "gen.yaml", options: options)
            guard let topology = loaded.topology else {
                Issue.record("generated design \(seed) does not load: \(loaded.diagnostics.prefix(3).map(\.oneLine))")
                return
            }
            let session = WhatIfSession(RuleContext(topology: topology, analysis: Analysis(topology), pack: pack))
            let clusters = picks.map { topology.clusters[$0 % topology.clusters.count].name }
            var distinct: [String] = []
            for c in clusters where !distinct.contains(c) { distinct.append(c) }
            // Every other case also takes an existing domain away.
            let removed = removal % 2 == 0 && !topology.migrationDomains.isEmpty
                ? [topology.migrationDomains[removal / 2 % topology.migrationDomains.count].name] : []
            guard case let .success(proposal) = session.domain(named: "proposed", clusters: distinct) else {
                Issue.record("proposal \(distinct) refused")
                return
            }
            let outcome = session.evaluate(adding: [proposal], removing: removed)

            var edited = text
            for name in removed { edited = Self.removing(name, from: edited) }
            if !edited.hasSuffix("\n") { edited += "\n" }
            edited += "  proposed: {clusters: [\(distinct.joined(separator: ", "))]}\n"
            let before = Linted(text, file: "gen.yaml"), after = Linted(edited, file: "gen.yaml")
            #expect(before.diagnostics.isEmpty && after.diagnostics.isEmpty, "\(after.diagnostics.prefix(3).map(\.oneLine))")

            let context = "design \(seed), proposal \(distinct), removing \(removed)"
            #expect(outcome.before == Summary(findings: before.findings, suppressed: before.suppressed.count), "\(context)")
            #expect(outcome.after == Summary(findings: after.findings, suppressed: after.suppressed.count), "\(context)")
            #expect(session.before.findings.map(Self.key).sorted() == before.findings.map(Self.key).sorted(), "\(context)")
            // Added and resolved are told apart by fingerprint, as what-if documents; what
            // they say (score, message, context) must be what the full lint says.
            let beforePrints = Set(before.findings.map(\.fingerprint)), afterPrints = Set(after.findings.map(\.fingerprint))
            #expect(outcome.added.map(Self.key).sorted()
                    == after.findings.filter { !beforePrints.contains($0.fingerprint) }.map(Self.key).sorted(), "\(context): added")
            #expect(outcome.resolved.map(Self.key).sorted()
                    == before.findings.filter { !afterPrints.contains($0.fingerprint) }.map(Self.key).sorted(), "\(context): resolved")
        }
    }
}
