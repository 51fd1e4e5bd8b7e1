import TopolintCore
import TopolintModel
import TopolintAnalysis

/// Builds the drawing's geometry from the model and its analysis. The findings say which
/// domains the rules flagged and which subjects the drawing must be able to highlight.
public enum PictureBuilder {
    /// Sites, pods, racks and switches keep the model's order (and so its indexes); racks
    /// without a pod get one unnamed pod per site, after the named ones. With `vlan`, the
    /// drawing shows every broadcast domain of that VLAN and only its trombones.
    public static func build(_ analysis: Analysis, findings: [Finding], vlan: Int? = nil) -> Picture {
        let t = analysis.topology
        var picture = Picture(title: t.name)
        picture.sites = t.sites.map { Picture.Site(name: $0.name) }
        picture.siteLinks = t.siteLinks.filter { $0.a >= 0 && $0.b >= 0 }.map { Picture.SiteLink(a: $0.a, b: $0.b, rttMs: $0.rttMs) }
        picture.pods = t.pods.map { Picture.Pod(name: $0.name, site: $0.site) }
        var loosePod: [Int: Int] = [:]
        var hostsPerRack = [Int](repeating: 0, count: t.racks.count)
        for host in t.hosts { hostsPerRack[host.rack] += 1 }
        for (r, rack) in t.racks.enumerated() {
            let pod: Int
            if let p = rack.pod { pod = p } else if let p = loosePod[rack.site] { pod = p } else {
                pod = picture.pods.count
                loosePod[rack.site] = pod
                picture.pods.append(Picture.Pod(name: "", site: rack.site))
            }
            picture.racks.append(Picture.Rack(name: rack.name, pod: pod, hosts: hostsPerRack[r]))
        }
        picture.switches = t.switches.map { s in
            let p = s.placement
            return Picture.Switch(name: s.name, role: s.role.rawValue, site: p.site >= 0 ? p.site : nil, pod: p.pod, rack: p.rack)
        }
        picture.bands = bands(analysis, findings: findings, racks: picture.racks, only: vlan)
        picture.trombones = (trombones(analysis) + migrationTrombones(analysis, findings: findings))
            .filter { vlan == nil || $0.vlan == t.vlans[vlan!].name }
        var seen = Set<Subject>()
        // Hosts are many: findings about hosts look their rack up by name once.
        let hostRacks = findings.contains { $0.subject.kind == "host" }
            ? Dictionary(t.hosts.indices.map { (t.hostName($0), t.hosts[$0].rack) }, uniquingKeysWith: { first, _ in first }) : [:]
        for finding in findings where seen.insert(finding.subject).inserted {
            let highlight = highlight(finding.subject, picture: picture, analysis: analysis, hostRacks: hostRacks)
            if !highlight.isEmpty { picture.highlights.append(highlight) }
        }
        return picture
    }

    /// The domains to draw: those reaching across pods or sites, and any a stretched-VLAN or
    /// oversized-domain finding names (a strict pack flags narrower ones; size is not reach).
    static func bands(_ analysis: Analysis, findings: [Finding], racks: [Picture.Rack], only: Int? = nil) -> [Picture.Band] {
        let t = analysis.topology
        var flagged: [String: Set<String>] = [:]
        for f in findings {
            let reason: String
            switch f.ruleID {
            case "TL200": reason = "stretched"
            case "TL100": reason = "oversized"
            default: continue
            }
            guard case let .string(first)? = f.contextValue("switch") else { continue }
            flagged["\(f.subject.name)\u{1F}\(first)", default: []].insert(reason)
        }
        var bands: [Picture.Band] = []
        let vlans = only.map { [$0] } ?? t.vlans.indices.sorted(by: { t.vlans[$0].name < t.vlans[$1].name })
        for v in vlans {
            for d in analysis.domains(ofVLAN: v) {
                let first = t.switches[d.firstSwitch].name
                var reasons = flagged["\(t.vlans[v].name)\u{1F}\(first)"] ?? []
                if d.scope >= .site { reasons.insert("stretched") }
                guard !reasons.isEmpty || only != nil else { continue }
                bands.append(Picture.Band(
                    vlan: t.vlans[v].name, vlanID: t.vlans[v].id, scope: d.scope.rawValue, switchCount: d.switches.count,
                    hosts: d.hostCount, endpoints: d.roundedEndpoints, firstSwitch: first,
                    // Racks of a site without a pod stand in that site's unnamed pod.
                    sites: d.sites, pods: Array(Set(d.pods + d.racks.map { racks[$0].pod })).sorted(), racks: d.racks,
                    reasons: reasons.sorted()))
            }
        }
        return bands
    }

    /// Endpoints whose nearest gateway stands in another site, per VLAN, endpoint site and
    /// gateway: what the drawing shows as one arrow each.
    static func trombones(_ analysis: Analysis) -> [Picture.Trombone] {
        let t = analysis.topology
        struct Key: Hashable { var vlan: Int; var from: Int; var gateway: Int }
        var acc: [Key: (rtt: Double?, endpoints: Double, hosts: Set<Int>, workloads: Set<String>)] = [:]
        // Many workloads share a cluster and VLAN: their hosts' gateways are looked up once.
        struct ClusterVLAN: Hashable { var cluster: Int; var vlan: Int }
        var reaches: [ClusterVLAN: (carriers: Int, away: [(host: Int, site: Int, reach: GatewayReach)])] = [:]
        func reach(of hosts: [Int], vlan v: Int) -> (carriers: Int, away: [(host: Int, site: Int, reach: GatewayReach)]) {
            let carriers = hosts.filter { binarySearch(t.hosts[$0].vlans, v) }
            let away = carriers.compactMap { h -> (host: Int, site: Int, reach: GatewayReach)? in
                guard let reach = analysis.nearestGateway(host: h, vlan: v), reach.proximity == .otherSite else { return nil }
                return (h, t.placement(ofHost: h).site, reach)
            }
            return (carriers.count, away)
        }
        for workload in t.workloads {
            for v in workload.vlans where t.vlans[v].gateway != nil {
                let (carriers, away): (Int, [(host: Int, site: Int, reach: GatewayReach)])
                if let pinned = workload.hosts {
                    // A workload pinned to some hosts (`hosts`) has its endpoints there alone.
                    (carriers, away) = reach(of: pinned, vlan: v)
                } else {
                    let key = ClusterVLAN(cluster: workload.cluster, vlan: v)
                    if reaches[key] == nil { reaches[key] = reach(of: Array(t.clusters[workload.cluster].hosts), vlan: v) }
                    (carriers, away) = reaches[key]!
                }
                guard carriers > 0 else { continue }
                let share = Double(workload.count) / Double(carriers)
                for (h, site, reach) in away {
                    let key = Key(vlan: v, from: site, gateway: reach.gateway)
                    var entry = acc[key] ?? (reach.rttMs, 0, [], [])
                    entry.endpoints += share
                    entry.hosts.insert(h)
                    entry.workloads.insert(workload.name)
                    acc[key] = entry
                }
            }
        }
        return acc.map { key, value in
            Picture.Trombone(vlan: t.vlans[key.vlan].name, vlanID: t.vlans[key.vlan].id, fromSite: key.from,
                             toSite: t.switches[key.gateway].placement.site, gateway: t.switches[key.gateway].name,
                             rttMs: value.rtt, endpoints: roundHalfUp(value.endpoints), hosts: value.hosts.count,
                             workloads: value.workloads.sorted())
        }.sorted { ($0.vlan, $0.fromSite, $0.gateway) < ($1.vlan, $1.fromSite, $1.gateway) }
    }

    /// Trombones a migration domain would allow (migration-trombone findings): from the
    /// target cluster's sites that the workload's own cluster is not in, to the gateway's site.
    static func migrationTrombones(_ analysis: Analysis, findings: [Finding]) -> [Picture.Trombone] {
        let t = analysis.topology
        var result: [Picture.Trombone] = []
        var seen = Set<[String]>()
        for f in findings where f.ruleID == "TL401" {
            guard case let .string(vlanName)? = f.contextValue("vlan"), case let .string(workloadName)? = f.contextValue("workload"),
                  case let .string(clusterName)? = f.contextValue("cluster"), case let .string(gatewayName)? = f.contextValue("gateway"),
                  let v = t.vlanIndex(named: vlanName), let target = t.clusterIndex(named: clusterName),
                  let workload = t.workloads.first(where: { $0.name == workloadName }),
                  let g = t.switches.firstIndex(where: { $0.name == gatewayName }) else { continue }
            let gatewaySite = t.switches[g].placement.site
            let own = Set(t.clusters[workload.cluster].hosts.map { t.placement(ofHost: $0).site })
            let targetSites = Set(t.clusters[target].hosts.map { t.placement(ofHost: $0).site })
            // Two domains allowing the same move draw one arrow.
            for site in targetSites.subtracting(own).sorted() where site != gatewaySite
                && seen.insert([vlanName, workloadName, String(site), gatewayName]).inserted {
                result.append(Picture.Trombone(
                    vlan: vlanName, vlanID: t.vlans[v].id, fromSite: site, toSite: gatewaySite, gateway: gatewayName,
                    rttMs: analysis.distances.rtt(site, gatewaySite), endpoints: workload.count, hosts: t.clusters[target].hosts.count,
                    workloads: [workloadName], ifMoved: true))
            }
        }
        return result
    }

    /// What a finding's subject stands for in the drawing.
    static func highlight(_ subject: Subject, picture: Picture, analysis: Analysis, hostRacks: [String: Int] = [:]) -> Picture.Highlight {
        let t = analysis.topology
        var h = Picture.Highlight(subject: subject)
        func racks(ofClusters clusters: [Int]) -> [Int] {
            Array(Set(clusters.flatMap { t.clusters[$0].hosts.map { t.hosts[$0].rack } })).sorted()
        }
        let name = subject.name
        switch subject.kind {
        case "site": h.sites = t.sites.indices.filter { t.sites[$0].name == name }
        case "pod": h.pods = t.pods.indices.filter { t.pods[$0].name == name }
        case "rack": h.racks = t.racks.indices.filter { t.racks[$0].name == name }
        case "switch": h.switches = t.switches.indices.filter { t.switches[$0].name == name }
        case "link":
            // A link's subject name is "a -- b".
            let ends = Set(name.split(separator: " -- ").map(String.init))
            h.switches = t.switches.indices.filter { ends.contains(t.switches[$0].name) }
        case "host": h.racks = hostRacks[name].map { [$0] } ?? []
        case "cluster": h.racks = racks(ofClusters: t.clusters.indices.filter { t.clusters[$0].name == name })
        case "workload":
            h.racks = racks(ofClusters: t.workloads.filter { $0.name == name }.map(\.cluster))
            h.trombones = picture.trombones.indices.filter { picture.trombones[$0].workloads.contains(name) }
        case "migration_domain":
            h.racks = racks(ofClusters: t.migrationDomains.filter { $0.name == name }.flatMap(\.clusters))
            // Its findings about moves (migration-trombone) are the arrows of its workloads.
            let workloads = Set(t.migrationDomains.filter { $0.name == name }.flatMap(\.workloads).map { t.workloads[$0].name })
            h.trombones = picture.trombones.indices.filter { picture.trombones[$0].ifMoved && !workloads.isDisjoint(with: picture.trombones[$0].workloads) }
        case "vlan":
            h.bands = picture.bands.indices.filter { picture.bands[$0].vlan == name }
            h.trombones = picture.trombones.indices.filter { picture.trombones[$0].vlan == name }
            if let v = t.vlanIndex(named: name) {
                h.racks = Array(Set(analysis.domains(ofVLAN: v).flatMap(\.racks))).sorted()
            }
        case "zone":
            let zone = t.zones.firstIndex { $0.name == name }
            let vlans = Set(t.vlans.indices.filter { t.vlans[$0].zone == zone && zone != nil })
            h.racks = Array(Set(t.hosts.filter { $0.vlans.contains(where: vlans.contains) }.map(\.rack))).sorted()
        default: break
        }
        return h
    }
}

/// A VLAN a what-if proposal would have to bridge to one more cluster, with the figures of
/// the domain it would become.
public struct ProposedStretch: Sendable {
    public var vlan: String
    public var cluster: String
    public var scope: String
    public var switches: Int
    public var hosts: Int
    public var endpoints: Int

    public init(vlan: String, cluster: String, scope: String, switches: Int, hosts: Int, endpoints: Int) {
        self.vlan = vlan; self.cluster = cluster; self.scope = scope
        self.switches = switches; self.hosts = hosts; self.endpoints = endpoints
    }
}

extension PictureBuilder {
    /// Adds a band per proposed stretch: the racks, pods and sites the VLAN reaches today
    /// plus those of the cluster it would have to reach.
    public static func addProposals(_ picture: inout Picture, analysis: Analysis, stretches: [ProposedStretch]) {
        let t = analysis.topology
        for s in stretches {
            guard let v = t.vlanIndex(named: s.vlan), let c = t.clusterIndex(named: s.cluster) else { continue }
            let domains = analysis.domains(ofVLAN: v)
            var racks = Set(domains.flatMap(\.racks)), sites = Set(domains.flatMap(\.sites)), pods = Set(domains.flatMap(\.pods))
            for h in t.clusters[c].hosts {
                let p = t.placement(ofHost: h)
                racks.insert(h < t.hosts.count ? t.hosts[h].rack : -1)
                sites.insert(p.site)
            }
            racks.remove(-1)
            pods.formUnion(racks.map { picture.racks[$0].pod })
            var band = Picture.Band(
                vlan: s.vlan, vlanID: t.vlans[v].id, scope: s.scope, switchCount: s.switches, hosts: s.hosts, endpoints: s.endpoints,
                firstSwitch: domains.first.map { t.switches[$0.firstSwitch].name } ?? "",
                sites: sites.sorted(), pods: pods.sorted(), racks: racks.sorted(), reasons: ["proposed"])
            band.note = "if stretched to cluster \(s.cluster)"
            picture.bands.append(band)
        }
    }
}
