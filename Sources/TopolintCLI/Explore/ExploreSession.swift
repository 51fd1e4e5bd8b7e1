import TopolintCore
import TopolintModel
import TopolintAnalysis
import TopolintRules
import TopolintReporters

/// The state of an `explore` session: one proposed migration domain, edited step by step,
/// re-evaluated after every change from the analysis made once at start-up.
struct ExploreSession {
    let session: WhatIfSession
    var name = "proposed"
    var clusters: [String] = []
    /// The workloads the proposal lets move; nil: every workload of its clusters.
    var workloads: [String]?
    private var history: [(name: String, clusters: [String], workloads: [String]?)] = []
    private(set) var last: WhatIfOutcome?

    init(_ session: WhatIfSession) { self.session = session }

    var topology: Topology { session.base.topology }
    var analysis: Analysis { session.base.analysis }

    static let commands = ["add", "remove", "clear", "undo", "show", "name", "workloads", "clusters", "cluster", "vlan", "workload", "findings", "help", "quit"]

    /// Completion candidates for the word after `words`.
    func completions(after words: [String]) -> [String] {
        guard let command = words.first else { return Self.commands }
        switch command {
        case "add": return topology.clusters.map(\.name).filter { !clusters.contains($0) }
        case "remove", "rm": return clusters
        case "cluster": return topology.clusters.map(\.name)
        case "vlan": return topology.vlans.map(\.name)
        case "workload": return topology.workloads.map(\.name)
        case "workloads": return topology.workloads.map(\.name).filter { !(workloads ?? []).contains($0) }
        default: return []
        }
    }

    /// Runs one command line; returns the text to show and whether to go on.
    mutating func execute(_ line: String) -> (output: String, keepGoing: Bool) {
        // Control characters never reach the terminal (a name is echoed in messages), and a
        // word in matching quotes is the text inside them (`name "metro"`).
        let words = TextReporter.clean(line).split(whereSeparator: { $0 == " " || $0 == "\t" }).map { Self.unquoted(String($0)) }
        guard let command = words.first else { return ("", true) }
        var args: [String] = [], seen = Set<String>()
        for word in words.dropFirst() where seen.insert(word).inserted { args.append(word) }   // each name once
        switch command {
        case "quit", "exit", "q": return ("", false)
        case "help", "?": return (Self.help, true)
        case "add" where args.isEmpty: return ("usage: add CLUSTER [CLUSTER ...]\n", true)
        case "remove" where args.isEmpty, "rm" where args.isEmpty: return ("usage: remove CLUSTER [CLUSTER ...]\n", true)
        case "add": return (change(args) { state in for n in args where !state.clusters.contains(n) { state.clusters.append(n) } }, true)
        case "remove", "rm": return (change(args, mustBeInProposal: true) { $0.clusters.removeAll { args.contains($0) } }, true)
        case "clear": return (change([]) { $0.clusters = [] }, true)
        case "undo":
            guard let previous = history.popLast() else { return ("nothing to undo\n", true) }
            (name, clusters, workloads) = previous
            return (evaluate().text, true)
        case "name":
            guard args.count == 1, let new = args.first, !new.isEmpty else { return ("usage: name NEW-NAME (one word)\n", true) }
            if topology.migrationDomains.contains(where: { $0.name == new }) {
                return ("the topology already has a migration domain named '\(new)'; choose another name\n", true)
            }
            return (commit { $0.name = new }, true)
        case "workloads":
            for n in args where !topology.workloads.contains(where: { $0.name == n }) {
                return (unknown("workload", n, topology.workloads.map(\.name)), true)
            }
            return (commit { $0.workloads = args.isEmpty ? nil : args }, true)
        case "show": return (clusters.isEmpty ? "no proposal yet: add clusters with `add NAME`\n" : detail(), true)
        case "clusters": return (clusterTable(), true)
        case "cluster": return (args.first.map(describeCluster) ?? "usage: cluster NAME\n", true)
        case "vlan": return (args.first.map(describeVLAN) ?? "usage: vlan NAME\n", true)
        case "workload": return (args.first.map(describeWorkload) ?? "usage: workload NAME\n", true)
        case "findings":
            let s = Summary(findings: session.before.findings, suppressed: session.before.suppressed.count)
            return ("as written: " + WhatIfReport.summary(s) + "\n" + session.before.findings.map { "  " + WhatIfReport.line($0) + "\n" }.joined(), true)
        default:
            let suggestion = closestMatch(to: command, among: Self.commands)
            return ("unknown command '\(command)'\(suggestion.map { "; did you mean '\($0)'?" } ?? ""); type help\n", true)
        }
    }

    /// A word in matching single or double quotes, without them.
    static func unquoted(_ word: String) -> String {
        guard word.count >= 2, let first = word.first, first == "\"" || first == "'", word.last == first else { return word }
        return String(word.dropFirst().dropLast())
    }

    private mutating func change(_ names: [String], mustBeInProposal: Bool = false, _ apply: (inout ExploreSession) -> Void) -> String {
        for n in names where topology.clusterIndex(named: n) == nil {
            return "unknown cluster '\(n)'" + (closestMatch(to: n, among: topology.clusters.map(\.name)).map { "; did you mean '\($0)'?" } ?? "") + "\n"
        }
        if mustBeInProposal, let n = names.first(where: { !clusters.contains($0) }) { return "'\(n)' is not in the proposal\n" }
        return commit(apply)
    }

    /// Applies an edit and evaluates it; an edit whose domain cannot be formed is taken
    /// back whole, so that the state, `show` and `undo` always agree with the last result.
    private mutating func commit(_ edit: (inout ExploreSession) -> Void) -> String {
        let previous = (name, clusters, workloads)
        edit(&self)
        let (text, formed) = evaluate()
        guard formed else {
            (name, clusters, workloads) = previous
            return text + "nothing changed\n"
        }
        history.append(previous)
        return text
    }

    /// The delta of the current proposal against the file as written; `formed` is false
    /// when the proposal cannot be a domain (then `last` is left as it was).
    mutating func evaluate() -> (text: String, formed: Bool) {
        guard !clusters.isEmpty else {
            last = nil
            return ("no proposal: the design as written (\(WhatIfReport.summary(Summary(findings: session.before.findings, suppressed: session.before.suppressed.count))))\n", true)
        }
        let domain: MigrationDomain
        switch session.domain(named: name, clusters: clusters, workloads: workloads) {
        case let .success(d): domain = d
        case let .failure(error): return ("cannot form the domain: \(error.message)\n", false)
        }
        let outcome = session.evaluate(adding: [domain])
        last = outcome
        var out = "proposal \(name): \(clusters.joined(separator: ", "))"
            + (workloads.map { "; moving only \($0.joined(separator: ", "))" } ?? "") + "\n"
        out += "  +\(outcome.added.count) added, -\(outcome.resolved.count) resolved; max score "
            + "\(WhatIfReport.format(outcome.before.maxScore, decimals: true)) -> \(WhatIfReport.format(outcome.after.maxScore, decimals: true))"
            + "; critical \(outcome.before.count(.critical)) -> \(outcome.after.count(.critical)), high \(outcome.before.count(.high)) -> \(outcome.after.count(.high))\n"
        for f in outcome.added { out += "  + \(WhatIfReport.line(f))\n" }
        for f in outcome.resolved { out += "  - \(WhatIfReport.line(f))\n" }
        return (out, true)
    }

    func detail() -> String {
        guard let last else { return "" }
        return WhatIfReport.text(last, removing: [])
    }

    func clusterTable() -> String {
        let t = topology
        let rows = t.clusters.map { cluster -> [String] in
            let sites = Set(cluster.hosts.map { t.placement(ofHost: $0).site }).map { t.sites[$0].name }.sorted()
            let pods = Set(cluster.hosts.compactMap { t.placement(ofHost: $0).pod }).map { t.pods[$0].name }.sorted()
            return [cluster.name, sites.joined(separator: ","), pods.joined(separator: ","), cluster.platform]
        }
        // Widths from the longest cell: a stretched cluster's site and pod lists are long.
        var widths = [20, 10, 14, 12]
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for (cluster, row) in zip(t.clusters, rows) {
            let marker = clusters.contains(cluster.name) ? "*" : " "
            out += "\(marker) \(row[0].padding(widths[0])) site \(row[1].padding(widths[1])) pod \(row[2].padding(widths[2])) "
                + "\(row[3].padding(widths[3])) \(cluster.hosts.count) hosts\n"
        }
        return out + "(* in the proposal)\n"
    }

    func describeCluster(_ name: String) -> String {
        let t = topology
        guard let c = t.clusterIndex(named: name) else { return unknown("cluster", name, t.clusters.map(\.name)) }
        let cluster = t.clusters[c]
        let sites = Set(cluster.hosts.map { t.placement(ofHost: $0).site }).map { t.sites[$0].name }.sorted()
        let workloads = t.workloads.filter { $0.cluster == c }.map { "\($0.name) (\($0.count))" }
        return "cluster \(cluster.name): \(cluster.hosts.count) hosts in \(sites.joined(separator: ", ")), platform \(cluster.platform)\n"
            + "  VLANs: \(cluster.vlans.map { t.vlans[$0].name }.joined(separator: ", "))\n"
            + "  workloads: \(workloads.isEmpty ? "none" : workloads.joined(separator: ", "))\n"
    }

    func describeVLAN(_ name: String) -> String {
        let t = topology
        guard let v = t.vlanIndex(named: name) else { return unknown("VLAN", name, t.vlans.map(\.name)) }
        let domains = analysis.domains(ofVLAN: v)
        var out = "VLAN \(t.vlans[v].name) (\(t.vlans[v].id)): \(domains.count) broadcast domain\(domains.count == 1 ? "" : "s")\n"
        for d in domains {
            out += "  \(d.scope.rawValue): \(d.switches.count) switches, \(d.hostCount) hosts, \(d.roundedEndpoints) endpoints, "
                + "sites \(d.sites.map { t.sites[$0].name }.sorted().joined(separator: ", ")), "
                + "gateways \(d.gateways.isEmpty ? "none" : d.gateways.map { t.switches[$0].name }.joined(separator: ", "))\n"
        }
        return out
    }

    func describeWorkload(_ name: String) -> String {
        let t = topology
        guard let w = t.workloads.firstIndex(where: { $0.name == name }) else { return unknown("workload", name, t.workloads.map(\.name)) }
        let workload = t.workloads[w]
        var out = "workload \(workload.name): \(workload.count) VMs on cluster \(t.clusters[workload.cluster].name)\n"
        for v in workload.vlans {
            let host = t.hosts(ofWorkload: w).first { binarySearch(t.hosts[$0].vlans, v) }
            let reach = host.flatMap { analysis.nearestGateway(host: $0, vlan: v) }
            out += "  VLAN \(t.vlans[v].name): " + (reach.map { "gateway \(t.switches[$0.gateway].name), \(proximity($0))" } ?? "no gateway reached") + "\n"
        }
        return out
    }

    func proximity(_ r: GatewayReach) -> String {
        switch r.proximity {
        case .sameRack: "same rack"
        case .samePod: "same pod"
        case .sameSite: "same site"
        case .otherSite: "another site, " + (r.rttMs.map { "\(WhatIfReport.format($0)) ms" } ?? "unknown RTT")
        }
    }

    func unknown(_ kind: String, _ name: String, _ names: [String]) -> String {
        "no \(kind) '\(name)'" + (closestMatch(to: name, among: names).map { "; did you mean '\($0)'?" } ?? "") + "\n"
    }

    static let help = """
    Propose a migration domain and see what it adds and resolves after every change.
      add CLUSTER...      add clusters to the proposed domain (tab completes names)
      remove CLUSTER...   take clusters out of it
      clear               empty the proposal
      undo                undo the last change
      name NEW-NAME       rename the proposed domain
      workloads W...      let only these workloads move (no names: every workload)
      show                the full what-if: VLANs to stretch, domain growth, RTT, trombones
      clusters            every cluster with its site, pod, platform and size
      cluster NAME        one cluster; vlan NAME, workload NAME likewise
      findings            the findings of the design as written
      quit                leave (also Ctrl-D)

    """
}
