import Testing
import TopolintCore
@testable import TopolintModel

/// Hosts and links written the usual way load on a direct path (`loadPlainHost`,
/// `loadPlainLink`); a `description` sends the same entity down the general path. Both
/// must give the same model, field by field.
@Suite("Core: hosts and links written plainly")
struct PlainFormLoadTests {
    /// One design, written twice: `extra` is added to every host and link mapping.
    static func design(extra: String) -> String {
        """
        topology: t
        version: 1
        sites:
          s1:
        racks:
          r1: {site: s1}
          r2: {site: s1}
        switches:
          leaf1: {rack: r1, vlans: all}
          leaf2: {rack: r1, vlans: [v10, v20]}
          leaf3: {rack: r2, vlans: [v20]}
          spine1: {site: s1, role: spine}
        links:
          - {between: [leaf1, spine1], mode: routed\(extra)}
          - {between: [leaf2, spine1]\(extra)}
          - {between: [leaf3, spine1], mode: trunk, vlans: [v20, v10, v20]\(extra)}
          - {between: [leaf3, leaf2], vlans: all\(extra)}
          - {between: [leaf1, leaf3], vlans: []\(extra)}
        vlans:
          v10: {id: 10}
          v20: {id: 20}
          v30: {id: 30}
        clusters:
          c1:
            vlans: [v20]
            hosts:
              h1: {rack: r1, uplinks: [leaf1, leaf2]\(extra)}
              h2: {rack: r1, uplinks: [leaf2, leaf2]\(extra)}
              h3: {rack: r2, uplinks: [leaf3], vlans: [v30, v10, v30]\(extra)}
              h4: {rack: r2, uplinks: [leaf3, leaf1, leaf2, leaf1], vlans: []\(extra)}
              "h5": {rack: "r2", uplinks: [leaf3]\(extra)}

        """
    }

    @Test func bothPathsGiveTheSameModel() throws {
        let plain = try #require(CoreFixture.topology(Self.design(extra: "")))
        let general = try #require(CoreFixture.topology(Self.design(extra: ", description: d")))
        #expect(plain.hosts.count == 5)
        #expect((0..<plain.hosts.count).map(plain.hostName) == ["h1", "h2", "h3", "h4", "h5"])
        #expect((0..<plain.hosts.count).map(plain.hostName) == (0..<general.hosts.count).map(general.hostName))
        for (p, g) in zip(plain.hosts, general.hosts) {
            #expect(p.cluster == g.cluster && p.rack == g.rack && p.vlans == g.vlans && Array(p.uplinks) == Array(g.uplinks))
            #expect(p.location(in: plain.file) == g.location(in: general.file))
        }
        let leaf = { (name: String) in plain.switches.firstIndex { $0.name == name }! }
        #expect(Array(plain.hosts[1].uplinks) == [leaf("leaf2")])
        #expect(Array(plain.hosts[3].uplinks) == [leaf("leaf3"), leaf("leaf1"), leaf("leaf2")])
        let v = { (name: String) in plain.vlans.firstIndex { $0.name == name }! }
        #expect(plain.hosts[2].vlans == [v("v10"), v("v20"), v("v30")].sorted())
        #expect(plain.hosts[3].vlans == [v("v20")])

        #expect(plain.links.count == 5)
        for (p, g) in zip(plain.links, general.links) {
            #expect(p.a == g.a && p.b == g.b && p.mode == g.mode && p.vlans == g.vlans && p.location == g.location)
        }
        #expect(plain.linkNames == general.linkNames)
        #expect(plain.links.map(\.mode) == [.routed, .trunk, .trunk, .trunk, .trunk])
        #expect(plain.links[2].vlans == .some([v("v10"), v("v20")].sorted()))
        #expect(plain.links[3].vlans == .all && plain.links[4].vlans == .some([]))
        #expect(plain.name(ofLink: 0) == "leaf1 -- spine1")
    }

    @Test func mistakesInPlainlyWrittenEntitiesAreReportedAsBefore() {
        let yaml = Self.design(extra: "")
            .replacingOccurrences(of: "h2: {rack: r1, uplinks: [leaf2, leaf2]}", with: "h2: {rack: r9, uplinks: [leaf2, leaf2]}")
            .replacingOccurrences(of: "- {between: [leaf2, spine1]}", with: "- {between: [leaf2, leaf2]}")
            + "  c2:\n    hosts:\n      h1: {rack: r1, uplinks: [leaf1]}\n"
        let found = CoreFixture.diagnostics(yaml)
        CoreFixture.expect(found, .unresolvedReference, line: 28, column: 18, "rack of host 'h2' names rack 'r9', which does not exist")
        CoreFixture.expect(found, .schema, line: 15, column: 15, "a link joins a switch to itself")
        CoreFixture.expect(found, .duplicate, line: 34, column: 7, "duplicate host name 'h1' (first at line 27, column 7)")
        #expect(found.count == 3)
    }
}

/// Reference lists keep each index once, in the order first written, whatever their length.
@Suite("Core: reference lists without repeats")
struct DistinctInOrderTests {
    @Test(arguments: [0, 1, 2, 3, 16, 17, 48, 200])
    func aListKeepsItsFirstOccurrences(_ length: Int) {
        let distinct = (0..<length).map { ($0 * 7919) % 1009 }
        #expect(distinctInOrder(distinct) == distinct)
        let repeated = distinct + distinct.reversed() + distinct.prefix(3)
        #expect(distinctInOrder(repeated) == distinct)
    }
}
