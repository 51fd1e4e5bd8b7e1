import Foundation
import Testing
@testable import TopolintConfig
@testable import TopolintCLI
import TopolintRules

/// What is generated from one source must match it: the embedded packs and rules/*.yaml,
/// the rule pages and the rules' own descriptions.
@Suite struct SyncTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func embeddedPacksEqualTheFilesInRules() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("rules").path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(EmbeddedPacks.all.keys), "run .ci/embed-packs.sh")
        for file in files {
            let text = try String(contentsOf: Self.root.appendingPathComponent("rules/\(file)"), encoding: .utf8)
            #expect(EmbeddedPacks.all[String(file.dropLast(5))] == text, "\(file) differs from the embedded copy: run .ci/embed-packs.sh")
        }
    }

    @Test func everyShippedPackLoads() {
        for name in EmbeddedPacks.all.keys {
            let (pack, diagnostics) = PackLoader.pack(named: name)
            #expect(pack != nil && diagnostics.isEmpty, "\(name): \(diagnostics.map(\.oneLine))")
        }
        let d = PackLoader.defaultPack
        #expect(d.maxEndpoints == 1000 && d.maxSwitches == 64 && d.maxScope == .pod)
        #expect(d.criticalRTTms == 10 && d.assumedRTTms == 10 && d.tromboneScope == .site)
        #expect(d.platform("vsphere-4.1").maxHosts == 32 && d.platform("vsphere-4.1").maxMigrationRTTms == 5)
        for name in ["vsphere-4.1", "vsphere-5.5", "vsphere-6.7", "vsphere-7.0", "vsphere-8.0", "hyperv-2019", "hyperv-2022", "proxmox-8", "openstack", "generic"] {
            #expect(d.platforms[name] != nil, "platform \(name) missing from the default pack")
            #expect(d.platforms[name]?.source.isEmpty == false, "platform \(name) has no source")
        }
        let strict = PackLoader.pack(named: "strict").0
        #expect(strict?.maxScope == .rack)
    }

    @Test func rulePagesMatchTheRuleDefinitions() throws {
        for d in RuleRegistry.descriptors {
            let url = Self.root.appendingPathComponent("rules/\(RulesCommand.pageName(d))")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text == RuleDocument.markdown(d), "\(url.lastPathComponent) is stale: run topolint rules --write-docs rules")
        }
    }
}
