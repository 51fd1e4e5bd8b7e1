import Testing
@testable import TopolintInventory
import TopolintImport

/// The source-of-truth mapping on inventories built in the test, and its helpers.
@Suite struct InventoryMappingTests {
    typealias I = Inventory

    /// Two leaves with anycast SVIs for VLAN app, cabled by a routed (no 802.1Q mode) link,
    /// each with a host; a VM on app.
    func evpnPair() -> Inventory {
        var inv = Inventory(source: "test")
        inv.sites = [.init(id: "s", name: "dc1", slug: "dc1")]
        inv.racks = [.init(id: "r1", name: "r01", siteID: "s", locationID: nil), .init(id: "r2", name: "r02", siteID: "s", locationID: nil)]
        inv.devices = [
            .init(id: "l1", name: "leaf1", role: "leaf", siteID: "s", locationID: nil, rackID: "r1", clusterIDs: []),
            .init(id: "l2", name: "leaf2", role: "leaf", siteID: "s", locationID: nil, rackID: "r2", clusterIDs: []),
            .init(id: "h1", name: "esx1", role: "server", siteID: "s", locationID: nil, rackID: "r1", clusterIDs: ["c"]),
            .init(id: "h2", name: "esx2", role: "server", siteID: "s", locationID: nil, rackID: "r2", clusterIDs: ["c"]),
        ]
        inv.interfaces = [
            .init(id: "1", deviceID: "l1", name: "eth1", isVirtual: false, lagID: nil, mode: nil, untaggedVLAN: nil, taggedVLANs: []),
            .init(id: "2", deviceID: "l2", name: "eth1", isVirtual: false, lagID: nil, mode: nil, untaggedVLAN: nil, taggedVLANs: []),
            .init(id: "3", deviceID: "l1", name: "vlan10", isVirtual: true, lagID: nil, mode: nil, untaggedVLAN: nil, taggedVLANs: []),
            .init(id: "4", deviceID: "l2", name: "vlan10", isVirtual: true, lagID: nil, mode: nil, untaggedVLAN: nil, taggedVLANs: []),
            .init(id: "5", deviceID: "l1", name: "eth10", isVirtual: false, lagID: nil, mode: .access, untaggedVLAN: "v", taggedVLANs: []),
            .init(id: "6", deviceID: "l2", name: "eth10", isVirtual: false, lagID: nil, mode: .access, untaggedVLAN: "v", taggedVLANs: []),
            .init(id: "7", deviceID: "h1", name: "nic0", isVirtual: false, lagID: nil, mode: nil, untaggedVLAN: nil, taggedVLANs: []),
            .init(id: "8", deviceID: "h2", name: "nic0", isVirtual: false, lagID: nil, mode: nil, untaggedVLAN: nil, taggedVLANs: []),
        ]
        inv.cables = [.init(id: "c1", a: ["1"], b: ["2"]), .init(id: "c2", a: ["7"], b: ["5"]), .init(id: "c3", a: ["6"], b: ["8"])]
        inv.vlans = [.init(id: "v", name: "app", vid: 10, siteID: nil, vni: 10010)]
        inv.prefixes = [.init(prefix: "10.10.0.0/24", vlanID: "v")]
        inv.ipAddresses = [.init(address: "10.10.0.1/24", role: "anycast", interfaceID: "3"),
                           .init(address: "10.10.0.1/24", role: "anycast", interfaceID: "4")]
        inv.clusters = [.init(id: "c", name: "prod", type: "proxmox", platform: nil)]
        inv.virtualMachines = (1...3).map { .init(id: "vm\($0)", name: "vm\($0)", clusterID: "c", role: nil, vlanIDs: ["v"]) }
        return inv
    }

    @Test func routedLinkAnycastGatewayAndVTEPs() {
        let mapped = InventoryMapping.map(evpnPair(), options: MappingOptions(platformMap: ["proxmox": "proxmox-8"], topologyName: "t"))
        let text = DocumentWriter.write(mapped.design)
        #expect(text.contains("  - {between: [leaf1, leaf2], mode: routed}\n"))
        #expect(text.contains("  app: {id: 10, subnet: 10.10.0.0/24, vni: 10010, gateway: {anycast: [leaf1, leaf2]}}\n"))
        #expect(text.contains("  leaf1: {rack: r01, role: leaf, vlans: [app], vtep: true}\n"))
        #expect(text.contains("    platform: proxmox-8\n    vlans: [app]\n"))
        #expect(text.contains("  prod-vms: {cluster: prod, vlans: [app], count: 3}\n"))
        #expect(mapped.warnings.isEmpty)
    }

    /// A VLAN scoped to several sites is neither global nor lost: it stays with a site it is
    /// in, goes with the sites it is not, and a `tagged-all` port elsewhere does not carry it.
    @Test func aVLANOfSeveralSitesBelongsToThoseSites() {
        var inv = evpnPair()
        inv.sites += [.init(id: "s2", name: "dc2", slug: "dc2"), .init(id: "s3", name: "dc3", slug: "dc3")]
        inv.vlans += [.init(id: "w", name: "web", vid: 20, siteIDs: ["s2", "s3"], vni: nil),
                      .init(id: "x", name: "db", vid: 30, siteIDs: ["s", "s2"], vni: nil)]
        #expect(inv.vlans[1].siteID == nil && !inv.vlans[1].isAvailable(in: "s") && inv.vlans[1].isAvailable(in: "s3"))
        for i in inv.interfaces.indices where ["1", "2"].contains(inv.interfaces[i].id) { inv.interfaces[i].mode = .taggedAll }
        inv.interfaces[1].mode = .tagged
        inv.interfaces[1].taggedVLANs = ["v", "w", "x"]
        let mapped = InventoryMapping.map(inv, options: MappingOptions(sites: ["dc1"], topologyName: "t"))
        let text = DocumentWriter.write(mapped.design)
        #expect(!text.contains("web:"), "\(text)")
        #expect(text.contains("  db: {id: 30}\n"), "\(text)")
        // leaf1 allows every VLAN of dc1 (app, db), leaf2 lists app, web and db: the link carries app and db.
        #expect(text.contains("  - {between: [leaf1, leaf2], vlans: [app, db]}\n"), "\(text)")
    }

    @Test func aTrunkAllowingEverythingOnBothEndsLeavesVLANsOut() {
        var inv = evpnPair()
        for i in inv.interfaces.indices where ["1", "2"].contains(inv.interfaces[i].id) { inv.interfaces[i].mode = .taggedAll }
        let mapped = InventoryMapping.map(inv, options: MappingOptions(topologyName: "t"))
        #expect(mapped.design.links.count == 1)
        #expect(mapped.design.links.first?.allVLANs == true)
        #expect(DocumentWriter.write(mapped.design).contains("links:\n  - {between: [leaf1, leaf2]}\nvlans:\n"))
    }

    @Test func overlayCanSetAllVLANsAHostLimitAndAddAHost() throws {
        let mapped = InventoryMapping.map(evpnPair(), options: MappingOptions(topologyName: "t"))
        let merged = try overlay("""
            switches:
              leaf1: {vlans: all, description: first leaf}
            clusters:
              prod: {max_hosts: 8, hosts: {esx3: {rack: r02, uplinks: [leaf2]}}}

            """).merged(into: mapped.design).get()
        let text = DocumentWriter.write(merged)
        #expect(text.contains("  leaf1: {rack: r01, role: leaf, vlans: all, vtep: true, description: \"first leaf\"}\n"))
        #expect(text.contains("    platform: generic\n    max_hosts: 8\n    vlans: [app]\n    hosts:\n"))
        #expect(merged.clusters.first?.hosts.map(\.name) == ["esx1", "esx2", "esx3"])
        #expect(text.contains("      esx3: {rack: r02, uplinks: [leaf2]}\n"))
    }

    @Test func aClusterTypeWithoutPlatformIsGenericWithAWarning() {
        let mapped = InventoryMapping.map(evpnPair(), options: MappingOptions(topologyName: "t"))
        #expect(DocumentWriter.write(mapped.design).contains("    platform: generic\n"))
        #expect(mapped.warnings == ["cluster prod: type 'proxmox' has no platform (--platform-map proxmox=PLATFORM or custom field topolint_platform); generic used"])
    }

    @Test func namesSharedAcrossSitesGetTheirSite() {
        let names = Naming.unique([("1", "r01", "fra1"), ("2", "r01", "ams1"), ("3", "r02", "fra1")])
        #expect(names == ["1": "fra1-r01", "2": "ams1-r01", "3": "r02"])
    }

    @Test func addressesInPrefixes() {
        #expect(AddressMath.contains(prefix: "10.1.0.0/24", address: "10.1.0.77/24"))
        #expect(!AddressMath.contains(prefix: "10.1.0.0/24", address: "10.1.1.1/24"))
        #expect(AddressMath.contains(prefix: "10.1.0.0/22", address: "10.1.3.254/22"))
        #expect(AddressMath.contains(prefix: "2001:db8:10::/64", address: "2001:db8:10::1/64"))
        #expect(!AddressMath.contains(prefix: "2001:db8:10::/64", address: "10.1.0.1/24"))
    }

    func overlay(_ text: String) throws -> Overlay {
        guard case let .success(overlay) = Overlay.parse(Array(text.utf8), file: "o.yaml") else {
            throw OverlayProblems(diagnostics: [])
        }
        return overlay
    }

    @Test func overlayMergesFieldsAppendsListsAndAddsSections() throws {
        var imported = ImportDocument(name: "t")
        imported.vlans = [.init(name: "db", id: 200, subnet: "10.2.0.0/24")]
        imported.siteLinks = [.init(a: "a", b: "b", rttMs: 1)]
        let overlay = try overlay("""
            vlans:
              db: {zone: data, ignore: {TL200: accepted}}
              web: {id: 100}
            site_links:
              - {between: [a, b], rtt_ms: 1}
              - {between: [a, c], rtt_ms: 2.5}
            zones:
              data: {shared_hosts: false}
            migration_domains:
              metro: {clusters: [c1, c2]}

            """)
        let merged = try overlay.merged(into: imported).get()
        #expect(merged.vlans.map(\.name) == ["db", "web"])
        #expect(merged.vlans[0].zone == "data")
        #expect(merged.vlans[0].subnet == "10.2.0.0/24")
        #expect(merged.vlans[0].extra == [ImportField("ignore", .map([ImportField("TL200", .text("accepted"))]))])
        #expect(merged.vlans[1].id == 100)
        // The identical site link is not repeated; the new one is appended.
        #expect(merged.siteLinks.map { "\($0.a)-\($0.b) \($0.rttMs)" } == ["a-b 1.0", "a-c 2.5"])
        #expect(merged.zones == [.init(name: "data", sharedHosts: false)])
        #expect(merged.migrationDomains == [.init(name: "metro", clusters: ["c1", "c2"])])
        let text = DocumentWriter.write(merged)
        #expect(text == """
            topology: t
            version: 1
            site_links:
              - {between: [a, b], rtt_ms: 1}
              - {between: [a, c], rtt_ms: 2.5}
            vlans:
              db: {id: 200, subnet: 10.2.0.0/24, zone: data, ignore: {TL200: accepted}}
              web: {id: 100}
            zones:
              data: {shared_hosts: false}
            migration_domains:
              metro: {clusters: [c1, c2]}

            """)
    }

    @Test func overlayErrorsPointIntoTheOverlay() throws {
        let imported = ImportDocument(name: "t")
        let bad = try overlay("vlans:\n  web: {subnet: 10.1.0.0/24}\n  db: {id: two}\nsite_links:\n  - {between: [a], rtt_ms: 1}\n")
        guard case let .failure(problems) = bad.merged(into: imported) else { Issue.record("merged"); return }
        #expect(problems.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
            "2:8 a VLAN the import does not have needs 'id' here",
            "3:12 expected a whole number",
            "5:15 'between' names two ends",
        ])
        guard case let .failure(top) = Overlay.parse(Array("vlan:\n  db: {zone: data}\n".utf8), file: "o.yaml") else { Issue.record("parsed"); return }
        #expect(top.map(\.oneLine) == ["o.yaml:1:1: error[TL002] 'vlan' is not a top-level key of a topology file"])
    }
}
