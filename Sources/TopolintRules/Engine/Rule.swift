import TopolintCore
import TopolintModel
import TopolintAnalysis

/// A design rule: a self-describing type whose descriptor is at once its documentation
/// (`topolint explain`, rules/*.md), its test data (the examples) and its reference.
/// The failing example marks where the rule's findings land (`# ^ TL200` under the line;
/// see `RuleDescriptor.failingExample`), and its full text output is pinned in
/// Tests/Snapshots/<id>.txt, so a change to what users read shows up in review.
public protocol Rule: Sendable {
    var descriptor: RuleDescriptor { get }
    /// Every violation in the topology, scored with the pack's figures.
    func check(_ context: RuleContext) -> [Finding]
    /// Whether the rule's findings depend on migration domains; a what-if that changes only
    /// migration domains re-runs just these rules.
    var readsMigrationDomains: Bool { get }
    /// Whether the rule reads, for every workload and VLAN, which gateway the cluster's hosts
    /// reach (`ReachCache`): when two such rules run, that is worked out once for both.
    var readsWorkloadReach: Bool { get }
}

extension Rule {
    public var readsMigrationDomains: Bool { false }
    public var readsWorkloadReach: Bool { false }
}

/// What a rule sees: the validated model, the graph analysis and the active pack.
public struct RuleContext: Sendable {
    public let topology: Topology
    public let analysis: Analysis
    public let pack: RulePack
    /// The reach of every cluster and VLAN a workload uses, when the engine worked it out
    /// once for several rules (see `Rule.readsWorkloadReach`).
    var sharedReach: SharedReach?

    public init(topology: Topology, analysis: Analysis, pack: RulePack) {
        self.topology = topology
        self.analysis = analysis
        self.pack = pack
    }

    /// The RTT between two sites, or the pack's assumed figure when no path is known.
    public func rtt(_ a: Int, _ b: Int) -> (value: Double, known: Bool) {
        if let r = analysis.distances.rtt(a, b) { return (r, true) }
        return (pack.assumedRTTms, false)
    }

    public func siteNames(_ sites: [Int]) -> [String] { sites.map { topology.sites[$0].name }.sorted() }

    /// Sites a cluster's hosts stand in.
    public func sites(ofCluster c: Int) -> [Int] {
        Array(Set(topology.clusters[c].hosts.map { topology.placement(ofHost: $0).site })).sorted()
    }

    /// The names of `hosts` as `list` writes them (sorted, the first `max`), making strings
    /// only of the names shown: a finding about hundreds of hosts names a few.
    public func hostList(_ hosts: [Int], max: Int = 6) -> String {
        let shown = topology.hostNames.firstInNameOrder(hosts, max).map(topology.hostName)
        return hosts.count <= max ? shown.joined(separator: ", ") : MessageText("\(shown.joined(separator: ", ")) and \(hosts.count - max) more").string
    }

    /// "fra1, ams1" style lists capped so that a message stays one line.
    public func list(_ names: [String], max: Int = 6) -> String {
        names.count <= max ? names.joined(separator: ", ") : MessageText("\(names.prefix(max).joined(separator: ", ")) and \(names.count - max) more").string
    }

    public func vlanLabel(_ v: Int) -> String { MessageText("VLAN \(topology.vlans[v].name) (\(topology.vlans[v].id))").string }

    public func formatMs(_ value: Double) -> String { JSONValue.format(value) }

    /// An RTT with "assumed" wording when it is not known from site_links.
    public func describeRTT(_ rtt: (value: Double, known: Bool)) -> String {
        rtt.known ? "\(formatMs(rtt.value)) ms" : "an unknown RTT (assumed \(formatMs(rtt.value)) ms: no site_links path)"
    }
}

/// "1 host", "4 hosts": a count with its noun in the number it takes ("switch", "switches").
public func counted(_ n: Int, _ one: String, _ many: String? = nil) -> String {
    n == 1 ? "1 \(one)" : "\(n) \(many ?? one + "s")"
}

extension JSONValue {
    static func format(_ d: Double) -> String { JSONValue.double(d).serialized() }

    /// An RTT for context: the figure, or null when unknown.
    static func rtt(_ rtt: (value: Double, known: Bool)) -> JSONValue { rtt.known ? .double(rtt.value) : .null }
}

/// Score helpers: place a value inside a severity band, so formulas read as "high, rising with x".
public enum Band {
    /// `low + span·fraction` clamped to the band of `severity` (fraction clamped to 0...1).
    public static func within(_ severity: Severity, _ fraction: Double) -> Double {
        let f = min(1, max(0, fraction.isFinite ? fraction : 1))
        switch severity {
        case .low: return 0.1 + 3.8 * f
        case .medium: return 4.0 + 2.9 * f
        case .high: return 7.0 + 1.9 * f
        case .critical: return 9.0 + 1.0 * f
        }
    }
}
