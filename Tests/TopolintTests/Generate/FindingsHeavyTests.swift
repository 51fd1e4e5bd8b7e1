import Testing
import TopolintCore
@testable import TopolintGenerate

@Suite("Findings-heavy generated designs")
struct FindingsHeavyTests {
    static func text(_ options: GeneratorOptions) -> String {
        var text = ""
        TopologyGenerator.generate(options) { text += $0 }
        return text
    }

    static func count(_ linted: Linted, _ rule: String) -> Int { linted.of(rule).count }

    /// The heavy variant adds one workload-vlan-missing finding per workload it changed and one
    /// host-vlan-unreachable finding per cluster it changed, and nothing else moves.
    @Test(arguments: [false, true])
    func addsOneFindingPerWorkloadAndCluster(expanded: Bool) throws {
        let clean = GeneratorOptions(profile: .small, seed: 3, expanded: expanded)
        var heavy = clean
        heavy.findingsHeavy = true
        let cleanPlan = TopologyPlan(clean), heavyPlan = TopologyPlan(heavy)

        #expect(TopologyGenerator.expectedCounts(clean) == TopologyGenerator.expectedCounts(heavy))
        let changedWorkloads = zip(cleanPlan.workloads, heavyPlan.workloads)
            .filter { $0.vlans.count + 1 == $1.vlans.count }.reduce(0) { $0 + $1.1.instances }
        let changedClusters = zip(cleanPlan.clusters, heavyPlan.clusters)
            .filter { $0.segments[0].extraVLANs.count + 1 == $1.segments[0].extraVLANs.count }.count
        // Nearly every workload and cluster gets its problem (a few already hold the VLAN).
        #expect(changedWorkloads * 10 >= cleanPlan.workloadCount * 9)
        #expect(changedClusters * 10 >= cleanPlan.clusters.count * 9)

        let before = Linted(Self.text(clean)), after = Linted(Self.text(heavy))
        #expect(before.diagnostics.isEmpty && after.diagnostics.isEmpty)
        #expect(Self.count(after, "TL600") - Self.count(before, "TL600") == changedWorkloads)
        #expect(Self.count(after, "TL601") - Self.count(before, "TL601") == changedClusters)
        #expect(after.findings.count > before.findings.count + changedWorkloads)
    }

    @Test func cleanFormIsUnchangedByTheOption() {
        let clean = GeneratorOptions(profile: .small, seed: 5)
        #expect(Self.text(clean) == Self.text(GeneratorOptions(profile: .small, seed: 5, findingsHeavy: false)))
        var heavy = clean
        heavy.findingsHeavy = true
        #expect(Self.text(clean) != Self.text(heavy))
    }
}
