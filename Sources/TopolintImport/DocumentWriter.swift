/// Writes an `ImportDocument` as a version 1 topology file.
///
/// The output depends only on the document's contents: mappings are written sorted by name,
/// links by their ends (then in the order given), lists of VLANs and uplinks as given (the
/// importer sorts them). Every entity is one line `name: {fields}`, with its notes as
/// comments on the lines above it.
public enum DocumentWriter {
    public static func write(_ document: ImportDocument) -> String {
        var out = Output()
        for line in document.header { out.comment(line, indent: "") }
        out.line("topology: \(YAMLScalar.string(document.name))")
        out.line("version: 1")
        if let description = document.description { out.line("description: \(YAMLScalar.quoted(description))") }

        let notes = document.sectionNotes
        section(&out, .sites, notes, sorted(document.sites, \.name)) { site in
            (site.name, extra(site.extra), site.notes)
        }
        listSection(&out, .siteLinks, notes, document.siteLinks, ends: \.a, \.b) { link in
            ([("between", list([link.a, link.b])), ("rtt_ms", number(link.rttMs))]
                + (link.bandwidthGbps.map { [("bandwidth_gbps", number($0))] } ?? []) + extra(link.extra), link.notes)
        }
        section(&out, .pods, notes, sorted(document.pods, \.name)) { pod in
            (pod.name, [("site", s(pod.site))] + extra(pod.extra), pod.notes)
        }
        section(&out, .racks, notes, sorted(document.racks, \.name)) { rack in
            (rack.name, [("pod", rack.pod.map(s)), ("site", rack.site.map(s))].compactMap(present) + extra(rack.extra), rack.notes)
        }
        section(&out, .switches, notes, sorted(document.switches, \.name)) { sw in
            var fields: [(String, String)] = []
            if let rack = sw.rack { fields.append(("rack", s(rack))) }
            if let pod = sw.pod { fields.append(("pod", s(pod))) }
            if let site = sw.site { fields.append(("site", s(site))) }
            if let role = sw.role { fields.append(("role", role.rawValue)) }
            if sw.allVLANs { fields.append(("vlans", "all")) } else if !sw.vlans.isEmpty { fields.append(("vlans", list(sw.vlans))) }
            if sw.vtep { fields.append(("vtep", "true")) }
            return (sw.name, fields + extra(sw.extra), sw.notes)
        }
        listSection(&out, .links, notes, document.links, ends: \.a, \.b) { link in
            var fields: [(String, String)] = [("between", list([link.a, link.b]))]
            switch link.mode {
            case .routed: fields.append(("mode", "routed"))
            case .trunk where link.allVLANs: break
            case .trunk: fields.append(("vlans", list(link.vlans)))
            }
            return (fields + extra(link.extra), link.notes)
        }
        section(&out, .vlans, notes, sorted(document.vlans, \.name)) { vlan in
            var fields: [(String, String)] = [("id", String(vlan.id))]
            if let subnet = vlan.subnet { fields.append(("subnet", s(subnet))) }
            if let vni = vlan.vni { fields.append(("vni", String(vni))) }
            if let gateway = vlan.gateway { fields.append(("gateway", gatewayText(gateway))) }
            if let zone = vlan.zone { fields.append(("zone", s(zone))) }
            return (vlan.name, fields + extra(vlan.extra), vlan.notes)
        }
        section(&out, .zones, notes, sorted(document.zones, \.name)) { zone in
            (zone.name, [("shared_hosts", zone.sharedHosts.map { $0 ? "true" : "false" })].compactMap(present) + extra(zone.extra), zone.notes)
        }
        writeClusters(&out, sorted(document.clusters, \.name), notes[.clusters] ?? [])
        section(&out, .workloads, notes, sorted(document.workloads, \.name)) { workload in
            (workload.name, [("cluster", s(workload.cluster)), ("vlans", list(workload.vlans)), ("count", String(workload.count))] + extra(workload.extra), workload.notes)
        }
        section(&out, .migrationDomains, notes, sorted(document.migrationDomains, \.name)) { domain in
            (domain.name, [("clusters", list(domain.clusters)), ("workloads", domain.workloads.map(list))].compactMap(present) + extra(domain.extra), domain.notes)
        }
        return out.text
    }

    // MARK: - Pieces

    private struct Output {
        var text = ""
        mutating func line(_ line: String) { text += line + "\n" }
        mutating func comment(_ note: String, indent: String) {
            let body = YAMLScalar.commentText(note)
            line(body.isEmpty ? "\(indent)#" : "\(indent)# \(body)")
        }
    }

    private static func s(_ text: String) -> String { YAMLScalar.string(text) }

    private static func present(_ field: (String, String?)) -> (String, String)? {
        field.1.map { (field.0, $0) }
    }

    private static func list(_ names: [String]) -> String {
        "[" + names.map(s).joined(separator: ", ") + "]"
    }

    private static func flow(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
    }

    private static func gatewayText(_ gateway: ImportDocument.Gateway) -> String {
        switch gateway {
        case let .single(name): s(name)
        case let .activeStandby(active, standby): "{active: \(s(active)), standby: \(list(standby))}"
        case let .anycast(names): "{anycast: \(list(names))}"
        }
    }

    /// Sorted by name; `<` on the names' UTF-8 bytes, so no locale or normalization enters.
    private static func sorted<T>(_ items: [T], _ name: KeyPath<T, String>) -> [T] {
        items.enumerated().sorted { lhs, rhs in
            let a = Array(lhs.element[keyPath: name].utf8), b = Array(rhs.element[keyPath: name].utf8)
            return a == b ? lhs.offset < rhs.offset : a.lexicographicallyPrecedes(b)
        }.map(\.element)
    }

    /// A mapping section: omitted when empty and without notes.
    private static func section<T>(_ out: inout Output, _ section: ImportDocument.Section, _ notes: [ImportDocument.Section: [String]],
                                   _ items: [T], _ describe: (T) -> (String, [(String, String)], [String])) {
        let head = notes[section] ?? []
        guard !items.isEmpty || !head.isEmpty else { return }
        out.line(items.isEmpty ? "\(section.rawValue): {}" : "\(section.rawValue):")
        for note in head { out.comment(note, indent: "  ") }
        for item in items {
            let (name, fields, itemNotes) = describe(item)
            for note in itemNotes { out.comment(note, indent: "  ") }
            out.line("  \(s(name)): \(flow(fields))")
        }
    }

    /// A list section (links, site links): omitted when empty and without notes; items
    /// ordered by their two ends, then as given.
    private static func listSection<T>(_ out: inout Output, _ section: ImportDocument.Section, _ notes: [ImportDocument.Section: [String]],
                                       _ items: [T], ends a: KeyPath<T, String>, _ b: KeyPath<T, String>,
                                       _ describe: (T) -> ([(String, String)], [String])) {
        let head = notes[section] ?? []
        guard !items.isEmpty || !head.isEmpty else { return }
        out.line(items.isEmpty ? "\(section.rawValue): []" : "\(section.rawValue):")
        for note in head { out.comment(note, indent: "  ") }
        for item in byEnds(items, a, b) {
            let (fields, itemNotes) = describe(item)
            for note in itemNotes { out.comment(note, indent: "  ") }
            out.line("  - \(flow(fields))")
        }
    }

    /// Ordered by their two ends (UTF-8 bytes), then as given.
    private static func byEnds<T>(_ items: [T], _ a: KeyPath<T, String>, _ b: KeyPath<T, String>) -> [T] {
        items.enumerated().sorted { lhs, rhs in
            let l = (Array(lhs.element[keyPath: a].utf8), Array(lhs.element[keyPath: b].utf8))
            let r = (Array(rhs.element[keyPath: a].utf8), Array(rhs.element[keyPath: b].utf8))
            if l.0 != r.0 { return l.0.lexicographicallyPrecedes(r.0) }
            if l.1 != r.1 { return l.1.lexicographicallyPrecedes(r.1) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// A whole number without a fraction (`8`), anything else as Swift prints it (`2.5`).
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func extra(_ fields: [ImportField]) -> [(String, String)] {
        fields.map { (s($0.key), value($0.value)) }
    }

    private static func value(_ value: ImportValue) -> String {
        switch value {
        case let .text(text): s(text)
        case let .keyword(word): word
        case let .int(n): String(n)
        case let .number(d): number(d)
        case let .bool(b): b ? "true" : "false"
        case let .list(items): "[" + items.map(Self.value).joined(separator: ", ") + "]"
        case let .map(fields): flow(extra(fields))
        }
    }

    private static func writeClusters(_ out: inout Output, _ clusters: [ImportDocument.Cluster], _ head: [String]) {
        guard !clusters.isEmpty || !head.isEmpty else { return }
        out.line(clusters.isEmpty ? "clusters: {}" : "clusters:")
        for note in head { out.comment(note, indent: "  ") }
        for cluster in clusters {
            for note in cluster.notes { out.comment(note, indent: "  ") }
            out.line("  \(s(cluster.name)):")
            if let platform = cluster.platform { out.line("    platform: \(s(platform))") }
            if let max = cluster.maxHosts { out.line("    max_hosts: \(max)") }
            if !cluster.vlans.isEmpty { out.line("    vlans: \(list(cluster.vlans))") }
            for field in extra(cluster.extra) { out.line("    \(field.0): \(field.1)") }
            out.line(cluster.hosts.isEmpty ? "    hosts: {}" : "    hosts:")
            for host in sorted(cluster.hosts, \.name) {
                for note in host.notes { out.comment(note, indent: "      ") }
                var fields: [(String, String)] = [("rack", s(host.rack)), ("uplinks", list(host.uplinks))]
                if !host.vlans.isEmpty { fields.append(("vlans", list(host.vlans))) }
                out.line("      \(s(host.name)): \(flow(fields + extra(host.extra)))")
            }
            for note in cluster.trailingNotes { out.comment(note, indent: "      ") }
        }
    }
}
