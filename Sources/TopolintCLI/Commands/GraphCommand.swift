import ArgumentParser
import TopolintCore
import TopolintPicture
import TopolintReporters

/// `topolint graph FILE`: the topology, or one VLAN's broadcast domains, as a graph for
/// people's own documents (Graphviz DOT, Mermaid) or as topolint's own drawing (SVG).
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Export the topology (or one VLAN's broadcast domains) as Graphviz DOT, Mermaid or an SVG drawing.",
        discussion: """
        dot and mermaid: switches grouped by site and pod, with their links (routed ones \
        dashed); with --vlan, one group per broadcast domain of the VLAN with the trunks and \
        VXLAN overlay that form it. svg: the drawing of the HTML report (sites, pods, racks, \
        stretched domains, gateway trombones); with --vlan, every domain of that VLAN.
        """
    )

    @Argument(help: "A topology file ('-' reads standard input).")
    var file: String

    @Option(name: .long, help: "Show only this VLAN's broadcast domains (by name).")
    var vlan: String?

    @OptionGroup var formatOptions: FormatOptions<GraphFormat>

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var outputOptions: OutputOptions

    var format: GraphFormat { formatOptions.format }
    var output: String? { outputOptions.output }

    enum GraphFormat: String, FormatChoice {
        case dot, mermaid, svg
        static var standard: GraphFormat { .dot }
    }

    func validate() throws {
        try outputOptions.refuseOverwriting([file] + configOptions.inputs)
    }

    func run() throws {
        try Output.requireReadable(configOptions.config, what: "configuration")
        var pipeline = Pipeline(settings: configOptions.settings)
        let loaded = pipeline.load(file)
        guard let analysis = loaded.analysis else {
            FDWriter.standardError.write(loaded.diagnostics.map(\.oneLine).joined(separator: "\n") + "\n")
            throw Exit.loadError
        }
        let topology = analysis.topology
        var vlanIndex: Int?
        if let vlan {
            guard let v = topology.vlanIndex(named: vlan) else {
                let suggestion = closestMatch(to: vlan, among: topology.vlans.map(\.name))
                FDWriter.standardError.write("topolint: no VLAN '\(vlan)' in \(file)\(suggestion.map { " (did you mean '\($0)'?)" } ?? "")\n")
                throw Exit.loadError
            }
            vlanIndex = v
        }
        let text: String
        switch format {
        case .dot, .mermaid:
            let graph = vlanIndex.map { NetworkGraphBuilder.vlan(analysis, vlan: $0) } ?? NetworkGraphBuilder.topology(topology)
            text = format == .dot ? DOTWriter.render(graph) : MermaidWriter.render(graph)
            // Mermaid as GitHub, GitLab and most editors run it stops at 500 links and 50,000
            // characters of text by default: say so rather than hand over a blank diagram.
            if format == .mermaid, graph.edges.count > 500 || text.utf8.count > 50_000 {
                FDWriter.standardError.write("topolint: warning: this Mermaid graph has \(graph.edges.count) links and \(text.utf8.count) characters; "
                    + "Mermaid's default limits (500 links, 50,000 characters) stop most renderers from drawing it: "
                    + "draw one VLAN with --vlan, or use --format dot or svg\n")
            }
        case .svg:
            let outcome = Pipeline.lint(loaded)
            let picture = PictureBuilder.build(analysis, findings: outcome.findings + outcome.suppressed.map(\.finding), vlan: vlanIndex)
            text = PictureSVG.render(picture)
        }
        try Output.emit(text, to: output)
    }
}
