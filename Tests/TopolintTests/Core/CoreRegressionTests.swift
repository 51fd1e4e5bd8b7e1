import Testing
import TopolintCore
@testable import TopolintModel

/// Inputs that once crashed the loader (found by mutating the examples); each must end in
/// diagnostics, never a trap.
@Suite("Core: regressions from fuzzing") struct CoreRegressionTests {
    static func diagnostics(_ yaml: String) -> [Diagnostic] {
        TopologyLoader.load(bytes: Array(yaml.utf8), file: "r.yaml",
                            options: LoadOptions(platforms: ["generic"], ruleNames: ["TL200"])).diagnostics
    }

    @Test func migrationDomainListingAWorkloadWhoseClusterDoesNotExist() {
        let d = Self.diagnostics("""
        topology: x
        version: 1
        vlans: {v: {id: 1}}
        workloads: {w: {cluster: nope, vlans: [v]}}
        migration_domains: {m: {clusters: [nope], workloads: [w]}}
        """)
        #expect(d.map(\.code) == [.unresolvedReference, .unresolvedReference])
        #expect(d.map(\.location.line) == [4, 5])
    }

    @Test func hostWhoseRackDoesNotExistInAFileWithoutRacks() {
        let d = Self.diagnostics("""
        topology: x
        version: 1
        sites: {s: {}}
        switches: {t: {site: s}}
        clusters: {c: {hosts: {h: {rack: r1, uplinks: [t]}}}}
        """)
        #expect(d.count == 1)
        #expect(d.first?.code == .unresolvedReference)
    }
}
