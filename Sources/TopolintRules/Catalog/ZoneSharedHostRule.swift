import TopolintCore
import TopolintModel

/// TL500: hosts carrying a no-sharing zone's VLANs together with another zone's.
public struct ZoneSharedHostRule: Rule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "TL500", name: "zone-shared-host",
        summary: "Hosts of a cluster carry VLANs of two security zones, one of which must not share hosts.",
        rationale: """
        A hypervisor that carries VLANs of two zones bridges their trust boundary inside one box: \
        a hypervisor escape, a misassigned port group or a mistagged vNIC puts a VM straight into the \
        other zone, past the firewall between them. Zones marked shared_hosts: false (a DMZ, a PCI \
        zone) need their own hosts.
        """,
        trigger: "a host carries VLANs of two or more zones and one of them has shared_hosts: false; once per cluster, naming the hosts and the union of their zones.",
        scoreFormula: "high: 7.0 + 1.9·min(1, hosts/32).",
        fix: "give the restricted zone its own cluster, or its own hosts with its workloads pinned to them (a workload's hosts), or move the other zone's VLANs off these hosts",
        defaultSeverity: .high, subjectKind: "cluster",
        failingExample: """
        topology: mixed-zones
        version: 1
        sites: {dc1: {}}
        racks: {r1: {site: dc1}}
        switches: {tor1: {rack: r1, vlans: [web, pci]}}
        zones: {dmz: {}, cardholder: {shared_hosts: false}}
        vlans: {web: {id: 100, zone: dmz}, pci: {id: 200, zone: cardholder}}
        clusters:
          shared: {vlans: [web, pci], hosts: {"esx[1:4]": {rack: r1, uplinks: [tor1]}}}
        # ^ TL500
        """,
        passingExample: """
        topology: separate-zones
        version: 1
        sites: {dc1: {}}
        racks: {r1: {site: dc1}}
        switches: {tor1: {rack: r1, vlans: [web, pci]}}
        zones: {dmz: {}, cardholder: {shared_hosts: false}}
        vlans: {web: {id: 100, zone: dmz}, pci: {id: 200, zone: cardholder}}
        clusters:
          web: {vlans: [web], hosts: {"esx[1:4]": {rack: r1, uplinks: [tor1]}}}
          pci: {vlans: [pci], hosts: {"pci-esx[1:2]": {rack: r1, uplinks: [tor1]}}}
        """)

    public func check(_ context: RuleContext) -> [Finding] {
        let t = context.topology
        var findings: [Finding] = []
        for cluster in t.clusters {
            var hosts: [String] = [], zones = Set<Int>()
            // Hosts of a cluster mostly carry one list of VLANs (the loader shares equal
            // lists), so the zones of a list are worked out once, not once per host.
            var previous: (vlans: [Int], zones: Set<Int>, mixed: Bool)?
            for h in cluster.hosts {
                let vlans = t.hosts[h].vlans
                if previous == nil || previous!.vlans != vlans {
                    let hostZones = Set(vlans.compactMap { t.vlans[$0].zone })
                    previous = (vlans, hostZones, hostZones.count >= 2 && hostZones.contains(where: { !t.zones[$0].sharedHosts }))
                }
                guard let (_, hostZones, mixed) = previous, mixed else { continue }
                hosts.append(t.hostName(h))
                zones.formUnion(hostZones)
            }
            guard !hosts.isEmpty else { continue }
            let zoneNames = zones.map { t.zones[$0].name }.sorted()
            let restricted = zones.filter { !t.zones[$0].sharedHosts }.map { t.zones[$0].name }.sorted()
            // "zones cardholder and dmz; cardholder must not share hosts", "1 host … carries".
            let zoneList = zoneNames.count == 2 ? "\(zoneNames[0]) and \(zoneNames[1])" : zoneNames.joined(separator: ", ")
            let mustNot = restricted.count == 1 ? "\(restricted[0]) must" : "\(restricted.joined(separator: ", ")) must each"
            let message = "\(counted(hosts.count, "host")) of cluster \(cluster.name) (\(context.list(hosts.sorted(), max: 4))) "
                + "\(hosts.count == 1 ? "carries" : "carry") VLANs of zones \(zoneList); \(mustNot) not share hosts"
            findings.append(descriptor.finding(
                score: Band.within(.high, Double(hosts.count) / 32), message: message,
                subject: Subject(kind: "cluster", name: cluster.name), location: cluster.location,
                context: [("zones", .strings(zoneNames)), ("hosts", .int(hosts.count))]))
        }
        return findings
    }
}
