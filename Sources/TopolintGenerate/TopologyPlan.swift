/// The layout of one profile.
struct Shape {
    /// Pods in each site (the number of sites is the array's length).
    let podsPerSite: [Int]
    let racksPerPod: Int
    let hostsPerRack: Int
    /// Racks per rack group: a cluster's hosts lie in the racks of one group.
    let rackGroup: Int
    /// Spines of an EVPN pod (legacy pods have an aggregation pair).
    let evpnSpines: Int
    /// VLANs defined per pod.
    let vlansPerPod: Int
    /// The most hosts per rack a cluster takes (besides its platform's limit).
    let maxPerRack: Int

    static func of(_ profile: GeneratorProfile) -> Shape {
        switch profile {
        case .small:
            return Shape(podsPerSite: [4, 2, 1], racksPerPod: 4, hostsPerRack: 18, rackGroup: 2,
                         evpnSpines: 2, vlansPerPod: 8, maxPerRack: 9)
        case .medium:
            return Shape(podsPerSite: [4, 2, 1], racksPerPod: 16, hostsPerRack: 36, rackGroup: 4,
                         evpnSpines: 4, vlansPerPod: 14, maxPerRack: 24)
        case .large:
            return Shape(podsPerSite: [13, 13, 12], racksPerPod: 24, hostsPerRack: 44, rackGroup: 4,
                         evpnSpines: 4, vlansPerPod: 26, maxPerRack: 24)
        case .hyperscale:
            return Shape(podsPerSite: [38, 38, 38, 38], racksPerPod: 24, hostsPerRack: 44, rackGroup: 4,
                         evpnSpines: 4, vlansPerPod: 26, maxPerRack: 24)
        }
    }

    var groupsPerPod: Int { racksPerPod / rackGroup }
}

/// A hypervisor release with the cluster size the generator keeps to (the platform's
/// documented maximum where there is one).
struct Platform: Equatable {
    let name: String
    let limit: Int
    let hostPrefix: String

    static let vsphere41 = Platform(name: "vsphere-4.1", limit: 32, hostPrefix: "esx")
    static let vsphere67 = Platform(name: "vsphere-6.7", limit: 64, hostPrefix: "esx")
    static let vsphere70 = Platform(name: "vsphere-7.0", limit: 96, hostPrefix: "esx")
    static let vsphere80 = Platform(name: "vsphere-8.0", limit: 96, hostPrefix: "esx")
    static let hyperv2022 = Platform(name: "hyperv-2022", limit: 64, hostPrefix: "hv")
    static let proxmox8 = Platform(name: "proxmox-8", limit: 32, hostPrefix: "pve")
    static let openstack = Platform(name: "openstack", limit: 96, hostPrefix: "cmp")

    static let evpnMix: [(Platform, Int)] = [
        (.vsphere80, 35), (.vsphere70, 25), (.hyperv2022, 15), (.proxmox8, 10), (.openstack, 15),
    ]
    static let legacyMix: [(Platform, Int)] = [(.vsphere67, 75), (.vsphere70, 25)]
}

enum PodKind { case evpn, legacy }

struct PodPlan {
    let site: Int          // 0-based
    let number: Int        // 1-based within the site
    let name: String
    let kind: PodKind
    let spines: Int
    let pci: Bool
    var vlans: [Int] = []        // the pod's own VLANs, carried by every leaf (and legacy spine)
    var appVLANs: [Int] = []
    var pciVLANs: [Int] = []     // PCI application VLANs
    var pciMgmt: Int = -1
    var mgmt = -1, vmotion = -1, storage = -1
    var podExtras: [Int] = []    // other VLANs on every leaf and spine of the pod
    var spineExtras: [Int] = []  // other VLANs on the spines only
    var rackExtras: [[Int]]      // per rack (0-based): other VLANs on both leaves
    var leaf1Extras: [[Int]]     // per rack: other VLANs on the first leaf only
    var groups: [[Int]] = []     // cluster indices per rack group

    init(site: Int, number: Int, name: String, kind: PodKind, spines: Int, pci: Bool, racks: Int) {
        self.site = site
        self.number = number
        self.name = name
        self.kind = kind
        self.spines = spines
        self.pci = pci
        rackExtras = Array(repeating: [], count: racks)
        leaf1Extras = Array(repeating: [], count: racks)
    }
}

enum GatewayPlan {
    case none
    case anycast([String])                        // switch reference templates
    case redundant(active: String, standby: [String])
}

struct VLANPlan {
    let name: String
    let id: Int
    var vni: Int?
    var subnet: String?
    var zone: String?
    var gateway: GatewayPlan
    var description: String?
    var ignore: [(rule: String, reason: String)] = []
}

struct HostSegment {
    var rackFrom: Int, rackTo: Int
    var hostFrom: Int, hostTo: Int
    var extraVLANs: [Int]
}

struct ClusterPlan {
    let name: String
    let pod: Int
    let group: Int
    let platform: Platform
    let rackFrom: Int, rackTo: Int   // 1-based, inclusive
    let hostFrom: Int, hostTo: Int   // host numbers within each rack
    var vlans: [Int] = []
    var segments: [HostSegment]
    var pci = false
    var maxHosts: Int?
    var tags: [String] = []
    var description: String?
    var ignore: [(rule: String, reason: String)] = []

    var hostCount: Int { (rackTo - rackFrom + 1) * (hostTo - hostFrom + 1) }
}

struct WorkloadGroup {
    let stem: String
    let instances: Int
    let cluster: Int
    let vlans: [Int]
    let count: Int
    var description: String?
}

struct DomainPlan {
    let name: String
    let clusters: [Int]
    let workloads: [String]?
    let description: String
}

struct SiteLinkPlan {
    let a: Int, b: Int
    let rtt: Int
    let bandwidth: Int
}

/// Everything the file describes, decided up front from the seed (small: per pod, cluster,
/// VLAN and workload group, never per host or link), then written by `YAMLEmitter`.
struct TopologyPlan {
    let profile: GeneratorProfile
    let seed: UInt64
    let shape: Shape
    var sites: [String] = []
    var siteLinks: [SiteLinkPlan] = []
    var pods: [PodPlan] = []
    var vlans: [VLANPlan] = []
    var clusters: [ClusterPlan] = []
    var workloads: [WorkloadGroup] = []
    var domains: [DomainPlan] = []
    /// Special VLANs that borders and DCI switches carry, per site.
    var borderVLANs: [[Int]] = []
    /// Trunks between legacy pods' spines and their site's borders: (pod, VLANs).
    var spineBorderTrunks: [(pod: Int, vlans: [Int])] = []
    /// VLANs trunked between border and DCI switches and over site links: per site / per link.
    var dciTrunkVLANs: [Int] = []

    static let services = ["web", "api", "db", "cache", "mq", "batch", "etl", "search", "auth",
                           "ci", "log", "mon", "kv", "stream", "app", "report"]

    var switchCount: Int {
        pods.reduce(0) { $0 + 2 * shape.racksPerPod + $1.spines } + 4 * sites.count
    }
    var hostCount: Int { clusters.reduce(0) { $0 + $1.hostCount } }
    var workloadCount: Int { workloads.reduce(0) { $0 + $1.instances } }
    var vmCount: Int { workloads.reduce(0) { $0 + $1.instances * $1.count } }

    func workloadNames(_ group: WorkloadGroup) -> [String] {
        if group.instances == 1 { return [group.stem] }
        let width = group.instances >= 10 ? 2 : 1
        return (1...group.instances).map { "\(group.stem)-\(padded($0, width))" }
    }

    // swiftlint:disable:next function_body_length
    init(_ options: GeneratorOptions) {
        profile = options.profile
        seed = options.seed
        shape = Shape.of(options.profile)
        var rng = SplitMix64(seed: options.seed)
        let g = shape.rackGroup
        let groupCount = shape.groupsPerPod
        let H = shape.hostsPerRack

        // Sites and the links between them: a chain (a ring with four sites), so some
        // round trips are multi-hop shortest paths.
        let siteCount = shape.podsPerSite.count
        sites = (1...siteCount).map { "dc\($0)" }
        let linkRanges: [(Int, Int, ClosedRange<Int>, Int)] = [
            (0, 1, 1...4, 400), (1, 2, 15...30, 100), (2, 3, 5...12, 100), (0, 3, 20...40, 100),
        ]
        for (a, b, rtt, bandwidth) in linkRanges where a < siteCount && b < siteCount {
            siteLinks.append(SiteLinkPlan(a: a, b: b, rtt: rng.int(rtt), bandwidth: bandwidth))
        }
        borderVLANs = Array(repeating: [], count: siteCount)

        // Pods: EVPN pods first in each site, then the legacy ones.
        for (s, count) in shape.podsPerSite.enumerated() {
            let legacy = s == 0 ? max(2, count / 6) : s == 1 ? max(1, count / 6) : count / 6
            for number in 1...count {
                let kind: PodKind = number > count - legacy ? .legacy : .evpn
                pods.append(PodPlan(
                    site: s, number: number, name: "\(sites[s])-p\(padded(number, 2))", kind: kind,
                    spines: kind == .evpn ? shape.evpnSpines : 2,
                    pci: kind == .evpn && number % 4 == 2, racks: shape.racksPerPod))
            }
        }
        func pod(_ site: Int, _ number: Int) -> Int {
            pods.firstIndex { $0.site == site && $0.number == number }!
        }
        func legacyPod(_ site: Int, _ nth: Int) -> Int {
            pods.indices.filter { pods[$0].site == site && pods[$0].kind == .legacy }[nth]
        }
        let p11 = pod(0, 1), p12 = pod(0, 2), p21 = pod(1, 1), p31 = pod(2, 1)
        let l1a = legacyPod(0, 0), l1b = legacyPod(0, 1), l2 = legacyPod(1, 0)
        let lastGroup = groupCount - 1

        // VLANs of each pod. IDs are unique within a site; VNIs are unique everywhere.
        var nextID = Array(repeating: 100, count: siteCount)
        func subnet(_ index: Int, _ zone: String?) -> String {
            if zone == "dmz" { return "2001:db8:\(String(index + 0x100, radix: 16))::/64" }
            return "10.\(64 + index / 256).\(index % 256).0/24"
        }
        func leafRef(_ p: Int, racks: ClosedRange<Int>) -> String {
            "\(pods[p].name)-r\(rangeText(racks.lowerBound, racks.upperBound, width: 3))-leaf[1:2]"
        }
        func groupRacks(_ group: Int) -> ClosedRange<Int> { (group * g + 1)...((group + 1) * g) }

        for p in pods.indices {
            let site = pods[p].site
            let name = pods[p].name
            let evpn = pods[p].kind == .evpn
            let gateway: GatewayPlan = evpn
                ? .anycast([leafRef(p, racks: 1...shape.racksPerPod)])
                : .redundant(active: "\(name)-spine1", standby: ["\(name)-spine2"])
            func add(_ suffix: String, _ zone: String) -> Int {
                let id = nextID[site]
                nextID[site] += 1
                let index = vlans.count
                vlans.append(VLANPlan(
                    name: "\(name)-\(suffix)", id: id,
                    vni: evpn ? (site + 1) * 1_000_000 + 10_000 + id : nil,
                    subnet: subnet(index, zone), zone: zone, gateway: gateway))
                pods[p].vlans.append(index)
                return index
            }
            pods[p].mgmt = add("mgmt", "infra")
            pods[p].vmotion = add("vmotion", "infra")
            pods[p].storage = add("storage", "storage")
            var apps = shape.vlansPerPod - 3
            if pods[p].pci {
                pods[p].pciMgmt = add("pci-mgmt", "pci")
                let pciApps = shape.vlansPerPod >= 20 ? 2 : 1
                for i in 1...pciApps { pods[p].pciVLANs.append(add("pci\(padded(i, 2))", "pci")) }
                apps -= pciApps + 1
            }
            var perZone: [String: Int] = [:]
            for _ in 0..<apps {
                let zone = rng.weighted([("prod", 60), ("dev", 25), ("dmz", 15)])
                let n = (perZone[zone] ?? 0) + 1
                perZone[zone] = n
                pods[p].appVLANs.append(add("\(zone)\(padded(n, 2))", zone))
            }
        }

        // Special VLANs: the designed problems (and one approved exception).
        func special(_ name: String, id: Int, vni: Int?, zone: String?, subnet hasSubnet: Bool,
                     gateway: GatewayPlan, description: String) -> Int {
            let index = vlans.count
            vlans.append(VLANPlan(name: name, id: id, vni: vni, subnet: hasSubnet ? subnet(index, zone) : nil,
                                  zone: zone, gateway: gateway, description: description))
            return index
        }
        let oob = special("\(pods[p11].name)-oob", id: vlans[pods[p11].mgmt].id, vni: 9_000_001, zone: "infra",
                          subnet: false, gateway: .none,
                          description: "out-of-band access, added on one leaf with the management VLAN's ID")
        let stretchDB = special("dc1-stretch-db", id: 3001, vni: 9_003_001, zone: "prod", subnet: true,
                                gateway: .anycast([leafRef(p11, racks: groupRacks(0)), leafRef(p12, racks: groupRacks(0))]),
                                description: "database cluster network bridged between two pods")
        let metroWeb = special("metro-web", id: 3002, vni: 9_003_002, zone: "dmz", subnet: true,
                               gateway: .anycast([leafRef(p11, racks: groupRacks(0)), leafRef(p21, racks: groupRacks(0))]),
                               description: "active/active web tier across the metro pair")
        vlans[metroWeb].ignore = [("stretched-vlan", "metro pair with EVPN multi-site, approved by architecture board")]
        let extAPI = special("ext-api", id: 3003, vni: 9_003_003, zone: "dmz", subnet: true,
                             gateway: .anycast([leafRef(p12, racks: groupRacks(0))]),
                             description: "partner API network extended to a remote site")
        let drRepl = special("dr-repl", id: 3004, vni: nil, zone: "backup", subnet: true,
                             gateway: .redundant(active: "\(pods[l1a].name)-spine1", standby: ["\(pods[l2].name)-spine1"]),
                             description: "storage replication, trunked between sites over the DCI")
        let backup = special("dc1-backup", id: 3005, vni: nil, zone: "backup", subnet: true,
                             gateway: .redundant(active: "\(pods[l1a].name)-spine1", standby: ["\(pods[l1a].name)-spine2"]),
                             description: "backup network of the legacy pods")
        vlans[pods[p11].mgmt].ignore = [("partitioned-vlan", "waiver for the fabric migration, expired")]
        if case .redundant(let active, let standby) = vlans[pods[l1b].mgmt].gateway {
            vlans[pods[l1b].mgmt].gateway = .redundant(active: active, standby: standby + ["dc1-border1"])
        }
        let lastApp = pods[p31].appVLANs[pods[p31].appVLANs.count - 1]
        vlans[lastApp].gateway = .none

        // Where the special VLANs are carried.
        for r in groupRacks(0) {
            pods[p11].rackExtras[r - 1] += [stretchDB, metroWeb]
            pods[p12].rackExtras[r - 1] += [stretchDB, extAPI]
            pods[p21].rackExtras[r - 1] += [metroWeb]
            pods[p31].rackExtras[r - 1] += [extAPI]
            pods[l1a].rackExtras[r - 1] += [drRepl]
            pods[l2].rackExtras[r - 1] += [drRepl]
        }
        pods[p11].leaf1Extras[0] = [oob]
        pods[l1a].podExtras = [backup]
        pods[l1b].podExtras = [backup]
        pods[l1a].spineExtras = [drRepl]
        pods[l2].spineExtras = [drRepl]
        borderVLANs[0] = [drRepl]
        borderVLANs[1] = [drRepl]
        spineBorderTrunks = [(l1a, [drRepl]), (l2, [drRepl])]
        dciTrunkVLANs = [drRepl]

        // Clusters: each rack group is cut into clusters, a slice of every rack's hosts each.
        struct Slice { let platform: Platform; let perRack: Int?; var pci = false }
        func forced(_ p: Int, _ group: Int) -> [Slice] {
            var slices: [Slice] = []
            switch (p, group) {
            case (p11, 0): slices = [Slice(platform: .vsphere80, perRack: nil)]
            case (p11, 1): slices = [Slice(platform: .vsphere80, perRack: H / 2), Slice(platform: .vsphere80, perRack: H / 2)]
            case (p12, 0): slices = [Slice(platform: .vsphere70, perRack: nil)]
            case (l1a, 0), (l1b, 0), (l2, 0): slices = [Slice(platform: .vsphere67, perRack: nil)]
            case (p21, 0): slices = [Slice(platform: .vsphere80, perRack: nil)]
            case (p21, 1): slices = [Slice(platform: .vsphere70, perRack: H / 3), Slice(platform: .hyperv2022, perRack: H / 3)]
            default: break
            }
            if group == lastGroup {
                if pods[p].pci { slices = [Slice(platform: .vsphere80, perRack: nil, pci: true)] }
                // Deliberately oversized clusters: above their platform's host limit.
                if p == l1b { slices = [Slice(platform: .vsphere41, perRack: min(H, (36 + g - 1) / g))] }
                if p == l2, groupCount > 2, (72 + g - 1) / g <= H {
                    slices = [Slice(platform: .vsphere67, perRack: (72 + g - 1) / g)]
                }
                if p == p31 { slices = [Slice(platform: .vsphere41, perRack: min(H, 24 / g))] }
            }
            return slices
        }
        func owner(_ p: Int, _ group: Int, _ nth: Int) -> Int { pods[p].groups[group][nth] }

        for p in pods.indices {
            var number = 1
            for group in 0..<groupCount {
                var remaining = H
                var nextHost = 1
                var members: [Int] = []
                func add(_ platform: Platform, _ perRack: Int, pci: Bool) {
                    let racks = groupRacks(group)
                    var cluster = ClusterPlan(
                        name: "\(pods[p].name)-cl\(padded(number, 2))", pod: p, group: group, platform: platform,
                        rackFrom: racks.lowerBound, rackTo: racks.upperBound,
                        hostFrom: nextHost, hostTo: nextHost + perRack - 1,
                        segments: [HostSegment(rackFrom: racks.lowerBound, rackTo: racks.upperBound,
                                               hostFrom: nextHost, hostTo: nextHost + perRack - 1, extraVLANs: [])])
                    cluster.pci = pci
                    if pci { cluster.tags = ["pci"] }
                    if platform == .vsphere41 { cluster.tags = ["legacy", "end-of-life"] }
                    if platform == .openstack { cluster.maxHosts = 128 }
                    members.append(clusters.count)
                    clusters.append(cluster)
                    number += 1
                    nextHost += perRack
                    remaining -= perRack
                }
                func normal(_ platform: Platform) -> Int {
                    let most = max(1, min(platform.limit / g, shape.maxPerRack, remaining))
                    let least = max(1, (most + 1) / 2)
                    var take = min(rng.int(least...most), remaining)
                    if remaining - take > 0, remaining - take < 2, remaining <= most { take = remaining }
                    return take
                }
                for slice in forced(p, group) where remaining > 0 {
                    var perRack = remaining
                    if let fixed = slice.perRack { perRack = min(fixed, remaining) } else { perRack = normal(slice.platform) }
                    add(slice.platform, perRack, pci: slice.pci)
                }
                while remaining > 0 {
                    let platform = rng.weighted(pods[p].kind == .evpn ? Platform.evpnMix : Platform.legacyMix)
                    add(platform, normal(platform), pci: false)
                }
                pods[p].groups.append(members)
            }
        }

        // VLANs of the clusters: infrastructure VLANs, then the application VLANs they own.
        var owners = Array(repeating: [Int](), count: vlans.count)
        for p in pods.indices {
            let members = pods[p].groups.flatMap { $0 }
            let regular = members.filter { !clusters[$0].pci }
            for c in regular { clusters[c].vlans = [pods[p].mgmt, pods[p].vmotion, pods[p].storage] }
            let apps = pods[p].appVLANs
            for (i, v) in apps.enumerated() {
                let c = regular[i % regular.count]
                clusters[c].vlans.append(v)
                owners[v].append(c)
            }
            if apps.count < regular.count {
                for j in apps.count..<regular.count {
                    let v = apps[j % apps.count]
                    clusters[regular[j]].vlans.append(v)
                    owners[v].append(regular[j])
                }
            }
            for c in members where clusters[c].pci {
                clusters[c].vlans = [pods[p].pciMgmt] + pods[p].pciVLANs
                for v in pods[p].pciVLANs { owners[v].append(c) }
            }
        }
        let sqlA = owner(p11, 0, 0), sqlB = owner(p12, 0, 0)
        let metroA = sqlA, metroB = owner(p21, 0, 0)
        let apiA = sqlB, apiB = owner(p31, 0, 0)
        let drA = owner(l1a, 0, 0), drB = owner(l2, 0, 0)
        let backupA = owner(l1a, lastGroup, 0), backupB = owner(l1b, 0, 0)
        clusters[sqlA].vlans += [stretchDB, metroWeb]
        clusters[sqlB].vlans += [stretchDB, extAPI]
        clusters[metroB].vlans += [metroWeb]
        clusters[apiB].vlans += [extAPI]
        clusters[drA].vlans += [drRepl]
        clusters[drB].vlans += [drRepl]
        clusters[backupA].vlans += [backup]
        clusters[backupB].vlans += [backup]
        func union(_ a: Int, _ b: Int) {
            let all = clusters[a].vlans + clusters[b].vlans.filter { !clusters[a].vlans.contains($0) }
            clusters[a].vlans = all
            clusters[b].vlans = all
        }
        let haA = owner(p11, 1, 0), haB = owner(p11, 1, 1)
        let mixA = owner(p21, 1, 0), mixB = owner(p21, 1, 1)
        union(haA, haB)
        union(mixA, mixB)
        // A PCI cluster that also carries the pod's management VLAN.
        let pciCluster = owner(p12, lastGroup, 0)
        clusters[pciCluster].vlans.append(pods[p12].mgmt)
        clusters[pciCluster].description = "cardholder data environment; also on the shared management VLAN"
        // A host with a VLAN its leaves do not carry.
        do {
            let c = metroB
            let cl = clusters[c]
            var segments = [HostSegment(rackFrom: cl.rackFrom, rackTo: cl.rackFrom, hostFrom: cl.hostFrom,
                                        hostTo: cl.hostFrom, extraVLANs: [pods[l2].mgmt])]
            if cl.hostTo > cl.hostFrom {
                segments.append(HostSegment(rackFrom: cl.rackFrom, rackTo: cl.rackFrom, hostFrom: cl.hostFrom + 1,
                                            hostTo: cl.hostTo, extraVLANs: []))
            }
            segments.append(HostSegment(rackFrom: cl.rackFrom + 1, rackTo: cl.rackTo, hostFrom: cl.hostFrom,
                                        hostTo: cl.hostTo, extraVLANs: []))
            clusters[c].segments = segments
        }
        // Hosts of one rack carry an extra VLAN that a workload of the cluster needs.
        let partialVLAN = pods[p31].appVLANs.first { !clusters[apiB].vlans.contains($0) } ?? pods[p31].appVLANs[0]
        do {
            let cl = clusters[apiB]
            clusters[apiB].segments = [
                HostSegment(rackFrom: cl.rackFrom, rackTo: cl.rackFrom, hostFrom: cl.hostFrom, hostTo: cl.hostTo,
                            extraVLANs: [partialVLAN]),
                HostSegment(rackFrom: cl.rackFrom + 1, rackTo: cl.rackTo, hostFrom: cl.hostFrom, hostTo: cl.hostTo,
                            extraVLANs: []),
            ]
        }
        let bigLegacy = owner(l2, lastGroup, 0)
        if clusters[bigLegacy].platform == .vsphere67, clusters[bigLegacy].hostCount > 64 {
            clusters[bigLegacy].ignore = [("cluster-size-limit", "vendor support exception until the hardware refresh")]
        }

        // Workloads: groups of identical instances on the application VLANs, keeping each
        // VLAN's endpoints under the cap; then the special ones.
        let cap = 900
        var load = Array(repeating: 0, count: vlans.count)
        var sequence = Array(repeating: 0, count: clusters.count)
        func addGroup(_ c: Int, _ service: String, instances: Int, vlans vs: [Int], count: Int, numbered: Bool = true,
                      description: String? = nil) {
            let stem: String
            if numbered {
                sequence[c] += 1
                stem = "\(clusters[c].name)-\(service)\(padded(sequence[c], 2))"
            } else {
                stem = "\(clusters[c].name)-\(service)"
            }
            workloads.append(WorkloadGroup(stem: stem, instances: instances, cluster: c, vlans: vs, count: count,
                                           description: description))
            for v in vs { load[v] += instances * count }
        }
        for p in pods.indices {
            for v in pods[p].appVLANs + pods[p].pciVLANs {
                let candidates = owners[v]
                var turn = 0
                let target = rng.int(200...680)
                while load[v] < target {
                    let instances = rng.weighted([(1, 40), (2, 30), (3, 20), (4, 10)])
                    var count = rng.int(10...190)
                    if load[v] + instances * count > cap {
                        count = (cap - load[v]) / instances
                        if count < 5 { break }
                    }
                    let c = candidates[turn % candidates.count]
                    turn += 1
                    var vs = [v]
                    if rng.chance(12) {
                        let others = clusters[c].vlans.filter {
                            $0 != v && (pods[p].appVLANs.contains($0) || pods[p].pciVLANs.contains($0))
                                && load[$0] + instances * count <= cap
                        }
                        if !others.isEmpty { vs.append(others[rng.int(0...(others.count - 1))]) }
                    }
                    let service = TopologyPlan.services[rng.int(0...(TopologyPlan.services.count - 1))]
                    addGroup(c, service, instances: instances, vlans: vs, count: count)
                }
            }
        }
        addGroup(sqlA, "sqlha", instances: 1, vlans: [stretchDB], count: 40, numbered: false)
        addGroup(sqlB, "sqlha", instances: 1, vlans: [stretchDB], count: 40, numbered: false)
        addGroup(metroA, "metroweb", instances: 1, vlans: [metroWeb], count: 60, numbered: false)
        addGroup(metroB, "metroweb", instances: 1, vlans: [metroWeb], count: 60, numbered: false)
        addGroup(apiA, "extapi", instances: 1, vlans: [extAPI], count: 30, numbered: false)
        addGroup(apiB, "extapi", instances: 1, vlans: [extAPI], count: 50, numbered: false)
        addGroup(drA, "drrepl", instances: 1, vlans: [drRepl], count: 12, numbered: false)
        addGroup(drB, "drrepl", instances: 1, vlans: [drRepl], count: 12, numbered: false)
        addGroup(backupA, "backup", instances: 1, vlans: [backup], count: 6, numbered: false)
        addGroup(backupB, "backup", instances: 1, vlans: [backup], count: 6, numbered: false)
        let vdiVLAN = clusters[backupB].vlans.first { pods[l1b].appVLANs.contains($0) } ?? pods[l1b].appVLANs[0]
        addGroup(backupB, "vdi", instances: 1, vlans: [vdiVLAN], count: 1500, numbered: false,
                 description: "virtual desktop pool on a flat legacy VLAN")
        addGroup(apiB, "partial", instances: 1, vlans: [partialVLAN], count: 24, numbered: false)
        addGroup(apiB, "orphan", instances: 1, vlans: [pods[p11].appVLANs[0]], count: 8, numbered: false,
                 description: "names a VLAN of another site")

        if options.findingsHeavy { addScaledProblems() }

        // Migration domains.
        domains = [
            DomainPlan(name: "\(pods[p11].name)-ha", clusters: [haA, haB], workloads: nil,
                       description: "two clusters of one pod, same platform and VLANs"),
            DomainPlan(name: "dc1-pod-pair", clusters: [sqlA, sqlB],
                       workloads: ["\(clusters[sqlA].name)-sqlha", "\(clusters[sqlB].name)-sqlha"],
                       description: "database failover between two pods"),
            DomainPlan(name: "dr-metro", clusters: [drA, drB],
                       workloads: ["\(clusters[drA].name)-drrepl", "\(clusters[drB].name)-drrepl"],
                       description: "replication appliances across the metro pair"),
            DomainPlan(name: "dr-far", clusters: [owner(l1b, lastGroup, 0), owner(p31, lastGroup, 0)], workloads: nil,
                       description: "proposed evacuation of the end-of-life clusters to the far site"),
            DomainPlan(name: "\(pods[p21].name)-mixed", clusters: [mixA, mixB], workloads: nil,
                       description: "proposed pooling of two clusters on different hypervisors"),
            DomainPlan(name: "\(clusters[backupA].name)-local", clusters: [backupA], workloads: nil,
                       description: "within one cluster"),
        ]
    }
}

extension TopologyPlan {
    /// The findings-heavy variant: after every random choice is made (so the rest of the
    /// design is the one the seed gives without it), each workload group also names the
    /// first application VLAN of the next pod, which its cluster does not carry
    /// (workload-vlan-missing, once per workload), and each cluster's first host range
    /// carries the last application VLAN of the next pod, which its leaves do not carry
    /// (host-vlan-unreachable, once per cluster).
    mutating func addScaledProblems() {
        guard pods.count > 1 else { return }
        func foreign(_ pod: Int, last: Bool) -> Int? {
            let apps = pods[(pod + 1) % pods.count].appVLANs
            return last ? apps.last : apps.first
        }
        for w in workloads.indices {
            let c = workloads[w].cluster
            guard let v = foreign(clusters[c].pod, last: false), !clusters[c].vlans.contains(v),
                  !workloads[w].vlans.contains(v) else { continue }
            workloads[w] = WorkloadGroup(stem: workloads[w].stem, instances: workloads[w].instances, cluster: c,
                                         vlans: workloads[w].vlans + [v], count: workloads[w].count,
                                         description: workloads[w].description)
        }
        for c in clusters.indices {
            guard let v = foreign(clusters[c].pod, last: true), !clusters[c].vlans.contains(v),
                  !clusters[c].segments.isEmpty, !clusters[c].segments[0].extraVLANs.contains(v) else { continue }
            clusters[c].segments[0].extraVLANs.append(v)
        }
    }
}
