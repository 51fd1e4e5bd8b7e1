/// Small topologies the rule tests vary. Each is valid on its own.
enum Fixture {
    /// Two sites 8 ms apart, a vSphere 4.1 cluster in each, VLAN web bridged between their
    /// ToRs, gateway in fra1; workload shop (40 VMs) on prod-a in fra1.
    static func twoSites(rtt: String = "8", gateway: String = "fra1-tor", workloadCluster: String = "prod-a",
                         platformB: String = "vsphere-4.1", siteLinks: Bool = true, extra: String = "") -> String {
        """
        topology: two-sites
        version: 1
        sites: {fra1: {}, ams1: {}}
        site_links: [\(siteLinks ? "{between: [fra1, ams1], rtt_ms: \(rtt)}" : "")]
        pods: {fra1-p1: {site: fra1}, ams1-p1: {site: ams1}}
        racks: {fra1-r1: {pod: fra1-p1}, ams1-r1: {pod: ams1-p1}}
        switches:
          fra1-tor: {rack: fra1-r1, vlans: [web]}
          ams1-tor: {rack: ams1-r1, vlans: [web]}
        links: [{between: [fra1-tor, ams1-tor]}]
        vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: \(gateway)}}
        clusters:
          prod-a: {platform: vsphere-4.1, vlans: [web], hosts: {"fra1-esx[1:4]": {rack: fra1-r1, uplinks: [fra1-tor]}}}
          dr-b: {platform: \(platformB), vlans: [web], hosts: {"ams1-esx[1:4]": {rack: ams1-r1, uplinks: [ams1-tor]}}}
        workloads: {shop: {cluster: \(workloadCluster), vlans: [web], count: 40}}
        \(extra)
        """
    }

    /// One pod with two racks; a cluster per rack; VLAN web on both ToRs.
    static func onePod(count: Int = 40, extra: String = "") -> String {
        """
        topology: one-pod
        version: 1
        sites: {dc1: {}}
        pods: {p1: {site: dc1}}
        racks: {"r[1:2]": {pod: p1}}
        switches:
          "tor[1:2]": {rack: "r{1}", vlans: [web]}
        links: [{between: [tor1, tor2]}]
        vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: tor1}}
        clusters:
          a: {platform: vsphere-7.0, vlans: [web], hosts: {"a-esx[1:4]": {rack: r1, uplinks: [tor1]}}}
          b: {platform: vsphere-7.0, vlans: [web], hosts: {"b-esx[1:4]": {rack: r2, uplinks: [tor2]}}}
        workloads: {shop: {cluster: a, vlans: [web], count: \(count)}}
        \(extra)
        """
    }

    /// One site, two pods, VLAN app bridged between the pods' aggregation switches.
    static let twoPods = """
        topology: two-pods
        version: 1
        sites: {dc1: {}}
        pods: {p1: {site: dc1}, p2: {site: dc1}}
        switches:
          agg1: {pod: p1, role: aggregation, vlans: [app]}
          agg2: {pod: p2, role: aggregation, vlans: [app]}
        links: [{between: [agg1, agg2]}]
        vlans: {app: {id: 300, gateway: agg1}}
        """
}
