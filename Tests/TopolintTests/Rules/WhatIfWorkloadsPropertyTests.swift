import Testing
import PropertyBased
import TopolintCore
import TopolintModel
import TopolintAnalysis
import TopolintRules
import TopolintConfig

/// A proposal that lets only some workloads move (`what-if --workloads`) answers as a full
/// lint of the file with a migration domain naming those `workloads` does.
@Suite struct WhatIfWorkloadsPropertyTests {
    @Test func restrictedProposalEqualsAFullLintWithTheDomainsWorkloads() async throws {
        let pack = PackLoader.defaultPack
        let options = LoadOptions(platforms: Array(pack.platforms.keys), ruleNames: RuleRegistry.acceptedNames)
        await propertyCheck(count: 16, input: Gen.int(in: 1...6), Gen.int(in: 0...9_999).array(of: 2...4), Gen.int(in: 0...9_999).array(of: 1...3)) {
            seed, picks, workloadPicks in
            let text = WhatIfPropertyTests.design(seed: seed)
            guard let topology = TopologyLoader.load(bytes: Array(text.utf8), file: "gen.yaml", options: options).topology else {
                Issue.record("generated design \(seed) does not load")
                return
            }
            var clusters: [Int] = []
            for p in picks where !clusters.contains(p % topology.clusters.count) { clusters.append(p % topology.clusters.count) }
            let movable = topology.workloads.indices.filter { clusters.contains(topology.workloads[$0].cluster) }
            guard !movable.isEmpty else { return }   // nothing to restrict: the plain property covers it
            var moving: [String] = []
            for p in workloadPicks {
                let name = topology.workloads[movable[p % movable.count]].name
                if !moving.contains(name) { moving.append(name) }
            }
            let names = clusters.map { topology.clusters[$0].name }
            let session = WhatIfSession(RuleContext(topology: topology, analysis: Analysis(topology), pack: pack))
            guard case let .success(proposal) = session.domain(named: "proposed", clusters: names, workloads: moving) else {
                Issue.record("proposal \(names) moving \(moving) refused")
                return
            }
            let outcome = session.evaluate(adding: [proposal])
            var edited = text
            if !edited.hasSuffix("\n") { edited += "\n" }
            edited += "  proposed: {clusters: [\(names.joined(separator: ", "))], workloads: [\(moving.joined(separator: ", "))]}\n"
            let before = Linted(text, file: "gen.yaml"), after = Linted(edited, file: "gen.yaml")
            #expect(after.diagnostics.isEmpty, "\(after.diagnostics.prefix(3).map(\.oneLine))")
            let context = "design \(seed), proposal \(names) moving \(moving)"
            #expect(outcome.after == Summary(findings: after.findings, suppressed: after.suppressed.count), "\(context)")
            let beforePrints = Set(before.findings.map(\.fingerprint))
            #expect(outcome.added.map(WhatIfPropertyTests.key).sorted()
                    == after.findings.filter { !beforePrints.contains($0.fingerprint) }.map(WhatIfPropertyTests.key).sorted(), "\(context): added")
        }
    }
}
