import Foundation
import Testing
import TopolintCore
import TopolintYAML
import TopolintModel
import TopolintAnalysis
import TopolintConfig
import TopolintRules
import TopolintImport

/// Fixtures of real netlab output (Tests/Fixtures/netlab, see its PROVENANCE) and the steps
/// the `import` command takes: import, write, load with the linter's loader, analyse.
enum NetlabFixture {
    static let directory = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/netlab")
    static let names = [
        "vlan-access-links", "vlan-trunk-native", "vlan-vrrp", "anycast-gateway", "evpn-vxlan",
        "vlan-bridge-trunk-router", "lag-vlan-trunk", "vlan-native-routed", "vlan-router-stick",
        "vlan-routed-access", "lag-mlag", "netlab-26.10-vlan-vrrp",
    ]

    static func path(_ name: String) -> String { directory.appendingPathComponent("\(name).yml").path }

    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path(name)))) }

    static func outcome(_ name: String, siteFromGroup: Bool = false) throws -> ImportOutcome {
        try NetlabImporter.run(bytes: try bytes(name), file: path(name),
                               options: .init(sourceName: "\(name).yml", siteFromGroup: siteFromGroup))
    }

    static let loadOptions = LoadOptions(platforms: Array(PackLoader.defaultPack.platforms.keys), ruleNames: RuleRegistry.acceptedNames)

    /// The written file loaded by the linter's loader (diagnostics recorded as an issue).
    static func load(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Topology? {
        let result = TopologyLoader.load(bytes: Array(text.utf8), file: "imported.yaml", options: loadOptions)
        if !result.diagnostics.isEmpty {
            Issue.record("the imported file does not load:\n\(result.diagnostics.map(\.oneLine).joined(separator: "\n"))\n\(text)",
                         sourceLocation: sourceLocation)
        }
        return result.topology
    }

    /// The fixture read with the project's YAML reader, for the figures the tests compute
    /// from netlab's own data.
    static func netlab(_ name: String) throws -> NetlabView {
        let parsed = YAMLReader.parse(try bytes(name), file: path(name))
        return NetlabView(doc: try #require(parsed.document))
    }
}

/// Small read-only helpers over a netlab file's YAML nodes.
struct NetlabView {
    let doc: YAMLDocument

    func at(_ keys: String..., from start: YAMLNode? = nil) -> YAMLNode? {
        var node: YAMLNode? = start ?? doc.root
        for key in keys { node = node.flatMap { doc.lookup($0, key) } }
        return node
    }

    func text(_ node: YAMLNode?) -> String? {
        guard let node, doc.kind(node) == .scalar, !doc.isNull(node) else { return nil }
        return doc.string(node)
    }

    func pairs(_ node: YAMLNode?) -> [(String, YAMLNode)] {
        guard let node, doc.kind(node) == .mapping else { return [] }
        return (0..<doc.count(node)).map { (doc.string(doc.key(node, $0)), doc.value(node, $0)) }
    }

    func items(_ node: YAMLNode?) -> [YAMLNode] {
        guard let node, doc.kind(node) == .sequence else { return [] }
        return doc.items(node)
    }

    /// Trunk VLANs are a mapping (or a list) of names.
    func names(_ node: YAMLNode?) -> [String] {
        guard let node else { return [] }
        switch doc.kind(node) {
        case .mapping: return pairs(node).map(\.0)
        case .sequence: return items(node).compactMap(text)
        case .scalar: return text(node).map { [$0] } ?? []
        }
    }

    var nodeNames: Set<String> { Set(pairs(at("nodes")).map(\.0)) }
}
