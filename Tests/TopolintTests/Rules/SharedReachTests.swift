import Testing
import TopolintCore
import TopolintModel
import TopolintAnalysis
import TopolintConfig
@testable import TopolintRules
@testable import TopolintGenerate

/// The rules that read every workload's reach (gateway-trombone, no-gateway) share one table
/// when they run together; run one at a time, each works the reach out itself. Both must
/// give the same findings, on a generated design with findings of both rules.
@Suite("Rules: reach worked out once for several rules")
struct SharedReachTests {
    @Test func sharedAndOwnReachGiveTheSameFindings() throws {
        var text = ""
        TopologyGenerator.generate(GeneratorOptions(profile: .medium, seed: 5, expanded: true, findingsHeavy: true)) { text += $0 }
        let pack = PackLoader.defaultPack
        let loaded = TopologyLoader.load(bytes: Array(text.utf8), file: "generated.yaml",
                                         options: LoadOptions(platforms: Array(pack.platforms.keys), ruleNames: RuleRegistry.acceptedNames))
        let topology = try #require(loaded.topology, "\(loaded.diagnostics.map(\.oneLine))")
        let context = RuleContext(topology: topology, analysis: Analysis(topology), pack: pack)
        let readers = RuleRegistry.all.filter(\.readsWorkloadReach).map(\.descriptor.id)
        #expect(readers.sorted() == ["TL400", "TL402"])
        #expect(SharedReach(context).table.count > 100)
        let together = RuleEngine.evaluate(context) { $0.readsWorkloadReach }
        var alone: [Finding] = []
        for id in readers { alone += RuleEngine.evaluate(context) { $0.descriptor.id == id } }
        #expect(together.count == alone.count)
        #expect(together == alone)
        #expect(together.contains { $0.ruleID == "TL400" } || together.contains { $0.ruleID == "TL402" })
    }
}
