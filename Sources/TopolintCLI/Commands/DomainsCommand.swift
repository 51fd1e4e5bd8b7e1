import ArgumentParser
import TopolintCore
import TopolintModel
import TopolintAnalysis
import TopolintReporters

/// `topolint domains FILE`: every broadcast domain with its figures.
struct DomainsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "domains",
        abstract: "List every broadcast domain with its switches, hosts, endpoints and scope."
    )

    @Argument(help: "A topology file ('-' reads standard input).")
    var file: String

    @OptionGroup var formatOptions: FormatOptions<TextOrJSON>

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var colorOptions: ColorOptions

    var format: TextOrJSON { formatOptions.format }
    var output: String? { outputOptions.output }

    func validate() throws {
        try outputOptions.refuseOverwriting([file] + configOptions.inputs)
    }

    func run() throws {
        try Output.requireReadable(configOptions.config, what: "configuration")
        var pipeline = Pipeline(settings: configOptions.settings)
        let file = pipeline.load(self.file)
        guard let analysis = file.analysis else {
            let report = LintReport(files: [self.file], diagnostics: file.diagnostics, findings: [], suppressed: [], rules: [],
                                    sources: [self.file: file.source])
            let text = format == .json ? JSONReporter.render(report, options: ReportOptions())
                : TextReporter.render(report, options: ReportOptions(color: Output.wantsColor(colorOptions.color, fd: 2)))
            if format == .json { try Output.emit(text, to: output) } else { FDWriter.standardError.write(text) }
            throw Exit.loadError
        }
        let rows = DomainRows(analysis)
        let text = format == .json ? rows.json.serialized(pretty: true) + "\n" : rows.table
        try Output.emit(text, to: output)
    }
}

/// The `domains` report: one row per broadcast domain, sorted by VLAN name, then first switch.
struct DomainRows {
    struct Row {
        var vlan: String
        var id: Int
        var scope: String
        var switches: [String]
        var hosts: Int
        var endpoints: Int
        var racks: [String]
        var pods: [String]
        var sites: [String]
        var clusters: [String]
        /// Switches only: no host, no gateway; listed, but not a partition of its VLAN.
        var stub: Bool
    }

    let rows: [Row]

    init(_ analysis: Analysis) {
        let t = analysis.topology
        let vlanOrder = t.vlans.indices.sorted { t.vlans[$0].name < t.vlans[$1].name }
        var rows: [Row] = []
        for v in vlanOrder {
            for d in analysis.domains(ofVLAN: v) {
                rows.append(Row(vlan: t.vlans[v].name, id: t.vlans[v].id, scope: d.scope.rawValue,
                                switches: d.switches.map { t.switches[Int($0)].name }, hosts: d.hostCount,
                                endpoints: d.roundedEndpoints, racks: d.racks.map { t.racks[$0].name }.sorted(),
                                pods: d.pods.map { t.pods[$0].name }.sorted(), sites: d.sites.map { t.sites[$0].name }.sorted(),
                                clusters: d.clusters.map { t.clusters[$0].name }.sorted(), stub: d.isStub))
            }
        }
        self.rows = rows
    }

    var json: JSONValue {
        .object([("broadcast_domains", .array(rows.map { r in
            .object([("vlan", .string(r.vlan)), ("id", .int(r.id)), ("scope", .string(r.scope)),
                     ("switches", .strings(r.switches)), ("hosts", .int(r.hosts)), ("endpoints", .int(r.endpoints)),
                     ("racks", .strings(r.racks)), ("pods", .strings(r.pods)), ("sites", .strings(r.sites)),
                     ("clusters", .strings(r.clusters)), ("stub", .bool(r.stub))])
        }))])
    }

    /// A fixed-width table with counts, then the sites and clusters by name.
    var table: String {
        let header = ["VLAN", "ID", "SCOPE", "SWITCHES", "HOSTS", "ENDPOINTS", "RACKS", "PODS", "SITES", "CLUSTERS"]
        let cells = rows.map { r in
            [r.vlan, String(r.id), r.scope, String(r.switches.count), String(r.hosts), String(r.endpoints),
             String(r.racks.count), String(r.pods.count), r.sites.joined(separator: ","), r.clusters.isEmpty ? "-" : r.clusters.joined(separator: ",")]
        }
        var widths = header.map(\.count)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let numeric: Set<Int> = [1, 3, 4, 5, 6, 7]
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return numeric.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        var out = line(header) + "\n"
        // A stub is marked after its last column, so the columns stay aligned.
        for (row, r) in zip(cells, rows) { out += line(row) + (r.stub ? "  (stub)" : "") + "\n" }
        let vlans = Set(rows.map(\.vlan)).count
        out += "\n\(rows.count) broadcast domain\(rows.count == 1 ? "" : "s") in \(vlans) VLAN\(vlans == 1 ? "" : "s")\n"
        let stubs = rows.filter(\.stub).count
        if stubs > 0 {
            out += "\(stubs) stub\(stubs == 1 ? "" : "s") (switches only: no host and no gateway of the VLAN); a stub does not make its VLAN partitioned\n"
        }
        return out
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
