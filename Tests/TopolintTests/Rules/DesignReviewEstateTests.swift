import Testing
import TopolintCore
import TopolintRules

/// A two-site estate as a design review sees it: a three-tier site whose HSRP aggregation
/// pair allows all VLANs, an EVPN fabric 12 ms away that reuses VLAN ids, a vSphere 7.0
/// cluster stretched over both, a Hyper-V cluster, PCI VMs pinned to their own hosts. Every
/// finding is one a reviewer would accept; none comes from the VLANs of the other site.
@Suite struct DesignReviewEstateTests {
    static let estate = """
    topology: two-site-estate
    version: 1
    sites: {fra1: {}, fra2: {}}
    site_links: [{between: [fra1, fra2], rtt_ms: 12}]
    pods: {fra1-p1: {site: fra1}, fra2-fab: {site: fra2}}
    racks:
      "fra1-r[1:2]": {pod: fra1-p1}
      "fra2-r[1:2]": {pod: fra2-fab}
    switches:
      "fra1-r[1:2]-acc": {rack: "fra1-r{1}", vlans: [web, pci, mgmt]}
      "fra1-agg[1:2]": {pod: fra1-p1, role: aggregation, vlans: all}
      "fra2-r[1:2]-leaf": {rack: "fra2-r{1}", role: leaf, vtep: true, vlans: [web, app2, mgmt2]}
      "fra2-spine[1:2]": {pod: fra2-fab, role: spine}
    links:
      - {between: ["fra1-r[1:2]-acc", "fra1-agg[1:2]"]}
      - {between: [fra1-agg1, fra1-agg2]}
      - {between: ["fra2-r[1:2]-leaf", "fra2-spine[1:2]"], mode: routed}
      - {between: [fra1-agg1, fra2-spine1], mode: routed}
    vlans:
      web: {id: 100, subnet: 10.1.0.0/24, zone: dmz, gateway: {active: fra1-agg1, standby: [fra1-agg2]}}
      pci: {id: 200, subnet: 10.2.0.0/24, zone: cardholder, gateway: {active: fra1-agg1, standby: [fra1-agg2]}}
      mgmt: {id: 10, subnet: 10.0.0.0/24, gateway: {active: fra1-agg1, standby: [fra1-agg2]}}
      app2: {id: 200, subnet: 10.20.0.0/24, vni: 10200, gateway: {anycast: ["fra2-r[1:2]-leaf"]}}
      mgmt2: {id: 10, subnet: 10.20.10.0/24, vni: 10010, gateway: {anycast: ["fra2-r[1:2]-leaf"]}}
    zones: {dmz: {}, cardholder: {shared_hosts: false}}
    clusters:
      metro:
        platform: vsphere-7.0
        vlans: [web]
        hosts:
          "fra1-esx[1:2]": {rack: fra1-r1, uplinks: [fra1-r1-acc], vlans: [mgmt]}
          "fra2-esx[1:2]": {rack: fra2-r1, uplinks: [fra2-r1-leaf], vlans: [mgmt2]}
      pci:
        platform: vsphere-7.0
        hosts:
          "pci-esx[1:2]": {rack: fra1-r2, uplinks: [fra1-r2-acc], vlans: [pci]}
          "gen-esx[1:2]": {rack: fra1-r2, uplinks: [fra1-r2-acc], vlans: [mgmt]}
      hv:
        platform: hyperv-2022
        vlans: [app2]
        hosts: {"hv[1:2]": {rack: fra2-r2, uplinks: [fra2-r2-leaf]}}
    workloads:
      cards: {cluster: pci, vlans: [pci], count: 6, hosts: ["pci-esx[1:2]"]}
      portal: {cluster: metro, vlans: [web], count: 20}
      app: {cluster: hv, vlans: [app2], count: 10}
    migration_domains:
      mixed: {clusters: [metro, hv], workloads: [portal]}
    """

    @Test func findingsAreTheOnesTheDesignEarns() throws {
        let linted = Linted(Self.estate)
        #expect(linted.diagnostics.isEmpty, "\(linted.diagnostics.map(\.oneLine))")
        let found = linted.findings.map { "\($0.ruleID) \($0.subject.name)" }.sorted()
        // web really is split: the fabric leaf carries it without a VNI or a trunk to fra1.
        // metro spans 12 ms against vSphere Metro Storage Cluster's 10; the mixed domain is TL304's.
        #expect(found == ["TL210 web", "TL300 mixed", "TL304 mixed", "TL305 metro", "TL402 portal"])
        let stretched = try #require(linted.one("TL305"))
        #expect(stretched.score == 7.4)   // x = 12/10: 7.0 + 1.9·0.2
        #expect(stretched.strings("sites") == ["fra1", "fra2"])
        // The aggregation pair carries web, pci and mgmt only: app2 (id 200) and mgmt2 (id 10)
        // of the fabric never meet pci and mgmt there, and leave no stub to count as a partition.
        #expect(linted.of("TL220").isEmpty)
        #expect(linted.of("TL210").map(\.subject.name) == ["web"])
        // cards runs on the PCI hosts only, which carry pci: no TL600, and so no fix that
        // would put pci next to mgmt on gen-esx hosts (TL500).
        #expect(linted.of("TL600").isEmpty && linted.of("TL500").isEmpty)
        // portal may not live-migrate to Hyper-V: no TL301 or TL401 for that move.
        #expect(linted.of("TL301").isEmpty && linted.of("TL401").isEmpty)
    }

    @Test func withoutThePinTheWorkloadRuleWouldAskForPCIEverywhere() throws {
        let unpinned = Linted(Self.estate.replacing(", hosts: [\"pci-esx[1:2]\"]", with: ""))
        let f = try #require(unpinned.one("TL600"))
        #expect(f.int("hosts_missing") == 2 && f.int("hosts") == 4)
    }
}
