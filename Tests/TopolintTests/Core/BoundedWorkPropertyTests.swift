import Testing
import PropertyBased
import TopolintCore
@testable import TopolintYAML
@testable import TopolintModel

/// Random small files, stitched from the format's own words, finish in bounded work: the
/// loader's counters stay within their budgets, the diagnostics within the cap, and each
/// file within a minute even in a debug build under a sanitizer on a busy machine.
@Suite struct BoundedWorkPropertyTests {
    /// Top-level sections and the entries that may follow them, in any order: most files
    /// parse, and the loader sees patterns, placeholders and references of every kind.
    static let pieces = [
        "racks:\n", "switches:\n", "vlans:\n", "clusters:\n", "workloads:\n", "migration_domains:\n", "pods:\n",
        "zones:\n", "links:\n",
        "  \"r[0:99]\": {site: s}\n", "  \"sw[000:999]\": {rack: \"r{1}\"}\n", "  \"h[0:9999]\": {rack: q, uplinks: [\"sw{1}\"]}\n",
        "  \"x[0:9][0:9]\": {rack: \"r{2}\", vlans: [v, \"w{1}\"]}\n", "  v: {id: 10, gateway: sw001}\n",
        "  \"v[0:99]\": {id: 20, gateway: {anycast: [\"sw[000:999]\"]}}\n",
        "  \"z[0:9]\": {hosts: {\"y[0:999]\": {rack: \"r{1}\", uplinks: [\"sw{1}\", \"sw[000:999]\"]}}}\n",
        "  w: {cluster: c, vlans: [v]}\n", "  m: {clusters: [c, \"z[0:9]\"]}\n", "  c: {hosts: {\"k[0:9]\": {rack: r1, uplinks: sw001}}}\n",
        "  \"q[0:9999]\": {site: t}\n", "  \"p[0:9]\": {site: \"s{1}\"}\n",
        "  \"r[0:99]\": {pod: \"p{1}\"}\n",
    ]

    @Test func randomSmallFilesFinishInBoundedWork() async {
        await propertyCheck(count: 40, input: Gen.element(of: Self.pieces).array(of: 0...24)) { parts in
            // A valid start, then sections and entries in any order.
            let text = "topology: t\nversion: 1\nsites: {s: {}, t: {}}\nracks:\n" + parts.compactMap { $0 }.joined()
            let start = ContinuousClock.now
            let parsed = YAMLReader.parse(Array(text.utf8), file: "random.yaml")
            guard let document = parsed.document else {
                #expect(!parsed.diagnostics.isEmpty)
                return
            }
            var loader = Loader(document: document, options: CoreFixture.options)
            loader.run()
            let elapsed = ContinuousClock.now - start
            let nodes = document.nodeCount
            #expect(loader.expanded <= loader.expansionBudget + RangePattern.maxExpansion)
            #expect(loader.work <= LoadLimits.work(nodes: nodes) + RangePattern.maxExpansion)
            #expect(loader.suggestionIndexes.values.reduce(0) { $0 + $1.answered } <= LoadLimits.suggestions)
            #expect(loader.diagnostics.count <= LoadLimits.storedDiagnostics)
            let tidy = Loader.tidy(parsed.diagnostics + loader.diagnostics, unstored: loader.unstored)
            #expect(tidy.count <= LoadLimits.diagnosticsPerFile + 1)
            #expect(tidy.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
            #expect(elapsed < .seconds(60), "\(elapsed) for:\n\(text)")
        }
    }
}
