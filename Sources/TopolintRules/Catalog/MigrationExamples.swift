import TopolintModel

/// Topologies shared by the rules' passing examples: two sites with a vSphere 4.1 cluster
/// in each, and one pod with two racks. Failing examples are written out in full, so that
/// each carries the markers of its own findings.
enum MigrationExamples {
    static let twoSites = """
    topology: two-sites
    version: 1
    sites: {fra1: {}, ams1: {}}
    site_links: [{between: [fra1, ams1], rtt_ms: 8}]
    pods: {fra1-p1: {site: fra1}, ams1-p1: {site: ams1}}
    racks: {fra1-r1: {pod: fra1-p1}, ams1-r1: {pod: ams1-p1}}
    switches:
      fra1-tor: {rack: fra1-r1, vlans: [web]}
      ams1-tor: {rack: ams1-r1, vlans: [web]}
    links: [{between: [fra1-tor, ams1-tor]}]
    vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: fra1-tor}}
    clusters:
      prod-a: {platform: vsphere-4.1, vlans: [web], hosts: {"fra1-esx[1:4]": {rack: fra1-r1, uplinks: [fra1-tor]}}}
      dr-b: {platform: vsphere-4.1, vlans: [web], hosts: {"ams1-esx[1:4]": {rack: ams1-r1, uplinks: [ams1-tor]}}}
    workloads: {shop: {cluster: prod-a, vlans: [web], count: 40}}
    """

    static let onePod = """
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
    workloads: {shop: {cluster: a, vlans: [web], count: 40}}
    """
}

extension RuleContext {
    /// The distinct racks, pods and sites of the given clusters' hosts.
    func footprint(ofClusters clusters: [Int]) -> (racks: Set<Int>, pods: Set<Int>, sites: Set<Int>) {
        var racks = Set<Int>(), pods = Set<Int>(), sites = Set<Int>()
        for c in clusters {
            for h in topology.clusters[c].hosts {
                let p = topology.placement(ofHost: h)
                if let r = p.rack { racks.insert(r) }
                if let pod = p.pod { pods.insert(pod) }
                sites.insert(p.site)
            }
        }
        return (racks, pods, sites)
    }

    func clusterNames(_ clusters: [Int]) -> [String] { clusters.map { topology.clusters[$0].name }.sorted() }

    /// Whether a migration domain lets fewer workloads move than every one placed in its
    /// clusters (it lists them, or `--workloads` does).
    func movesSomeWorkloads(_ domain: MigrationDomain) -> Bool {
        let every = topology.workloads.indices.filter { domain.clusters.contains(topology.workloads[$0].cluster) }
        return Set(domain.workloads) != Set(every)
    }
}
