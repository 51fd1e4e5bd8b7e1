import Foundation
import Testing
import TopolintCore
import TopolintModel
import TopolintAnalysis
import TopolintImport

/// The netlab importer against netlab's own resolved topologies.
@Suite struct NetlabImportTests {
    /// netlab's VLAN membership, read from the `vlans` section netlab writes: each VLAN's
    /// neighbors, where the nodes that bridge it carry `vlan.mode` irb or bridge.
    struct Membership: Equatable, CustomStringConvertible {
        var switches: Set<String>
        var hosts: Set<String>
        var description: String { "switches \(switches.sorted()), hosts \(hosts.sorted())" }
    }

    static func netlabMembership(_ lab: NetlabView) -> [String: Membership] {
        var result: [String: Membership] = [:]
        for (vlan, def) in lab.pairs(lab.at("vlans")) {
            guard let neighbors = lab.at("neighbors", from: def) else { continue }
            var entry = Membership(switches: [], hosts: [])
            for neighbor in lab.items(neighbors) {
                guard let node = lab.text(lab.at("node", from: neighbor)) else { continue }
                let mode = lab.text(lab.at("vlan", "mode", from: neighbor))
                if mode == "irb" || mode == "bridge" { entry.switches.insert(node) } else { entry.hosts.insert(node) }
            }
            entry.hosts.subtract(entry.switches)
            result[vlan] = entry
        }
        return result
    }

    /// The imported design's membership: switches of every domain of the VLAN (segment
    /// switches, which are not netlab nodes, left out) and the hosts that join them.
    static func importedMembership(_ topology: Topology, netlabNodes: Set<String>) -> [String: Membership] {
        let analysis = Analysis(topology)
        var result: [String: Membership] = [:]
        for (v, vlan) in topology.vlans.enumerated() {
            var entry = Membership(switches: [], hosts: [])
            for domain in analysis.domains(ofVLAN: v) {
                entry.switches.formUnion(domain.switches.map { topology.switches[Int($0)].name }.filter(netlabNodes.contains))
            }
            for h in topology.hosts.indices where !analysis.domainsJoined(host: h, vlan: v).isEmpty {
                entry.hosts.insert(topology.hostName(h))
            }
            result[vlan.name] = entry
        }
        return result
    }

    @Test(arguments: NetlabFixture.names)
    func broadcastDomainsAreNetlabsVLANMembership(_ name: String) throws {
        let outcome = try NetlabFixture.outcome(name)
        let topology = try #require(NetlabFixture.load(DocumentWriter.write(outcome.document)))
        let lab = try NetlabFixture.netlab(name)
        let expected = Self.netlabMembership(lab)
        let imported = Self.importedMembership(topology, netlabNodes: lab.nodeNames)
        #expect(!expected.isEmpty, "the fixture lists VLAN members")
        for (vlan, membership) in expected {
            #expect(imported[vlan] == membership, "VLAN \(vlan) in \(name)")
            // netlab's own host count counts its hosts (role host); routers that join a VLAN
            // without bridging it are hosts here as well.
            let hostRole = membership.hosts.filter { lab.text(lab.at("nodes", $0, "role")) == "host" }.count
            if let count = lab.text(lab.at("vlans", vlan, "host_count")).flatMap(Int.init) {
                #expect(count == hostRole, "host_count of \(vlan) in \(name)")
            }
        }
        // Every netlab VLAN is written with netlab's id and VNI.
        for (vlan, def) in lab.pairs(lab.at("vlans")) {
            let written = try #require(topology.vlans.first { $0.name == vlan }, "VLAN \(vlan) of \(name) is written")
            #expect(written.id == lab.text(lab.at("id", from: def)).flatMap(Int.init))
            #expect(written.vni == lab.text(lab.at("vni", from: def)).flatMap(Int.init))
        }
    }

    /// How many broadcast domains netlab's links make of each VLAN: the nodes that bridge it,
    /// joined by every link on which they both have it, and by VXLAN between VTEPs. Computed
    /// from netlab's `links` section (the importer reads the nodes' interfaces instead).
    static func netlabDomainCounts(_ lab: NetlabView, _ membership: [String: Membership]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (vlan, entry) in membership where !entry.switches.isEmpty {
            var parent = Dictionary(uniqueKeysWithValues: entry.switches.map { ($0, $0) })
            func find(_ x: String) -> String { parent[x] == x ? x : find(parent[x]!) }
            func join(_ group: [String]) {
                for other in group.dropFirst() { parent[find(other)] = find(group[0]) }
            }
            for link in lab.items(lab.at("links")) {
                let carrying = lab.items(lab.at("interfaces", from: link)).compactMap { intf -> String? in
                    guard let node = lab.text(lab.at("node", from: intf)), entry.switches.contains(node) else { return nil }
                    let v = lab.at("vlan", from: intf)
                    let vlans = lab.names(lab.at("trunk", from: v)) + [lab.at("access", from: v), lab.at("native", from: v)].compactMap(lab.text)
                    return vlans.contains(vlan) ? node : nil
                }
                join(carrying)
            }
            if lab.text(lab.at("vlans", vlan, "vni")) != nil {
                join(entry.switches.filter { lab.names(lab.at("nodes", $0, "module")).contains("vxlan") }.sorted())
            }
            result[vlan] = Set(entry.switches.map(find)).count
        }
        return result
    }

    @Test(arguments: NetlabFixture.names.filter { !$0.hasPrefix("lag-") })
    func domainCountsFollowNetlabsLinks(_ name: String) throws {
        // The LAG labs are left out: netlab's links section lists a LAG's member links
        // without its VLANs, which only the nodes' LAG interfaces carry.
        let topology = try #require(NetlabFixture.load(DocumentWriter.write(try NetlabFixture.outcome(name).document)))
        let lab = try NetlabFixture.netlab(name)
        let expected = Self.netlabDomainCounts(lab, Self.netlabMembership(lab))
        let analysis = Analysis(topology)
        for (vlan, count) in expected {
            let v = try #require(topology.vlanIndex(named: vlan))
            let withNetlabSwitch = analysis.domains(ofVLAN: v).filter { domain in
                domain.switches.contains { lab.nodeNames.contains(topology.switches[Int($0)].name) }
            }
            #expect(withNetlabSwitch.count == count, "domains of \(vlan) in \(name)")
        }
    }

    @Test func anycastGatewayLabIsPartitioned() throws {
        // r1 and r2 share VLAN red only through access ports to their own hosts: netlab's
        // links join them by routed links alone, so red is two broadcast domains.
        let lab = try NetlabFixture.netlab("anycast-gateway")
        let counts = Self.netlabDomainCounts(lab, Self.netlabMembership(lab))
        #expect(counts["red"] == 2)
    }

    @Test(arguments: NetlabFixture.names)
    func importIsStable(_ name: String) throws {
        let first = DocumentWriter.write(try NetlabFixture.outcome(name).document)
        let second = DocumentWriter.write(try NetlabFixture.outcome(name).document)
        #expect(first == second)
        let version = try NetlabFixture.netlab(name).text(NetlabFixture.netlab(name).at("_netlab_version"))
        #expect(first.hasPrefix("# Imported from netlab by `topolint import netlab`: \(name).yml\n# netlab version: "
            + (version ?? "not recorded in the file (no _netlab_version)") + "\n"))
    }

    @Test func gatewaysFollowNetlabsFirstHopRedundancy() throws {
        for name in ["vlan-vrrp", "anycast-gateway", "netlab-26.10-vlan-vrrp"] {
            let lab = try NetlabFixture.netlab(name)
            let topology = try #require(NetlabFixture.load(DocumentWriter.write(try NetlabFixture.outcome(name).document)))
            for (vlan, def) in lab.pairs(lab.at("vlans")) {
                // The switches with a first-hop gateway on the VLAN, and their VRRP priority.
                var priorities: [String: Int] = [:]
                var anycast: Set<String> = []
                for neighbor in lab.items(lab.at("neighbors", from: def)) {
                    guard let node = lab.text(lab.at("node", from: neighbor)),
                          let proto = lab.text(lab.at("gateway", "protocol", from: neighbor)) else { continue }
                    if proto == "anycast" { anycast.insert(node); continue }
                    let own = lab.text(lab.at("gateway", "vrrp", "priority", from: neighbor)).flatMap(Int.init)
                    let nodeLevel = lab.text(lab.at("nodes", node, "gateway", "vrrp", "priority")).flatMap(Int.init)
                    priorities[node] = own ?? nodeLevel ?? 100
                }
                let written = try #require(topology.vlans.first { $0.name == vlan }?.gateway)
                let names = { (list: [Int]) in Set(list.map { topology.switches[$0].name }) }
                if !anycast.isEmpty {
                    guard case let .anycast(list) = written else { Issue.record("\(vlan): \(written)"); continue }
                    #expect(names(list) == anycast)
                } else {
                    let top = try #require(priorities.max { $0.value < $1.value })
                    guard case let .activeStandby(active, standby) = written else { Issue.record("\(vlan): \(written)"); continue }
                    #expect(topology.switches[active].name == top.key, "active gateway of \(vlan)")
                    #expect(names(standby) == Set(priorities.keys).subtracting([top.key]))
                }
            }
        }
    }

    /// Kinds of approximation counted from netlab's data: links with a native VLAN that a
    /// bridging end carries, links of three or more nodes and LAGs between MLAG pairs, VLANs
    /// a node only routes.
    static func netlabApproximations(_ lab: NetlabView) -> [String: Int] {
        var native = 0, segments = 0, routed = 0
        let bridgesOf = { (node: String) -> Set<String> in
            Set(lab.pairs(lab.at("nodes", node, "vlans")).filter { ["irb", "bridge"].contains(lab.text(lab.at("mode", from: $0.1)) ?? "irb") }.map(\.0))
        }
        for link in lab.items(lab.at("links")) {
            let interfaces = lab.items(lab.at("interfaces", from: link))
            if interfaces.count >= 3 { segments += 1 }
            let nativeBridged = interfaces.contains { intf in
                guard let node = lab.text(lab.at("node", from: intf)), let v = lab.text(lab.at("vlan", "native", from: intf)) else { return false }
                return bridgesOf(node).contains(v)
            }
            if nativeBridged { native += 1 }
        }
        // A LAG between two MLAG pairs: every end of it is an MLAG port.
        let isMLAG = { (node: String, ifname: String) -> Bool in
            lab.items(lab.at("nodes", node, "interfaces")).contains {
                lab.text(lab.at("ifname", from: $0)) == ifname && lab.text(lab.at("lag", "_mlag", from: $0)) == "true"
            }
        }
        var pairToPair: Set<[String]> = []
        for (name, node) in lab.pairs(lab.at("nodes")) {
            for intf in lab.items(lab.at("interfaces", from: node)) where lab.text(lab.at("lag", "_mlag", from: intf)) == "true" {
                let ifname = lab.text(lab.at("ifname", from: intf)) ?? ""
                let ends = lab.items(lab.at("neighbors", from: intf)).map { (lab.text(lab.at("node", from: $0)) ?? "", lab.text(lab.at("ifname", from: $0)) ?? "") }
                if ends.allSatisfy(isMLAG) { pairToPair.insert(([(name, ifname)] + ends).map { "\($0.0)/\($0.1)" }.sorted()) }
            }
        }
        segments += pairToPair.count
        // A node's VLAN in mode route, or one netlab lists the node in without a bridging mode.
        var routedPairs: Set<String> = []
        for (name, node) in lab.pairs(lab.at("nodes")) {
            for (vlan, def) in lab.pairs(lab.at("vlans", from: node)) where lab.text(lab.at("mode", from: def)) == "route" {
                routedPairs.insert("\(name)/\(vlan)")
            }
        }
        for (vlan, def) in lab.pairs(lab.at("vlans")) {
            for neighbor in lab.items(lab.at("neighbors", from: def)) {
                guard let node = lab.text(lab.at("node", from: neighbor)), lab.at("nodes", node, "vlans", vlan) != nil else { continue }
                if !["irb", "bridge"].contains(lab.text(lab.at("vlan", "mode", from: neighbor)) ?? "") { routedPairs.insert("\(node)/\(vlan)") }
            }
        }
        routed = routedPairs.count
        return ["native-vlan": native, "segment": segments, "routed-vlan": routed]
    }

    @Test(arguments: NetlabFixture.names)
    func approximationsAreCountedAndCommented(_ name: String) throws {
        let outcome = try NetlabFixture.outcome(name)
        let text = DocumentWriter.write(outcome.document)
        let counts = Dictionary(uniqueKeysWithValues: outcome.approximations.map { ($0.kind, $0.count) })
        for (kind, expected) in Self.netlabApproximations(try NetlabFixture.netlab(name)) {
            #expect((counts[kind] ?? 0) == expected, "\(kind) in \(name)")
        }
        // Each counted kind leaves at least as many comments as its count in the file.
        let markers = ["native-vlan": "# native VLAN ", "segment": " nodes (", "routed-vlan": "(netlab vlan mode route)"]
        for (kind, marker) in markers {
            let comments = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") && $0.contains(marker) }
            #expect(comments.count >= (counts[kind] ?? 0) && (counts[kind] ?? 0 > 0) == !comments.isEmpty, "\(kind) comments in \(name)")
        }
        #expect(outcome.approximations.allSatisfy { $0.count > 0 })
    }

    @Test func nativeVLANCommentSitsAboveItsLink() throws {
        let text = DocumentWriter.write(try NetlabFixture.outcome("vlan-trunk-native").document)
        let lines = text.split(separator: "\n").map(String.init)
        let link = try #require(lines.firstIndex(of: "  - {between: [s1, s2], vlans: [blue, green, red]}"))
        #expect(lines[link - 1] == "  # native VLAN green (untagged in netlab) written as a tagged member")
        let segment = try #require(lines.firstIndex { $0.hasPrefix("  input_6: {") })
        #expect(lines[segment - 1].hasPrefix("  # netlab link 6 joins 3 nodes (h1, s1, s2)"))
    }

    @Test func routerAsGatewayIsReplacedByItsSwitch() throws {
        let outcome = try NetlabFixture.outcome("vlan-bridge-trunk-router")
        let topology = try #require(NetlabFixture.load(DocumentWriter.write(outcome.document)))
        let lab = try NetlabFixture.netlab("vlan-bridge-trunk-router")
        // netlab's hosts use r1's addresses as gateway; r1 hangs off s2 on both VLANs.
        for vlan in ["red", "blue"] {
            let gateway = try #require(topology.vlans.first { $0.name == vlan }?.gateway)
            #expect(gateway == .single(try #require(topology.switches.firstIndex { $0.name == "s2" })))
        }
        let hosts = lab.pairs(lab.at("nodes")).filter { lab.text(lab.at("role", from: $0.1)) == "host" }
        #expect(hosts.count == 2)
        #expect(outcome.approximations.first { $0.kind == "router-gateway" }?.count == 2)
        #expect(topology.hosts.indices.contains { topology.hostName($0) == "r1" })
    }

    @Test func sitesFromGroups() throws {
        let outcome = try NetlabFixture.outcome("vlan-vrrp", siteFromGroup: true)
        let topology = try #require(NetlabFixture.load(DocumentWriter.write(outcome.document)))
        let lab = try NetlabFixture.netlab("vlan-vrrp")
        for (group, def) in lab.pairs(lab.at("groups")) where !group.hasPrefix("netlab_") {
            let site = try #require(topology.sites.firstIndex { $0.name == group }, "site \(group)")
            for member in lab.names(lab.at("members", from: def)) {
                if let s = topology.switches.firstIndex(where: { $0.name == member }) {
                    #expect(topology.switches[s].placement.site == site, "\(member) in \(group)")
                } else {
                    let h = try #require(topology.hosts.indices.first { topology.hostName($0) == member })
                    #expect(topology.placement(ofHost: h).site == site, "\(member) in \(group)")
                }
            }
        }
    }

    @Test(arguments: ["vlan-vrrp", "vlan-bridge-trunk-router"])
    func clustersFromGroups(_ name: String) throws {
        let outcome = try NetlabImporter.run(bytes: try NetlabFixture.bytes(name), file: name,
                                             options: .init(sourceName: name, clusterFromGroup: true))
        let topology = try #require(NetlabFixture.load(DocumentWriter.write(outcome.document)))
        let lab = try NetlabFixture.netlab(name)
        let groups = lab.pairs(lab.at("groups")).filter { !$0.0.hasPrefix("netlab_") }.map { ($0.0, lab.names(lab.at("members", from: $0.1))) }
        #expect(!topology.hosts.isEmpty)
        for (h, host) in topology.hosts.enumerated() {
            let expected = groups.first { $0.1.contains(topology.hostName(h)) }?.0 ?? "netlab"
            #expect(topology.clusters[host.cluster].name == expected, "\(topology.hostName(h)) in \(name)")
        }
    }

    /// A LAG is known by its member links, which both ends list: a Linux host's LAG
    /// interface names the VLAN's layer-3 neighbours, not the switch's LAG.
    @Test func aLinuxHostsLAGReachesItsSwitch() throws {
        let outcome = try NetlabFixture.outcome("netlab-26.10-lag-linux-host")
        let text = DocumentWriter.write(outcome.document)
        #expect(text.contains("h1: {rack: s1-rack, uplinks: [s1], vlans: [red]}"), "\(text)")
        #expect(!text.contains("cabled to no switch"))
        #expect(outcome.approximations.allSatisfy { $0.kind != "no-switch" })
    }

    @Test func notANetlabTopologyIsAnErrorWithALocation() throws {
        let examples = CLI.packageRoot.appendingPathComponent("examples/two-sites-vsphere.yaml").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: examples)))
        #expect(throws: ImportFailure.self) { try NetlabImporter.run(bytes: bytes, file: examples, options: .init(sourceName: examples)) }
        do {
            _ = try NetlabImporter.run(bytes: Array("nodes: [r1, r2]\n".utf8), file: "t.yml", options: .init(sourceName: "t.yml"))
            Issue.record("a topology before netlab create was accepted")
        } catch {
            #expect(error.diagnostics.map(\.location.description) == ["t.yml:1:8"])
        }
    }

    /// A topology written by hand, or a malformed one, is refused with every place that
    /// says so, rather than imported as a design missing what was not understood.
    @Test func handWrittenOrMalformedInputIsRefusedWithLocations() throws {
        func failure(_ text: String) -> [String] {
            do {
                _ = try NetlabImporter.run(bytes: Array(text.utf8), file: "t.yml", options: .init(sourceName: "t.yml"))
                return []
            } catch {
                return error.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
            }
        }
        #expect(failure("# nothing here\n") == ["1:1 the file is empty: a resolved netlab topology (netlab.snapshot.yml) holds one YAML mapping"])
        #expect(failure("nodes:\n  s1:\n  h1: {device: linux}\nlinks: [s1-h1]\n") == [
            "2:6 node 's1' is nothing, not a mapping",
            "3:7 node 'h1' has no 'id' and no 'interfaces': not a resolved netlab topology; import what 'netlab create' writes (netlab.snapshot.yml)",
        ])
        #expect(failure("""
            vlans: {red: {id: 5000}}
            nodes:
              a: {id: 1, interfaces: [{ifname: e1, ifindex: 1, linkindex: 1, neighbors: [{node: ghost, ifname: e1}]}]}
              b: {id: 2, interfaces: 7}
            groups: 5
            """) == [
            "3:78 an interface of node 'a' faces node 'ghost', which the topology does not have",
            "4:26 interfaces of node 'b' is '7', not a list",
            "5:9 'groups' is '5', not a mapping",
            "1:19 VLAN 'red' has id 5000; a VLAN id is from 1 to 4094",
        ])
    }
}

/// A host stands in the rack of the switch on its first port, whatever order the nodes'
/// names put the links in.
@Suite struct NetlabPortOrderTests {
    static let snapshot = """
    name: lab
    vlans:
      red: {id: 10, prefix: {ipv4: 10.0.0.0/24}}
    nodes:
      leaf1:
        id: 1
        module: [vlan]
        vlans: {red: {id: 10, mode: bridge}}
        interfaces:
        - {ifname: e1, ifindex: 1, linkindex: 2, neighbors: [{node: srv1}], vlan: {access: red}}
      leaf2:
        id: 2
        module: [vlan]
        vlans: {red: {id: 10, mode: bridge}}
        interfaces:
        - {ifname: e1, ifindex: 1, linkindex: 1, neighbors: [{node: srv1}], vlan: {access: red}}
      srv1:
        id: 3
        role: host
        interfaces:
        - {ifname: eth1, ifindex: 1, linkindex: 1, neighbors: [{node: leaf2}]}
        - {ifname: eth2, ifindex: 2, linkindex: 2, neighbors: [{node: leaf1}]}
    """

    @Test func theFirstPortDecidesTheRack() throws {
        let outcome = try NetlabImporter.run(bytes: Array(Self.snapshot.utf8), file: "o.yml", options: .init(sourceName: "o.yml"))
        let text = DocumentWriter.write(outcome.document)
        #expect(text.contains("srv1: {rack: leaf2-rack, uplinks: [leaf2, leaf1], vlans: [red]}"), "\(text)")
    }
}

/// `--site-from-group`: the groups the BGP module makes by itself (one per AS) are no
/// places; a node goes to its own group's site, and to an AS group's only when in no other.
@Suite struct NetlabASGroupTests {
    static let snapshot = """
    name: lab
    groups:
      as65000: {members: [s1, s2]}
      fra: {members: [s1]}
    nodes:
      s1: {id: 1, module: [vlan], vlans: {red: {id: 10, mode: bridge}}, interfaces: []}
      s2: {id: 2, module: [vlan], vlans: {red: {id: 10, mode: bridge}}, interfaces: []}
    vlans:
      red: {id: 10}
    """

    @Test func anASGroupComesLast() throws {
        let outcome = try NetlabImporter.run(bytes: Array(Self.snapshot.utf8), file: "g.yml",
                                             options: .init(sourceName: "g.yml", siteFromGroup: true))
        let text = DocumentWriter.write(outcome.document)
        #expect(text.contains("  s1-rack: {pod: fra-p1}\n"), "\(text)")
        #expect(text.contains("  s2-rack: {pod: as65000-p1}\n"), "\(text)")
    }
}

/// Names netlab allows that YAML or the format would misread, end to end.
@Suite struct NetlabNameTests {
    static let snapshot = """
    name: lab
    _netlab_version: "26.03"
    vlans:
      "no": {id: 10, prefix: {ipv4: 10.0.0.0/24}}
    nodes:
      "on":
        role: router
        module: [vlan]
        vlans: {"no": {id: 10, mode: irb}}
        interfaces:
        - {ifname: e1, ifindex: 1, linkindex: 1, neighbors: [{node: "0101"}], vlan: {access: "no"}}
        - {ifname: Vlan10, type: svi, ipv4: 10.0.0.1/24, vlan: {name: "no", mode: irb}}
      "0101":
        role: host
        interfaces:
        - {ifname: eth1, ifindex: 1, linkindex: 1, neighbors: [{node: "on"}], gateway: {ipv4: 10.0.0.1/24}}
      "leaf[1:2]":
        role: router
        interfaces: []
    """

    @Test func awkwardNodeAndVLANNames() throws {
        let outcome = try NetlabImporter.run(bytes: Array(Self.snapshot.utf8), file: "s.yml", options: .init(sourceName: "s.yml"))
        let text = DocumentWriter.write(outcome.document)
        #expect(text.contains("# netlab version: 26.03\n"))
        let topology = try #require(NetlabFixture.load(text))
        #expect(topology.switches.map(\.name).sorted() == ["leaf(1:2)", "on"])
        #expect(topology.hosts.indices.map(topology.hostName) == ["0101"])
        #expect(topology.vlans.map(\.name) == ["no"])
        let analysis = Analysis(topology)
        let domains = analysis.domains(ofVLAN: 0)
        #expect(domains.count == 1 && domains.first?.hostCount == 1)
        #expect(topology.vlans[0].gateway == .single(try #require(topology.switches.firstIndex { $0.name == "on" })))
        #expect(text.contains("  # netlab name: leaf[1:2]\n"))
        #expect(text.contains("  \"on\": {rack: on-rack, role: access, vlans: [\"no\"]}\n"))
    }
}

/// Nodes the format has no place for are left out with a comment, not silently.
@Suite struct NetlabLeftOutTests {
    static let snapshot = """
    name: pair
    nodes:
      h1:
        role: host
        interfaces:
        - {ifname: eth1, ifindex: 1, linkindex: 1, neighbors: [{node: h2}]}
      h2:
        role: host
        interfaces:
        - {ifname: eth1, ifindex: 1, linkindex: 1, neighbors: [{node: h1}]}
    """

    @Test func hostsWithoutSwitches() throws {
        let outcome = try NetlabImporter.run(bytes: Array(Self.snapshot.utf8), file: "p.yml", options: .init(sourceName: "p.yml"))
        let counts = Dictionary(uniqueKeysWithValues: outcome.approximations.map { ($0.kind, $0.count) })
        #expect(counts == ["host-link": 1, "no-switch": 2])
        let text = DocumentWriter.write(outcome.document)
        let topology = try #require(NetlabFixture.load(text))
        #expect(topology.hosts.isEmpty && topology.switches.isEmpty)
        #expect(text.contains("clusters: {}\n  # h1 (netlab host) left out: cabled to no switch\n  # h2 (netlab host) left out: cabled to no switch\n"))
        #expect(outcome.warningLines(source: "netlab") == [
            "topolint: warning: netlab import: 1 links between two nodes that do not bridge, left out (see the comments in the written file)",
            "topolint: warning: netlab import: 2 nodes cabled to no switch, left out (see the comments in the written file)",
        ])
    }
}
