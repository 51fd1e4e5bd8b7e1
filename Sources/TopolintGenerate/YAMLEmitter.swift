/// A value in a flow mapping written by `YAMLEmitter.entry`.
enum Field {
    /// Written as is in both forms (numbers, booleans, roles, lists of plain names).
    case raw(String)
    /// One switch, rack or pod reference; may hold placeholders (and then stands for one name).
    case ref(String)
    /// A list of references; each may hold placeholders and ranges.
    case refs([String])
    /// `{anycast: [references]}`.
    case anycast([String])
}

/// Writes a `TopologyPlan` as YAML, in pattern form or expanded form, in chunks.
struct YAMLEmitter {
    let plan: TopologyPlan
    let expanded: Bool
    let sink: (String) -> Void
    private var buffer = ""
    private static let chunk = 1 << 18

    init(plan: TopologyPlan, expanded: Bool, sink: @escaping (String) -> Void) {
        self.plan = plan
        self.expanded = expanded
        self.sink = sink
        buffer.reserveCapacity(YAMLEmitter.chunk + 4096)
    }

    // MARK: - Output

    private mutating func line(_ text: String) {
        buffer += text
        buffer += "\n"
        if buffer.utf8.count >= YAMLEmitter.chunk { flush() }
    }

    private mutating func flush() {
        if !buffer.isEmpty {
            sink(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// A name or reference as a YAML flow scalar: quoted when it holds a pattern or placeholder.
    private func scalar(_ text: String) -> String {
        for byte in text.utf8 where byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
            return "\"\(text)\""
        }
        return text
    }

    private func list(_ names: [String]) -> String {
        "[" + names.joined(separator: ", ") + "]"
    }

    private func vlanList(_ indices: [Int]) -> String {
        list(indices.map { plan.vlans[$0].name })
    }

    private func quoted(_ text: String) -> String { "\"\(text)\"" }

    private func ignoreField(_ entries: [(rule: String, reason: String)]) -> String {
        "{" + entries.map { "\($0.rule): \(quoted($0.reason))" }.joined(separator: ", ") + "}"
    }

    /// One entity `key: {fields}`. In expanded form a pattern key gives one line per name,
    /// with placeholders replaced and references expanded to plain names.
    private mutating func entry(_ indent: String, _ key: String, _ fields: [(String, Field)]) {
        if !expanded {
            let body = fields.map { name, value -> String in
                switch value {
                case .raw(let text): return "\(name): \(text)"
                case .ref(let ref): return "\(name): \(scalar(ref))"
                case .refs(let refs): return "\(name): " + list(refs.map(scalar))
                case .anycast(let refs): return "\(name): {anycast: " + list(refs.map(scalar)) + "}"
                }
            }
            line("\(indent)\(scalar(key)): {\(body.joined(separator: ", "))}")
            return
        }
        let template = NameTemplate(key)
        let parsed: [(String, Field, [NameTemplate])] = fields.map { name, value in
            switch value {
            case .raw: return (name, value, [])
            case .ref(let ref): return (name, value, [NameTemplate(ref)])
            case .refs(let refs), .anycast(let refs): return (name, value, refs.map(NameTemplate.init))
            }
        }
        let instances = template.hasRanges ? template.instances() : [(name: key, values: [])]
        for instance in instances {
            var text = indent + instance.name + ": {"
            for (i, (name, value, templates)) in parsed.enumerated() {
                if i > 0 { text += ", " }
                text += name
                text += ": "
                switch value {
                case .raw(let raw): text += raw
                case .ref: text += templates[0].names(captures: instance.values)[0]
                case .refs:
                    text += list(templates.flatMap { $0.names(captures: instance.values) })
                case .anycast:
                    text += "{anycast: " + list(templates.flatMap { $0.names(captures: instance.values) }) + "}"
                }
            }
            text += "}"
            line(text)
        }
    }

    /// One `links` item; with patterns, every switch of the first end to every switch of the
    /// second, whose placeholders refer to the first end's ranges.
    private mutating func link(_ a: String, _ b: String, _ extra: String = "") {
        if !expanded {
            line("  - {between: [\(scalar(a)), \(scalar(b))]\(extra)}")
            return
        }
        let first = NameTemplate(a)
        let second = NameTemplate(b)
        for instance in first.instances() {
            for other in second.names(captures: instance.values) {
                line("  - {between: [\(instance.name), \(other)]\(extra)}")
            }
        }
    }

    // MARK: - Sections

    mutating func run() {
        writeHeader()
        writeSites()
        writePods()
        writeRacks()
        writeSwitches()
        writeLinks()
        writeVLANs()
        writeZones()
        writeClusters()
        writeWorkloads()
        writeDomains()
        flush()
    }

    private mutating func writeHeader() {
        let form = expanded ? "expanded" : "pattern"
        line("# Generated by `topolint generate --profile \(plan.profile.rawValue) --seed \(plan.seed)`"
             + (expanded ? " --expanded" : "") + ".")
        line("# A leaf-spine design over \(plan.sites.count) sites with deliberate design problems.")
        line("topology: gen-\(plan.profile.rawValue)-\(plan.seed)")
        line("version: 1")
        line("description: \(quoted("\(plan.profile.rawValue) profile, seed \(plan.seed), \(form) form"))")
        line("")
    }

    private mutating func writeSites() {
        line("sites:")
        let roles = ["primary campus", "metro partner site", "remote site", "regional site"]
        for (s, name) in plan.sites.enumerated() {
            line("  \(name): {description: \(quoted(roles[min(s, roles.count - 1)]))}")
        }
        line("")
        line("site_links:")
        for link in plan.siteLinks {
            line("  - {between: [\(plan.sites[link.a]), \(plan.sites[link.b])], rtt_ms: \(link.rtt), "
                 + "bandwidth_gbps: \(link.bandwidth)}")
        }
        line("")
    }

    /// Runs of consecutive pods of one kind in a site: (first, last) pod indices.
    private func podRuns(site: Int) -> [(Int, Int)] {
        var runs: [(Int, Int)] = []
        for p in plan.pods.indices where plan.pods[p].site == site {
            if let last = runs.last, last.1 == p - 1, plan.pods[last.1].kind == plan.pods[p].kind {
                runs[runs.count - 1].1 = p
            } else {
                runs.append((p, p))
            }
        }
        return runs
    }

    private func podRange(_ first: Int, _ last: Int) -> String {
        let site = plan.sites[plan.pods[first].site]
        return "\(site)-p" + rangeText(plan.pods[first].number, plan.pods[last].number, width: 2)
    }

    private mutating func writePods() {
        line("pods:")
        for s in plan.sites.indices {
            for (first, last) in podRuns(site: s) {
                let tag = plan.pods[first].kind == .evpn ? "[evpn]" : "[legacy]"
                entry("  ", podRange(first, last), [("site", .raw(plan.sites[s])), ("tags", .raw(tag))])
            }
        }
        line("")
    }

    private mutating func writeRacks() {
        line("racks:")
        let racks = rangeText(1, plan.shape.racksPerPod, width: 3)
        for s in plan.sites.indices {
            let inSite = plan.pods.indices.filter { plan.pods[$0].site == s }
            guard let first = inSite.first, let last = inSite.last else { continue }
            if first == last {
                entry("  ", "\(plan.pods[first].name)-r\(racks)", [("pod", .ref(plan.pods[first].name))])
            } else {
                entry("  ", "\(podRange(first, last))-r\(racks)", [("pod", .ref("\(plan.sites[s])-p{1}"))])
            }
        }
        line("")
    }

    private mutating func writeSwitches() {
        line("switches:")
        for s in plan.sites.indices {
            let site = plan.sites[s]
            let carried = plan.borderVLANs[s]
            var border: [(String, Field)] = [("site", .raw(site)), ("role", .raw("border"))]
            var dci: [(String, Field)] = [("site", .raw(site)), ("role", .raw("dci"))]
            if !carried.isEmpty {
                border.append(("vlans", .raw(vlanList(carried))))
                dci.append(("vlans", .raw(vlanList(carried))))
            }
            entry("  ", "\(site)-border[1:2]", border)
            entry("  ", "\(site)-dci[1:2]", dci)
            for (first, last) in podRuns(site: s) where plan.pods[first].kind == .evpn {
                let key = "\(podRange(first, last))-spine[1:\(plan.pods[first].spines)]"
                let pod = first == last ? plan.pods[first].name : "\(site)-p{1}"
                entry("  ", key, [("pod", .ref(pod)), ("role", .raw("spine"))])
            }
            for p in plan.pods.indices where plan.pods[p].site == s {
                writeLeaves(p)
                let pod = plan.pods[p]
                if pod.kind == .legacy {
                    let vlans = vlanList(pod.vlans + pod.podExtras + pod.spineExtras)
                    entry("  ", "\(pod.name)-spine[1:\(pod.spines)]",
                          [("pod", .raw(pod.name)), ("role", .raw("aggregation")), ("vlans", .raw(vlans))])
                }
            }
        }
        line("")
    }

    private mutating func writeLeaves(_ p: Int) {
        let pod = plan.pods[p]
        let evpn = pod.kind == .evpn
        let base = pod.vlans + pod.podExtras
        var start = 0
        let racks = pod.rackExtras.count
        while start < racks {
            var end = start
            while end + 1 < racks, pod.rackExtras[end + 1] == pod.rackExtras[start],
                  pod.leaf1Extras[end + 1] == pod.leaf1Extras[start] {
                end += 1
            }
            let rackKey = "\(pod.name)-r" + rangeText(start + 1, end + 1, width: 3)
            let rackRef = start == end ? rackKey : "\(pod.name)-r{1}"
            let both = base + pod.rackExtras[start]
            func fields(_ vlans: [Int]) -> [(String, Field)] {
                var f: [(String, Field)] = [("rack", .ref(rackRef)), ("role", .raw(evpn ? "leaf" : "access"))]
                if evpn { f.append(("vtep", .raw("true"))) }
                f.append(("vlans", .raw(vlanList(vlans))))
                return f
            }
            if pod.leaf1Extras[start].isEmpty {
                entry("  ", "\(rackKey)-leaf[1:2]", fields(both))
            } else {
                entry("  ", "\(rackKey)-leaf1", fields(both + pod.leaf1Extras[start]))
                entry("  ", "\(rackKey)-leaf2", fields(both))
            }
            start = end + 1
        }
    }

    private mutating func writeLinks() {
        line("links:")
        let allRacks = rangeText(1, plan.shape.racksPerPod, width: 3)
        for s in plan.sites.indices {
            let site = plan.sites[s]
            for p in plan.pods.indices where plan.pods[p].site == s {
                let pod = plan.pods[p]
                let leaves = "\(pod.name)-r\(allRacks)-leaf[1:2]"
                let spines = "\(pod.name)-spine[1:\(pod.spines)]"
                if pod.kind == .evpn {
                    link(leaves, spines, ", mode: routed")
                } else {
                    link(leaves, spines)
                    link("\(pod.name)-r\(allRacks)-leaf1", "\(pod.name)-r{1}-leaf2")
                    link("\(pod.name)-spine1", "\(pod.name)-spine2")
                }
            }
            for (first, last) in podRuns(site: s) {
                link("\(podRange(first, last))-spine[1:\(plan.pods[first].spines)]", "\(site)-border[1:2]",
                     ", mode: routed")
            }
            for trunk in plan.spineBorderTrunks where plan.pods[trunk.pod].site == s {
                let pod = plan.pods[trunk.pod]
                link("\(pod.name)-spine[1:\(pod.spines)]", "\(site)-border[1:2]", ", vlans: \(vlanList(trunk.vlans))")
            }
            link("\(site)-border[1:2]", "\(site)-dci[1:2]", ", mode: routed")
            if !plan.borderVLANs[s].isEmpty {
                link("\(site)-border[1:2]", "\(site)-dci[1:2]", ", vlans: \(vlanList(plan.borderVLANs[s]))")
            }
        }
        for siteLink in plan.siteLinks {
            let a = plan.sites[siteLink.a], b = plan.sites[siteLink.b]
            link("\(a)-dci[1:2]", "\(b)-dci{1}", ", mode: routed")
            let shared = plan.dciTrunkVLANs.filter {
                plan.borderVLANs[siteLink.a].contains($0) && plan.borderVLANs[siteLink.b].contains($0)
            }
            if !shared.isEmpty {
                link("\(a)-dci[1:2]", "\(b)-dci{1}", ", vlans: \(vlanList(shared))")
            }
        }
        line("")
    }

    private mutating func writeVLANs() {
        line("vlans:")
        for vlan in plan.vlans {
            var fields: [(String, Field)] = [("id", .raw(String(vlan.id)))]
            if let vni = vlan.vni { fields.append(("vni", .raw(String(vni)))) }
            if let subnet = vlan.subnet {
                // IPv6 prefixes are quoted: a plain scalar with colons reads badly in flow style.
                fields.append(("subnet", .raw(subnet.contains(":") ? quoted(subnet) : subnet)))
            }
            if let zone = vlan.zone { fields.append(("zone", .raw(zone))) }
            switch vlan.gateway {
            case .none: break
            case .anycast(let refs): fields.append(("gateway", .anycast(refs)))
            case .redundant(let active, let standby):
                fields.append(("gateway", .raw("{active: \(active), standby: \(list(standby))}")))
            }
            if let description = vlan.description { fields.append(("description", .raw(quoted(description)))) }
            if !vlan.ignore.isEmpty { fields.append(("ignore", .raw(ignoreField(vlan.ignore)))) }
            entry("  ", vlan.name, fields)
        }
        line("")
    }

    private mutating func writeZones() {
        line("zones:")
        line("  infra: {description: \"management, vMotion and out-of-band networks\"}")
        line("  storage: {}")
        line("  prod: {}")
        line("  dev: {}")
        line("  dmz: {description: \"internet-facing services\"}")
        line("  backup: {}")
        line("  pci: {shared_hosts: false, description: \"cardholder data environment, dedicated hosts only\"}")
        line("")
    }

    private mutating func writeClusters() {
        line("clusters:")
        for cluster in plan.clusters {
            let pod = plan.pods[cluster.pod].name
            line("  \(cluster.name):")
            line("    platform: \(cluster.platform.name)")
            if let maxHosts = cluster.maxHosts { line("    max_hosts: \(maxHosts)") }
            if !cluster.tags.isEmpty { line("    tags: \(list(cluster.tags))") }
            if let description = cluster.description { line("    description: \(quoted(description))") }
            if !cluster.ignore.isEmpty { line("    ignore: \(ignoreField(cluster.ignore))") }
            line("    vlans: \(vlanList(cluster.vlans))")
            line("    hosts:")
            for segment in cluster.segments where segment.rackFrom <= segment.rackTo && segment.hostFrom <= segment.hostTo {
                let rackKey = "\(pod)-r" + rangeText(segment.rackFrom, segment.rackTo, width: 3)
                let rackRef = segment.rackFrom == segment.rackTo ? rackKey : "\(pod)-r{1}"
                let key = "\(rackKey)-\(cluster.platform.hostPrefix)" + rangeText(segment.hostFrom, segment.hostTo, width: 2)
                var fields: [(String, Field)] = [
                    ("rack", .ref(rackRef)), ("uplinks", .refs(["\(rackRef)-leaf1", "\(rackRef)-leaf2"])),
                ]
                if !segment.extraVLANs.isEmpty { fields.append(("vlans", .raw(vlanList(segment.extraVLANs)))) }
                entry("      ", key, fields)
            }
        }
        line("")
    }

    private mutating func writeWorkloads() {
        line("workloads:")
        for group in plan.workloads {
            let key: String
            if group.instances == 1 {
                key = group.stem
            } else {
                let width = group.instances >= 10 ? 2 : 1
                key = "\(group.stem)-" + rangeText(1, group.instances, width: width)
            }
            var fields: [(String, Field)] = [
                ("cluster", .raw(plan.clusters[group.cluster].name)),
                ("vlans", .raw(vlanList(group.vlans))),
                ("count", .raw(String(group.count))),
            ]
            if let description = group.description { fields.append(("description", .raw(quoted(description)))) }
            entry("  ", key, fields)
        }
        line("")
    }

    private mutating func writeDomains() {
        line("migration_domains:")
        for domain in plan.domains {
            line("  \(domain.name):")
            line("    description: \(quoted(domain.description))")
            line("    clusters: \(list(domain.clusters.map { plan.clusters[$0].name }))")
            if let workloads = domain.workloads { line("    workloads: \(list(workloads))") }
        }
    }
}
