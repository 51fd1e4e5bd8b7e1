import Testing
import TopolintCore
@testable import TopolintYAML
@testable import TopolintModel
@testable import TopolintAnalysis

/// Loading for the core-stage tests: YAML text in, topology or diagnostics out.
enum CoreFixture {
    static let file = "core.yaml"
    static let options = LoadOptions(platforms: ["vsphere-4.1", "vsphere-7.0", "hyperv-2022", "generic"],
                                     ruleNames: ["TL200", "stretched-vlan"])

    /// Loads `yaml`; records an issue with every diagnostic's one-line text when it does not load.
    static func topology(_ yaml: String, options: LoadOptions = options,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Topology? {
        let result = TopologyLoader.load(bytes: Array(yaml.utf8), file: file, options: options)
        if result.topology == nil {
            let text = result.diagnostics.map(\.oneLine).joined(separator: "\n")
            Issue.record("the topology did not load:\n\(text)", sourceLocation: sourceLocation)
        }
        return result.topology
    }

    /// Loads `yaml` and builds its analysis (nil, with an issue, when it does not load).
    static func analyzed(_ yaml: String, options: LoadOptions = options,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CoreAnalyzed? {
        topology(yaml, options: options, sourceLocation: sourceLocation).map(CoreAnalyzed.init)
    }

    /// The diagnostics of loading `yaml` (empty when it loads).
    static func diagnostics(_ yaml: String) -> [Diagnostic] {
        diagnostics(bytes: Array(yaml.utf8))
    }

    static func diagnostics(bytes: [UInt8]) -> [Diagnostic] {
        let result = TopologyLoader.load(bytes: bytes, file: file, options: options)
        if !result.diagnostics.isEmpty {
            #expect(result.topology == nil, "a file with diagnostics must not yield a topology")
        }
        return result.diagnostics
    }

    /// Parses `yaml` with the reader alone.
    static func parse(_ yaml: String) -> YAMLReader.Result {
        YAMLReader.parse(Array(yaml.utf8), file: file)
    }

    /// The one diagnostic with `code` at `line`:`column` whose message contains `text`;
    /// records an issue listing every diagnostic when there is none.
    @discardableResult
    static func expect(_ diagnostics: [Diagnostic], _ code: DiagnosticCode, line: Int, column: Int,
                       _ text: String = "", help: String? = nil,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let found = diagnostics.first {
            $0.code == code && $0.location.line == line && $0.location.column == column
                && (text.isEmpty || $0.message.contains(text))
        }
        guard let found else {
            let all = diagnostics.map(\.oneLine).joined(separator: "\n")
            Issue.record("no \(code.id) at \(line):\(column) containing '\(text)'; got:\n\(all)", sourceLocation: sourceLocation)
            return nil
        }
        if let help {
            #expect(found.help?.contains(help) == true, "help of \(found.oneLine)", sourceLocation: sourceLocation)
        }
        #expect(found.location.file == file, sourceLocation: sourceLocation)
        return found
    }

    /// Asserts that loading `bytes` gives exactly one TL001 and returns it.
    @discardableResult
    static func expectOneSyntaxError(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let diagnostics = diagnostics(bytes: bytes)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))", sourceLocation: sourceLocation)
        #expect(diagnostics.first?.code == .yamlSyntax, sourceLocation: sourceLocation)
        return diagnostics.first
    }
}

/// A loaded topology with its analysis and lookups by name.
struct CoreAnalyzed {
    let topology: Topology
    let analysis: Analysis

    init(_ topology: Topology) {
        self.topology = topology
        self.analysis = Analysis(topology)
    }

    func vlan(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        try #require(topology.vlans.firstIndex { $0.name == name }, "no VLAN \(name)", sourceLocation: sourceLocation)
    }

    func switchIndex(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        try #require(topology.switches.firstIndex { $0.name == name }, "no switch \(name)", sourceLocation: sourceLocation)
    }

    func host(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        try #require(topology.hosts.indices.first { topology.hostName($0) == name }, "no host \(name)", sourceLocation: sourceLocation)
    }

    func site(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        try #require(topology.sites.firstIndex { $0.name == name }, "no site \(name)", sourceLocation: sourceLocation)
    }

    /// The broadcast domains of the VLAN named `name`, in the analysis' order.
    func domains(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [BroadcastDomain] {
        Array(analysis.domains(ofVLAN: try vlan(name, sourceLocation: sourceLocation)))
    }

    func switchNames(_ d: BroadcastDomain) -> [String] { d.switches.map { topology.switches[Int($0)].name } }
    func rackNames(_ d: BroadcastDomain) -> [String] { d.racks.map { topology.racks[$0].name }.sorted() }
    func podNames(_ d: BroadcastDomain) -> [String] { d.pods.map { topology.pods[$0].name }.sorted() }
    func siteNames(_ d: BroadcastDomain) -> [String] { d.sites.map { topology.sites[$0].name }.sorted() }
    func clusterNames(_ d: BroadcastDomain) -> [String] { d.clusters.map { topology.clusters[$0].name }.sorted() }
    func gatewayNames(_ d: BroadcastDomain) -> [String] { d.gateways.map { topology.switches[$0].name }.sorted() }

    /// The switch names of every domain of the VLAN, one list per domain.
    func partition(_ vlanName: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [[String]] {
        try domains(vlanName, sourceLocation: sourceLocation).map(switchNames)
    }

    /// The name of the gateway host `hostName` reaches for the VLAN, if any.
    func gateway(host hostName: String, vlan vlanName: String,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> GatewayReach? {
        analysis.nearestGateway(host: try host(hostName, sourceLocation: sourceLocation),
                                vlan: try vlan(vlanName, sourceLocation: sourceLocation))
    }

    func name(ofSwitch s: Int) -> String { topology.switches[s].name }

    /// The (host, VLAN) names of `unreachableHostVLANs`, sorted.
    var unreachable: [String] {
        analysis.unreachableHostVLANs.map { "\(topology.hostName($0.host))/\(topology.vlans[$0.vlan].name)" }.sorted()
    }
}
