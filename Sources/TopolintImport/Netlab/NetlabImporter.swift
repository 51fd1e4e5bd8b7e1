import TopolintCore
import TopolintYAML

/// `topolint import netlab`: a resolved netlab topology as a version 1 design.
///
/// Nodes that bridge (a VLAN in `irb` or `bridge` mode) become switches; hosts and routers
/// that take part in VLANs without bridging them become hosts of one cluster; routers in no
/// VLAN become switches that carry none. Links follow netlab's interfaces (VLAN
/// subinterfaces and LAGs included). docs/import.md has the whole table.
public enum NetlabImporter {
    public struct Options: Sendable {
        /// How the header names the source file.
        public var sourceName: String
        /// Sites from netlab groups instead of one site.
        public var siteFromGroup: Bool

        /// Clusters from netlab groups instead of one cluster `netlab`.
        public var clusterFromGroup: Bool

        public init(sourceName: String, siteFromGroup: Bool = false, clusterFromGroup: Bool = false) {
            self.sourceName = sourceName
            self.siteFromGroup = siteFromGroup
            self.clusterFromGroup = clusterFromGroup
        }
    }

    public static func run(bytes: [UInt8], file: String, options: Options) throws(ImportFailure) -> ImportOutcome {
        let parsed = YAMLReader.parse(bytes, file: file)
        guard let document = parsed.document, parsed.diagnostics.isEmpty else {
            // The parser's words for an empty file are about topology files.
            if parsed.isEmpty {
                throw ImportFailure([Diagnostic(.yamlSyntax, "the file is empty: a resolved netlab topology (netlab.snapshot.yml) holds one YAML mapping", at: SourceLocation(file: file, line: 1, column: 1))])
            }
            throw ImportFailure(parsed.diagnostics)
        }
        let lab = try NetlabSnapshot.read(document)
        var mapper = NetlabMapper(lab: lab, options: options)
        return mapper.run()
    }

    /// The kinds of approximation, in the order the warnings are printed.
    static let kinds: [(kind: String, summary: String)] = [
        ("native-vlan", "links with a native (untagged) VLAN, written as a tagged member"),
        ("segment", "multi-access segments of three or more nodes, each written as a switch"),
        ("routed-vlan", "routed-only VLAN interfaces (vlan mode route), not written as bridging"),
        ("router-gateway", "VLANs whose gateway routes without bridging (a router, a routed interface), a switch next to it standing in"),
        ("uplink-vlans", "hosts whose uplinks carry different VLANs, written with one VLAN list"),
        ("host-link", "links between two nodes that do not bridge, left out"),
        ("no-switch", "nodes cabled to no switch, left out"),
    ]
}
