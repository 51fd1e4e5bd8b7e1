import Foundation
import Testing
import TopolintCore
import TopolintModel

/// Every input the fuzzer (.ci/fuzz.sh) or a mutation campaign found troublesome is kept
/// in Fuzz/Inputs/ and replayed here through the loader, with the invariants the fuzz
/// target checks: it finishes, every diagnostic has a position, a file with diagnostics
/// has no topology, and no file gets more than the capped number of diagnostics.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Inputs")
    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    static let options = LoadOptions(platforms: ["vsphere-7.0", "vsphere-8.0", "hyperv-2022", "generic"],
                                     ruleNames: ["TL200", "stretched-vlan"])

    @Test func theFolderHoldsInputs() {
        #expect(Self.inputs.count >= 4)
    }

    @Test(arguments: inputs)
    func replay(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let result = TopologyLoader.load(bytes: bytes, file: name, options: Self.options)
        #expect(result.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
        #expect(result.diagnostics.isEmpty == (result.topology != nil))
        #expect(result.diagnostics.count <= LoadLimits.diagnosticsPerFile + 1)
        #expect(!result.diagnostics.isEmpty, "each kept input is a broken file")
    }

    @Test func overlappingPatternsPointAtTheFirstDeclaration() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("overlapping-patterns-duplicate-names.yaml")))
        let result = TopologyLoader.load(bytes: bytes, file: "o.yaml", options: Self.options)
        #expect(result.diagnostics.map(\.message) == (5...7).map { "duplicate switch name 'a\($0)' (first at line 6, column 12)" })
        #expect(result.diagnostics.allSatisfy { $0.location.line == 6 && $0.location.column == 33 })
    }
}
