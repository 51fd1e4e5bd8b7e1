import TopolintCore
import TopolintYAML

// Where things are: sites, the links between them, pods, racks and zones, and the
// placement of a switch among them.

extension Loader {
    mutating func loadSites(_ entries: [Entry]) {
        let spec = FormatSchema.entity("site")
        for entry in entries {
            common(entry, kind: "site", spec: spec)
            for instance in entry.instances {
                topology.sites.append(Site(name: instance.name, location: location(entry)))
            }
        }
    }

    mutating func loadSiteLinks(_ node: YAMLNode) {
        guard doc.kind(node) == .sequence else {
            error(.schema, "site_links must be a list, not \(describe(node))", at: node)
            return
        }
        let spec = FormatSchema.entity("site_link")
        var seen: [Set<Int>: YAMLNode] = [:]
        var groups = SiteGroups(count: topology.sites.count)
        var overLimit = false
        for item in doc.items(node) {
            let f = fields(of: item, spec: spec, what: "a site link", at: item)
            guard doc.kind(item) == .mapping else { continue }
            var ends: [Int] = []
            if let between = field(f, spec, "between") {
                if doc.kind(between) != .sequence || doc.count(between) != 2 {
                    error(.schema, "between of a site link takes two site names, like [fra1, ams1]", at: between)
                } else {
                    for end in doc.items(between) {
                        guard let name = text(end, [], what: "between of a site link") else { continue }
                        if (try? RangePattern(name))?.isPattern == true {
                            error(.schema, "between of a site link takes plain site names, not the pattern '\(name)'", at: end)
                        } else if let index = resolve(name, at: end, kind: "site", what: "between of a site link")?.first {
                            ends.append(index)
                        }
                    }
                    if ends.count == 2 && ends[0] == ends[1] {
                        error(.schema, "a site link joins two different sites, not '\(topology.sites[ends[0]].name)' to itself", at: between)
                        ends = []
                    }
                }
            }
            let rtt = field(f, spec, "rtt_ms").flatMap { number($0, minimum: 0, what: "rtt_ms") }
            let bandwidth = field(f, spec, "bandwidth_gbps").flatMap { number($0, minimum: 0, what: "bandwidth_gbps") }
            // description, tags and ignore, checked as on every entity; an ignore's subject is
            // the link by its sites' names (no rule reports on a site link, so such an ignore
            // is reported unused).
            let name = ends.count == 2 ? "\(topology.sites[ends[0]].name) -- \(topology.sites[ends[1]].name)" : nil
            common(Entry(key: item, value: item, fields: f, instances: name.map { [($0, [])] } ?? []), kind: "site_link", spec: spec)
            guard ends.count == 2, let rtt else { continue }
            let pair = Set(ends)
            if let first = seen[pair] {
                let at = doc.location(first)
                error(.duplicate, "duplicate site link between \(topology.sites[ends[0]].name) and \(topology.sites[ends[1]].name) (first at line \(at.line), column \(at.column))", at: item)
                continue
            }
            seen[pair] = item
            guard groups.join(ends[0], ends[1], limit: LoadLimits.linkedSitePairs) else {
                // One error at the link that went over, as for every limit; the links after
                // it are still read for their own mistakes.
                if overLimit { continue }
                overLimit = true
                error(.schema, "this site link joins more sites than topolint keeps round-trip times for (\(LoadLimits.linkedSitePairs) pairs of sites joined by site links, as in one group of 2048 sites)", at: item)
                continue
            }
            topology.siteLinks.append(SiteLink(a: ends[0], b: ends[1], rttMs: rtt, bandwidthGbps: bandwidth, location: doc.location(item)))
        }
    }

    mutating func loadPods(_ entries: [Entry]) {
        let spec = FormatSchema.entity("pod")
        for entry in entries {
            common(entry, kind: "pod", spec: spec)
            for instance in entry.instances {
                var site = -1
                if let node = field(entry.fields, spec, "site") {
                    site = single(node, kind: "site", values: instance.values, what: "site of pod '\(instance.name)'") ?? -1
                }
                topology.pods.append(Pod(name: instance.name, site: site, location: location(entry)))
            }
        }
    }

    mutating func loadRacks(_ entries: [Entry]) {
        let spec = FormatSchema.entity("rack")
        // Racks loaded give their nodes back, as switches do (a large design has thousands).
        var pending = 0
        defer { releaseLoaded(entries, before: entries.count, pending: &pending) }
        for (i, entry) in entries.enumerated() {
            releaseLoaded(entries, before: i, pending: &pending)
            common(entry, kind: "rack", spec: spec)
            let podNode = field(entry.fields, spec, "pod"), siteNode = field(entry.fields, spec, "site")
            if podNode == nil && siteNode == nil {
                error(.schema, "rack '\(entry.instances.first?.name ?? doc.string(entry.key))' needs a pod or a site", at: entry.key)
            }
            for instance in entry.instances {
                let pod = podNode.flatMap { single($0, kind: "pod", values: instance.values, what: "pod of rack '\(instance.name)'") }
                var site = pod.map { topology.pods[$0].site } ?? -1
                if let siteNode, let given = single(siteNode, kind: "site", values: instance.values, what: "site of rack '\(instance.name)'") {
                    if let pod, site >= 0, given != site {
                        error(.schema, "rack '\(instance.name)' is in pod '\(topology.pods[pod].name)' of site '\(topology.sites[site].name)', not in site '\(topology.sites[given].name)'", at: siteNode)
                    }
                    site = given
                }
                topology.racks.append(Rack(name: instance.name, pod: pod, site: site, location: location(entry)))
            }
        }
    }

    mutating func loadZones(_ entries: [Entry]) {
        let spec = FormatSchema.entity("zone")
        for entry in entries {
            common(entry, kind: "zone", spec: spec)
            let shared = field(entry.fields, spec, "shared_hosts").flatMap { boolean($0, what: "shared_hosts") } ?? true
            for instance in entry.instances {
                topology.zones.append(Zone(name: instance.name, sharedHosts: shared, location: location(entry)))
            }
        }
    }

    /// A switch's location from rack, pod and site, which must agree where several are given.
    mutating func place(_ instance: (name: String, values: [String]), rack rackNode: YAMLNode?, pod podNode: YAMLNode?, site siteNode: YAMLNode?, what: @autoclosure () -> String) -> Placement {
        var placement = Placement(rack: nil, pod: nil, site: -1)
        if let rackNode, let rack = single(rackNode, kind: "rack", values: instance.values, what: "rack of \(what())") {
            placement = Placement(rack: rack, pod: topology.racks[rack].pod, site: topology.racks[rack].site)
        }
        if let podNode, let pod = single(podNode, kind: "pod", values: instance.values, what: "pod of \(what())") {
            if let rack = placement.rack, topology.racks[rack].pod != pod {
                error(.schema, "\(what()) is in rack '\(topology.racks[rack].name)', which is not in pod '\(topology.pods[pod].name)'", at: podNode)
            } else {
                placement.pod = pod
                placement.site = topology.pods[pod].site
            }
        }
        if let siteNode, let site = single(siteNode, kind: "site", values: instance.values, what: "site of \(what())") {
            if placement.site >= 0 && placement.site != site {
                error(.schema, "\(what()) is in site '\(topology.sites[placement.site].name)' by its rack or pod, not in site '\(topology.sites[site].name)'", at: siteNode)
            } else {
                placement.site = site
            }
        }
        return placement
    }
}
