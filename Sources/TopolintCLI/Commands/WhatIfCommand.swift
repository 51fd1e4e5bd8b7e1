import ArgumentParser
import TopolintCore
import TopolintModel
import TopolintRules
import TopolintReporters

/// `topolint what-if FILE --migration-domain A,B`: what a proposed migration domain adds,
/// resolves and asks of the network, against the file as it is.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "what-if",
        abstract: "Evaluate a proposed migration domain (or the removal of one) against a topology.",
        discussion: """
        Exit status follows --fail-on applied to the findings the proposal adds, so a pipeline \
        can gate a proposal: 0 when none reaches it, 1 when one does, 2 on a load or usage error, \
        3 when the report cannot be written or the configuration cannot be read.
        """
    )

    @Argument(help: "A topology file.")
    var file: String

    @Option(name: .customLong("migration-domain"), help: "Clusters that would form one migration domain, comma-separated (repeatable).")
    var domains: [String] = []

    @Option(name: .long, help: "Name of the proposed domain (repeatable, in the order of --migration-domain).")
    var name: [String] = []

    @Option(name: .long, help: "Workloads the proposed domain lets move, comma-separated (repeatable, in the order of --migration-domain; default every workload of its clusters).")
    var workloads: [String] = []

    @Option(name: .customLong("remove-migration-domain"), help: "Evaluate taking this migration domain away (repeatable).")
    var remove: [String] = []

    @OptionGroup var formatOptions: FormatOptions<WhatIfFormat>

    @Option(name: .long, help: "Lowest severity among the added findings that makes the exit status 1.")
    var failOn: Severity?

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var outputOptions: OutputOptions

    /// Each proposal's name: its --name, else "proposed" (or "proposed-N" among several).
    var domainNames: [String] {
        domains.indices.map { i in i < name.count ? name[i] : (domains.count == 1 ? "proposed" : "proposed-\(i + 1)") }
    }

    var format: WhatIfFormat { formatOptions.format }
    var output: String? { outputOptions.output }

    func validate() throws {
        if domains.isEmpty && remove.isEmpty {
            throw ValidationError("propose a domain with --migration-domain A,B or take one away with --remove-migration-domain NAME")
        }
        if name.count > domains.count { throw ValidationError("more --name options than --migration-domain options") }
        if workloads.count > domains.count { throw ValidationError("more --workloads options than --migration-domain options") }
        // Each proposal is a migration domain of its own: names written once, and not empty
        // (in a file, a second key of the same name is a duplicate).
        var seen = Set<String>()
        for n in domainNames {
            if n.trimmingSpaces().isEmpty { throw ValidationError("--name needs a name, not an empty one") }
            if !seen.insert(n).inserted { throw ValidationError("two proposals are named '\(n)'; give each --migration-domain its own --name") }
        }
        try outputOptions.refuseOverwriting([file] + configOptions.inputs)
    }

    func run() throws {
        try Output.requireReadable(configOptions.config, what: "configuration")
        var pipeline = Pipeline(settings: configOptions.settings)
        let (context, loaded) = try pipeline.ruleContext(for: file)
        let topology = context.topology
        var clock = StageClock()
        let session = WhatIfSession(context)
        clock.lap("rules as written")
        var proposals: [MigrationDomain] = []
        for (i, spec) in domains.enumerated() {
            let clusters = spec.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            let domainName = domainNames[i]
            let moving = i < workloads.count
                ? workloads[i].split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty } : nil
            switch session.domain(named: domainName, clusters: clusters, workloads: moving) {
            case let .success(domain): proposals.append(domain)
            case let .failure(error):
                FDWriter.standardError.write("topolint: \(error.message)\(error.suggestion.map { " (did you mean '\($0)'?)" } ?? "")\n")
                throw Exit.loadError
            }
        }
        for r in remove where !topology.migrationDomains.contains(where: { $0.name == r }) {
            let suggestion = closestMatch(to: r, among: topology.migrationDomains.map(\.name))
            FDWriter.standardError.write("topolint: no migration domain '\(r)' in \(file)\(suggestion.map { " (did you mean '\($0)'?)" } ?? "")\n")
            throw Exit.loadError
        }
        let outcome = session.evaluate(adding: proposals, removing: remove)
        clock.lap("what-if evaluation")
        let text = switch format {
        case .json: WhatIfReport.json(outcome).serialized(pretty: true) + "\n"
        case .html: WhatIfPage.html(session: session, outcome: outcome, proposals: proposals, removing: remove, file: file, source: loaded.source)
        case .text: WhatIfReport.text(outcome, removing: remove)
        }
        try Output.emit(text, to: output)
        let threshold = failOn ?? loaded.failOn ?? .medium
        if outcome.added.contains(where: { $0.severity >= threshold }) { throw Exit.findings }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// The what-if report: the JSON of docs/report.md#5-the-json-of-what-if (added, resolved, before, after) plus the proposal's
/// requirements; and the same in plain words.
enum WhatIfReport {
    static func json(_ o: WhatIfOutcome) -> JSONValue {
        .object([
            ("added", .array(o.added.map(ReportJSON.finding))),
            ("resolved", .array(o.resolved.map(ReportJSON.finding))),
            ("before", o.before.json),
            ("after", o.after.json),
            ("proposals", .array(o.requirements.map(requirementsJSON))),
        ])
    }

    static func requirementsJSON(_ r: ProposalRequirements) -> JSONValue {
        .object([
            ("name", .string(r.domain)), ("clusters", .strings(r.clusters)), ("workloads", .strings(r.workloads)),
            ("stretches", .array(r.stretches.map { s in
                .object([("vlan", .string(s.vlan)), ("cluster", .string(s.cluster)), ("hosts_missing", .int(s.hostsMissing)),
                         ("racks", .strings(s.racks)), ("pods", .strings(s.pods)), ("sites", .strings(s.sites)),
                         ("new_switches", .strings(s.newSwitches)),
                         ("scope", .object([("before", .string(s.scopeBefore)), ("after", .string(s.scopeAfter))])),
                         ("switches", .object([("before", .int(s.switchesBefore)), ("after", .int(s.switchesAfter))])),
                         ("endpoints", .object([("before", .int(s.endpointsBefore)), ("after", .int(s.endpointsAfter))])),
                         ("hosts_after", .int(s.hostsAfter)), ("same_id_on_new_switches", .strings(s.sameIDOnNewSwitches))])
            })),
            ("worst_rtt_ms", r.worstRTTms.map(JSONValue.double) ?? .null),
            ("worst_rtt_sites", .strings(r.worstRTTSites)),
            ("rtt_limit_ms", r.rttLimitMs.map(JSONValue.double) ?? .null),
        ])
    }

    static func text(_ o: WhatIfOutcome, removing: [String]) -> String {
        var out = ""
        for r in o.requirements {
            out += "What if clusters \(r.clusters.joined(separator: ", ")) formed one migration domain (\(r.domain))"
                + (r.restricted ? ", moving only \(r.workloads.joined(separator: ", "))" : "") + "?\n"
            if r.stretches.isEmpty {
                out += "  Every VLAN the moving workloads use already reaches every host of these clusters.\n"
            }
            for s in r.stretches {
                out += "  VLAN \(s.vlan) would have to reach cluster \(s.cluster): \(s.hostsMissing) host\(s.hostsMissing == 1 ? "" : "s") "
                    + "in \(phrase("rack", s.racks)), \(phrase("pod", s.pods)), \(phrase("site", s.sites))"
                    + (s.newSwitches.isEmpty ? "" : "; switches \(s.newSwitches.joined(separator: ", ")) would have to carry it")
                    + (s.sameIDOnNewSwitches.isEmpty ? "" : ", and they carry \(s.sameIDOnNewSwitches.map { "VLAN \($0)" }.joined(separator: ", ")) with the same id: the two would be one segment on the wire") + ".\n"
                out += "    Its broadcast domain would grow from \(s.switchesBefore) to \(s.switchesAfter) switches (\(s.hostsAfter) hosts, "
                    + "\(s.endpointsAfter) endpoints), scope \(s.scopeBefore) -> \(s.scopeAfter).\n"
            }
            if let rtt = r.worstRTTms {
                let limit = r.rttLimitMs.map { rtt > $0 ? ", over the \(format($0)) ms live-migration limit" : ", within the \(format($0)) ms limit" } ?? ", no platform limit"
                out += "  The longest migration would cross \(format(rtt)) ms (\(r.worstRTTSites.joined(separator: " - ")))\(limit).\n"
            } else if !r.worstRTTKnown {
                out += "  Sites \(r.worstRTTSites.joined(separator: " - ")) have no site_links path: the round trip is unknown.\n"
            } else {
                out += "  All its clusters are in one site.\n"
            }
            out += "\n"
        }
        if !removing.isEmpty { out += "What if migration domain\(removing.count == 1 ? "" : "s") \(removing.joined(separator: ", ")) went away?\n\n" }
        let trombones = o.added.filter { $0.ruleID == "TL401" || $0.ruleID == "TL400" }
        if !trombones.isEmpty {
            out += "Trombones it would create:\n" + trombones.map { "  - \($0.message)\n" }.joined() + "\n"
        }
        out += "Adds \(o.added.count) finding\(o.added.count == 1 ? "" : "s"), resolves \(o.resolved.count).\n"
        for f in o.added { out += "  + \(line(f))\n" }
        for f in o.resolved { out += "  - \(line(f))\n" }
        out += "Before: \(summary(o.before))\nAfter:  \(summary(o.after))\n"
        return out
    }

    static func line(_ f: Finding) -> String {
        "\(f.severity.rawValue) [\(format(f.score, decimals: true))] \(f.ruleID) \(f.ruleName): \(f.message)"
    }

    static func summary(_ s: Summary) -> String {
        "\(s.findings) findings (\(s.count(.critical)) critical, \(s.count(.high)) high, \(s.count(.medium)) medium, \(s.count(.low)) low), max score \(format(s.maxScore, decimals: true))"
    }

    static func phrase(_ noun: String, _ names: [String]) -> String {
        names.count == 1 ? "\(noun) \(names[0])" : "\(noun)s \(names.joined(separator: ", "))"
    }

    static func format(_ d: Double, decimals: Bool = false) -> String {
        if decimals { let r = (d * 10).rounded() / 10; return r == r.rounded() ? "\(Int(r)).0" : "\(r)" }
        return JSONValue.double(d).serialized()
    }
}
