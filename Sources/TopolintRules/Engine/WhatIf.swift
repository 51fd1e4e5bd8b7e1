import TopolintCore
import TopolintModel
import TopolintAnalysis

/// "What if these clusters became one migration domain?" Broadcast domains do not depend on
/// migration domains, so a proposal re-runs only the rules that read migration domains and
/// reuses everything else: an evaluation costs a small fraction of a full lint.
public struct WhatIfSession: Sendable {
    public let base: RuleContext
    /// Findings of the rules that do not read migration domains: shared by every proposal.
    let stableRaw: [Finding]
    public let before: RuleEngine.Outcome

    public init(_ context: RuleContext) {
        base = context
        stableRaw = RuleEngine.evaluate(context) { !$0.readsMigrationDomains }
        let changing = RuleEngine.evaluate(context) { $0.readsMigrationDomains }
        before = RuleEngine.finish(stableRaw + changing, context: context)
    }

    /// A proposed domain by cluster names; nil with the unknown names (and suggestions).
    /// `workloads` restricts which workloads may move, as a migration domain's `workloads`
    /// does: each must be placed in one of the clusters; nil lets every workload there move.
    public func domain(named name: String, clusters names: [String], workloads workloadNames: [String]? = nil) -> Result<MigrationDomain, WhatIfError> {
        let t = base.topology
        var clusters: [Int] = []
        for n in names {
            guard let c = t.clusterIndex(named: n) else {
                return .failure(WhatIfError(message: "unknown cluster '\(n)'",
                                            suggestion: closestMatch(to: n, among: t.clusters.map(\.name))))
            }
            if !clusters.contains(c) { clusters.append(c) }
        }
        guard !clusters.isEmpty else { return .failure(WhatIfError(message: "a migration domain needs at least one cluster", suggestion: nil)) }
        if t.migrationDomains.contains(where: { $0.name == name }) {
            return .failure(WhatIfError(message: "the topology already has a migration domain named '\(name)'", suggestion: nil))
        }
        var workloads = t.workloads.indices.filter { clusters.contains(t.workloads[$0].cluster) }
        if let workloadNames {
            var listed: [Int] = []
            for n in workloadNames {
                guard let w = t.workloads.firstIndex(where: { $0.name == n }) else {
                    return .failure(WhatIfError(message: "unknown workload '\(n)'",
                                                suggestion: closestMatch(to: n, among: t.workloads.map(\.name))))
                }
                guard clusters.contains(t.workloads[w].cluster) else {
                    return .failure(WhatIfError(message: "workload '\(n)' runs on cluster '\(t.clusters[t.workloads[w].cluster].name)', which is not in the proposed domain", suggestion: nil))
                }
                if !listed.contains(w) { listed.append(w) }
            }
            guard !listed.isEmpty else { return .failure(WhatIfError(message: "--workloads names no workload", suggestion: nil)) }
            workloads = listed
        }
        // A proposal has no line of its own: its findings point at its first cluster.
        return .success(MigrationDomain(name: name, clusters: clusters, workloads: workloads, location: t.clusters[clusters[0]].location))
    }

    /// The findings with `adding` domains added and the `removing` ones taken away.
    public func evaluate(adding: [MigrationDomain], removing: [String] = []) -> WhatIfOutcome {
        var topology = base.topology
        topology.migrationDomains.removeAll { removing.contains($0.name) }
        topology.migrationDomains += adding
        let analysis = base.analysis.replacingMigrationDomains(topology.migrationDomains)
        let context = RuleContext(topology: analysis.topology, analysis: analysis, pack: base.pack)
        let changing = RuleEngine.evaluate(context) { $0.readsMigrationDomains }
        let after = RuleEngine.finish(stableRaw + changing, context: context)
        let beforePrints = Set(before.findings.map(\.fingerprint)), afterPrints = Set(after.findings.map(\.fingerprint))
        return WhatIfOutcome(
            added: after.findings.filter { !beforePrints.contains($0.fingerprint) },
            resolved: before.findings.filter { !afterPrints.contains($0.fingerprint) },
            before: Summary(findings: before.findings, suppressed: before.suppressed.count),
            after: Summary(findings: after.findings, suppressed: after.suppressed.count),
            requirements: adding.map { requirements(of: $0, in: context) })
    }

    /// What a proposed domain asks of the network, in figures.
    func requirements(of domain: MigrationDomain, in context: RuleContext) -> ProposalRequirements {
        let t = context.topology, analysis = context.analysis
        var stretches: [Stretch] = []
        var seen = Set<[Int]>()
        var cache = ClusterDomainCache(context)
        for w in domain.workloads {
            let workload = t.workloads[w]
            for v in workload.vlans {
                let own = cache.domains(workload: w, vlan: v)
                guard !own.isEmpty else { continue }
                for target in domain.clusters where target != workload.cluster && context.sameFamily(workload.cluster, target)
                    && seen.insert([v, target] + own.sorted()).inserted {
                    let hosts = Array(t.clusters[target].hosts)
                    let missing = hosts.filter { h in !analysis.domainsJoined(host: h, vlan: v).contains(where: own.contains) }
                    guard !missing.isEmpty else { continue }
                    stretches.append(stretch(vlan: v, to: target, missing: missing, own: own, context: context))
                }
            }
        }
        // The worst round trip a migration inside the domain would cross, against the limit.
        var worst: (rtt: (value: Double, known: Bool), limit: Double?, sites: [String])?
        let sitesByCluster = domain.clusters.map { (c: $0, sites: context.sites(ofCluster: $0)) }
        for (i, a) in sitesByCluster.enumerated() {
            for b in sitesByCluster[i...] {
                for sa in a.sites {
                    for sb in b.sites where sa < sb {
                        let rtt = context.rtt(sa, sb)
                        let limits = [a.c, b.c].compactMap { context.pack.platform(t.clusters[$0].platform).maxMigrationRTTms }
                        if worst == nil || rtt.value > worst!.rtt.value {
                            worst = (rtt, limits.min(), context.siteNames([sa, sb]))
                        }
                    }
                }
            }
        }
        return ProposalRequirements(
            domain: domain.name, clusters: context.clusterNames(domain.clusters),
            workloads: domain.workloads.map { t.workloads[$0].name }.sorted(),
            restricted: context.movesSomeWorkloads(domain), stretches: stretches.sorted { ($0.vlan, $0.cluster) < ($1.vlan, $1.cluster) },
            worstRTTms: worst.map { $0.rtt.known ? $0.rtt.value : nil } ?? nil, worstRTTKnown: worst?.rtt.known ?? true,
            worstRTTSites: worst?.sites ?? [], rttLimitMs: worst?.limit ?? nil)
    }

    /// The domain a VLAN would become if bridged to the target cluster's hosts: the workload's
    /// domains, any other domain of the VLAN the target's hosts are on (they would merge), and
    /// the target hosts' uplink switches.
    func stretch(vlan v: Int, to target: Int, missing: [Int], own: Set<Int>, context: RuleContext) -> Stretch {
        let t = context.topology, analysis = context.analysis
        var merged = own
        for h in t.clusters[target].hosts { merged.formUnion(analysis.domainsJoined(host: h, vlan: v)) }
        var switches = Set<Int32>(), racks = Set<Int>(), pods = Set<Int>(), sites = Set<Int>()
        var hosts = 0, endpoints = 0.0
        var beforeScope = Scope.rack, beforeSwitches = 0, beforeEndpoints = 0.0
        for d in own {
            let domain = analysis.domains[d]
            beforeScope = max(beforeScope, domain.scope)
            beforeSwitches += domain.switches.count
            beforeEndpoints += domain.endpoints
        }
        for d in merged {
            let domain = analysis.domains[d]
            switches.formUnion(domain.switches)
            racks.formUnion(domain.racks); pods.formUnion(domain.pods); sites.formUnion(domain.sites)
            hosts += domain.hostCount
            endpoints += domain.endpoints
        }
        var newSwitches = Set<Int>()
        for h in missing {
            let p = t.placement(ofHost: h)
            if let r = p.rack { racks.insert(r) }
            if let pod = p.pod { pods.insert(pod) }
            sites.insert(p.site)
            hosts += 1
            for u in t.hosts[h].uplinks where !switches.contains(Int32(u)) {
                switches.insert(Int32(u))
                newSwitches.insert(u)
                let sp = t.switches[u].placement
                if let r = sp.rack { racks.insert(r) }
                if let pod = sp.pod { pods.insert(pod) }
                sites.insert(sp.site)
            }
        }
        // VLANs with the same id that a switch which would have to carry this one already
        // carries: on the wire the two would be one segment (what TL220 reports).
        let id = t.vlans[v].id
        let clashes = t.vlans.indices.filter { w in
            w != v && t.vlans[w].id == id && newSwitches.contains { analysis.carries(switch: $0, vlan: w) }
        }.map { t.vlans[$0].name }.sorted()
        let targetFootprint = context.footprint(ofClusters: [target])
        return Stretch(
            vlan: t.vlans[v].name, cluster: t.clusters[target].name, hostsMissing: missing.count,
            racks: targetFootprint.racks.map { t.racks[$0].name }.sorted(), pods: targetFootprint.pods.map { t.pods[$0].name }.sorted(),
            sites: context.siteNames(Array(targetFootprint.sites)),
            newSwitches: newSwitches.map { t.switches[$0].name }.sorted(),
            scopeBefore: beforeScope.rawValue, scopeAfter: TopolintAnalysis.scope(racks: racks.count, pods: pods.count, sites: sites.count).rawValue,
            switchesBefore: beforeSwitches, switchesAfter: switches.count,
            endpointsBefore: roundHalfUp(beforeEndpoints), endpointsAfter: roundHalfUp(endpoints),
            hostsAfter: hosts, sameIDOnNewSwitches: clashes)
    }
}

public struct WhatIfError: Error, Sendable {
    public var message: String
    public var suggestion: String?
}

public struct WhatIfOutcome: Sendable {
    public var added: [Finding]
    public var resolved: [Finding]
    public var before: Summary
    public var after: Summary
    public var requirements: [ProposalRequirements]
}

/// One VLAN that would have to reach one more cluster, and how its broadcast domain grows.
public struct Stretch: Sendable, Equatable {
    public var vlan: String
    public var cluster: String
    public var hostsMissing: Int
    public var racks: [String]
    public var pods: [String]
    public var sites: [String]
    /// Uplink switches of the target's hosts that would have to carry the VLAN.
    public var newSwitches: [String]
    public var scopeBefore: String
    public var scopeAfter: String
    public var switchesBefore: Int
    public var switchesAfter: Int
    public var endpointsBefore: Int
    public var endpointsAfter: Int
    public var hostsAfter: Int
    /// Other VLANs with this one's id that the new switches already carry: carrying this
    /// one too would make the two one segment.
    public var sameIDOnNewSwitches: [String] = []
}

public struct ProposalRequirements: Sendable, Equatable {
    public var domain: String
    public var clusters: [String]
    /// The workloads the domain lets move, and whether that is fewer than all of its clusters'.
    public var workloads: [String]
    public var restricted: Bool
    public var stretches: [Stretch]
    /// The largest RTT between two of the domain's sites (nil: unknown or one site).
    public var worstRTTms: Double?
    public var worstRTTKnown: Bool
    public var worstRTTSites: [String]
    /// The smallest platform limit for that pair (nil: no limit).
    public var rttLimitMs: Double?
}
