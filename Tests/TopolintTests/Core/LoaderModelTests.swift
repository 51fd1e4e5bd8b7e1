import Testing
import TopolintCore
@testable import TopolintModel

/// What the loader builds from valid files: locations, defaults, VLAN references, YAML
/// features (docs/format.md, sections 2–4).
@Suite("Core: topology model")
struct CoreLoaderModelTests {
    static let places = """
        topology: t
        version: 1
        sites:
          s1:
          s2:
        pods:
          p1: {site: s1}
          p2: {site: s1}
          q1: {site: s2}
        racks:
          r1: {pod: p1}
          r2: {pod: p1, site: s1}
          r3: {site: s2}

        """

    func index<T>(_ list: [T], _ name: String, _ nameOf: (T) -> String) throws -> Int {
        try #require(list.firstIndex { nameOf($0) == name }, "no \(name)")
    }

    @Test("a rack takes its pod's site; a rack given by site alone has no pod")
    func rackDerivation() throws {
        let t = try #require(CoreFixture.topology(Self.places))
        let s1 = try index(t.sites, "s1", \.name), s2 = try index(t.sites, "s2", \.name)
        let p1 = try index(t.pods, "p1", \.name)
        #expect(t.pods.map(\.site) == [s1, s1, s2])
        #expect(t.racks.map(\.name) == ["r1", "r2", "r3"])
        #expect(t.racks.map(\.pod) == [p1, p1, nil])
        #expect(t.racks.map(\.site) == [s1, s1, s2])
    }

    @Test("a switch is placed by rack, pod or site, each adding what follows from it")
    func switchPlacement() throws {
        let t = try #require(CoreFixture.topology(Self.places + """
            switches:
              by-rack: {rack: r1}
              by-pod: {pod: p2}
              by-site: {site: s2}
              rack-pod-site: {rack: r2, pod: p1, site: s1}
              pod-site: {pod: q1, site: s2}
              rack-no-pod: {rack: r3, site: s2}
            """))
        func placement(_ name: String) throws -> Placement { t.switches[try index(t.switches, name, \.name)].placement }
        let s1 = try index(t.sites, "s1", \.name), s2 = try index(t.sites, "s2", \.name)
        let p1 = try index(t.pods, "p1", \.name), p2 = try index(t.pods, "p2", \.name), q1 = try index(t.pods, "q1", \.name)
        #expect(try placement("by-rack") == Placement(rack: 0, pod: p1, site: s1))
        #expect(try placement("by-pod") == Placement(rack: nil, pod: p2, site: s1))
        #expect(try placement("by-site") == Placement(rack: nil, pod: nil, site: s2))
        #expect(try placement("rack-pod-site") == Placement(rack: 1, pod: p1, site: s1))
        #expect(try placement("pod-site") == Placement(rack: nil, pod: q1, site: s2))
        #expect(try placement("rack-no-pod") == Placement(rack: 2, pod: nil, site: s2))
    }

    @Test("locations that disagree are TL002 at the value that disagrees")
    func placementDisagreements() {
        let diagnostics = CoreFixture.diagnostics(Self.places + """
            switches:
              a: {rack: r1, pod: p2}
              b: {rack: r1, site: s2}
              c: {pod: q1, site: s1}
              d: {rack: r3, pod: q1}
            """)
        #expect(diagnostics.count == 4, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 15, column: 22, "rack 'r1', which is not in pod 'p2'")
        CoreFixture.expect(diagnostics, .schema, line: 16, column: 23, "in site 's1' by its rack or pod, not in site 's2'")
        CoreFixture.expect(diagnostics, .schema, line: 17, column: 22, "in site 's2' by its rack or pod, not in site 's1'")
        CoreFixture.expect(diagnostics, .schema, line: 18, column: 22, "rack 'r3', which is not in pod 'q1'")
    }

    @Test("a rack whose pod and site disagree is TL002 at the site")
    func rackDisagreement() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {s1: , s2: }
            pods: {p1: {site: s1}}
            racks:
              r1: {pod: p1, site: s2}
              r2: {description: nowhere}
            """)
        #expect(diagnostics.count == 2, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 6, column: 23, "rack 'r1' is in pod 'p1' of site 's1', not in site 's2'")
        CoreFixture.expect(diagnostics, .schema, line: 7, column: 3, "needs a pod or a site")
    }

    @Test("defaults: role access, vtep false, no VLANs; links trunk carrying all; count 1; platform generic; zones share hosts")
    func defaults() throws {
        let t = try #require(CoreFixture.topology(Self.places + """
            switches:
              a: {rack: r1}
              b: {rack: r1, role: spine, vtep: true, vlans: all}
            links:
              - between: [a, b]
              - {between: [a, b], mode: routed, vlans: [v]}
            vlans:
              v: {id: 10, zone: z}
            zones:
              z:
              y: {shared_hosts: false}
            clusters:
              c:
                hosts:
                  h: {rack: r1, uplinks: [a]}
              d:
                platform: vsphere-7.0
                max_hosts: 4
                hosts: {}
            workloads:
              w: {cluster: c, vlans: [v]}
            """))
        #expect(t.name == "t")
        #expect(t.switches[0].role == .access)
        #expect(t.switches[0].vtep == false)
        #expect(t.switches[0].vlans == .some([]))
        #expect(t.switches[1].role == .spine)
        #expect(t.switches[1].vtep == true)
        #expect(t.switches[1].vlans == .all)
        #expect(t.links[0].mode == .trunk)
        #expect(t.links[0].vlans == .all)
        #expect(t.name(ofLink: 0) == "a -- b")
        #expect(t.links[1].mode == .routed)
        #expect(t.links[1].vlans == .some([0]))
        #expect(t.workloads[0].count == 1)
        #expect(t.clusters[0].platform == "generic")
        #expect(t.clusters[0].maxHosts == nil)
        #expect(t.clusters[1].platform == "vsphere-7.0")
        #expect(t.clusters[1].maxHosts == 4)
        #expect(t.clusters[1].hosts.isEmpty)
        #expect(t.clusters[0].hosts == 0..<1)
        #expect(t.zones.map(\.sharedHosts) == [true, false])
        #expect(t.vlans[0].zone == 0)
        #expect(t.vlans[0].gateway == nil)
        #expect(t.vlans[0].vni == nil)
    }

    @Test("a host carries the union of its cluster's and its own VLANs, sorted and distinct")
    func hostVLANUnion() throws {
        let t = try #require(CoreFixture.topology(Self.places + """
            vlans:
              a: {id: 1}
              b: {id: 2}
              c: {id: 3}
            clusters:
              k:
                vlans: [c, a]
                hosts:
                  h1: {rack: r1, uplinks: [sw], vlans: [b, a]}
                  h2: {rack: r1, uplinks: [sw]}
            switches:
              sw: {rack: r1}
            """))
        #expect(t.clusters[0].vlans == [0, 2])
        #expect(t.hosts[0].vlans == [0, 1, 2])
        #expect(t.hosts[1].vlans == [0, 2])
    }

    @Test("a VLAN list takes a YAML integer when exactly one VLAN has that id")
    func vlanByID() throws {
        let t = try #require(CoreFixture.topology(Self.places + """
            vlans:
              web: {id: 100}
              db: {id: 200}
              "300": {id: 7}
            switches:
              a: {rack: r1, vlans: [100, db]}
              b: {rack: r1, vlans: [200, "300"]}
            """))
        #expect(t.switches[0].vlans == .some([0, 1]))
        #expect(t.switches[1].vlans == .some([1, 2]))
    }

    @Test("a VLAN id shared by several VLANs, or held by none, is an error naming them")
    func vlanByIDAmbiguous() {
        let diagnostics = CoreFixture.diagnostics(Self.places + """
            vlans:
              web: {id: 100}
              blue: {id: 300}
              green: {id: 300}
            switches:
              a: {rack: r1, vlans: [300, web]}
              b: {rack: r1, vlans: [999]}
              c: {rack: r1, vlans: ["100"]}
            """)
        #expect(diagnostics.count == 3, "\(diagnostics.map(\.oneLine))")
        let shared = CoreFixture.expect(diagnostics, .unresolvedReference, line: 19, column: 25, "VLAN id 300")
        #expect(shared?.message.contains("blue, green") == true)
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 20, column: 25, "VLAN id 999, which no VLAN has")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 21, column: 25, "vlan '100'")
    }

    @Test("merge keys bring in defaults; keys written in the entity win")
    func mergeKeys() throws {
        let t = try #require(CoreFixture.topology(Self.places + """
            switches:
              leaf1: &leaf {rack: r1, role: leaf, vlans: [v, w], vtep: true}
              leaf2:
                <<: *leaf
                rack: r2
              core:
                <<: [{role: core, site: s1}, *leaf]
                vtep: false
            vlans:
              v: {id: 1}
              w: {id: 2}
            """))
        let leaf2 = t.switches[1]
        #expect(leaf2.name == "leaf2")
        #expect(leaf2.role == .leaf)
        #expect(leaf2.vtep)
        #expect(leaf2.vlans == .some([0, 1]))
        #expect(t.racks[leaf2.placement.rack!].name == "r2")
        let core = t.switches[2]
        #expect(core.role == .core, "the first merge source wins over later ones")
        #expect(core.vtep == false)
        #expect(t.racks[core.placement.rack!].name == "r1")
    }

    @Test("an entity written with no value is an empty mapping")
    func nullEntities() throws {
        let t = try #require(CoreFixture.topology("""
            topology: t
            version: 1
            sites:
              fra1:
              ams1: null
              lon1: ~
              par1: {}
            zones:
              dmz:
            """))
        #expect(t.sites.map(\.name) == ["fra1", "ams1", "lon1", "par1"])
        #expect(t.zones.map(\.sharedHosts) == [true])
    }

    @Test("names are unique per kind: a site, a pod, a rack and a switch may share one")
    func namesPerKind() throws {
        let t = try #require(CoreFixture.topology("""
            topology: t
            version: 1
            sites: {x: }
            pods: {x: {site: x}}
            racks: {x: {pod: x}}
            switches: {x: {rack: x}}
            zones: {x: }
            vlans: {x: {id: 1, zone: x, gateway: x}}
            clusters: {x: {hosts: {x: {rack: x, uplinks: [x]}}}}
            workloads: {x: {cluster: x, vlans: [x]}}
            migration_domains: {x: {clusters: [x]}}
            """))
        #expect(t.switches[0].placement == Placement(rack: 0, pod: 0, site: 0))
        #expect(t.vlans[0].gateway == .single(0))
        #expect(t.migrationDomains.map(\.workloads) == [[0]])
    }

    @Test("empty sections are fine")
    func emptySections() throws {
        let t = try #require(CoreFixture.topology("""
            topology: t
            version: 1
            sites:
            pods: {}
            links: []
            site_links:
            """))
        #expect(t.sites.isEmpty && t.pods.isEmpty && t.links.isEmpty && t.siteLinks.isEmpty)
    }

    @Test("scalars are read as written: no, on, 0101 and yes are names")
    func scalarsAsWritten() throws {
        let t = try #require(CoreFixture.topology("""
            topology: 0101
            version: 1
            sites:
              no: {}
            pods:
              on: {site: no}
            racks:
              0101: {pod: on}
            switches:
              yes: {rack: 0101, vlans: [off, 0101]}
              off: {site: no}
            vlans:
              off: {id: 3}
              0101: {id: 5}
            """))
        #expect(t.name == "0101")
        #expect(t.sites.map(\.name) == ["no"])
        #expect(t.pods.map(\.name) == ["on"])
        #expect(t.racks.map(\.name) == ["0101"])
        #expect(t.switches.map(\.name) == ["yes", "off"])
        #expect(t.switches[0].placement.rack == 0)
        #expect(t.vlans.map(\.name) == ["off", "0101"])
        #expect(t.switches[0].vlans == .some([0, 1]), "0101 names the VLAN called 0101, not an id")
    }

    @Test("numbers and booleans take YAML's plain forms")
    func plainForms() throws {
        let t = try #require(CoreFixture.topology("""
            topology: t
            version: 1
            sites: {a: , b: , c: }
            site_links:
              - {between: [a, b], rtt_ms: 2.5, bandwidth_gbps: 100}
              - {between: [b, c], rtt_ms: 0}
            switches:
              x: {site: a, vtep: true}
              y: {site: a, vtep: false}
            """))
        #expect(t.siteLinks.map(\.rttMs) == [2.5, 0])
        #expect(t.siteLinks.map(\.bandwidthGbps) == [100, nil])
        #expect(t.switches.map(\.vtep) == [true, false])
    }

    @Test("gateways: one switch, active with standbys, anycast with patterns")
    func gateways() throws {
        let t = try #require(CoreFixture.topology(Self.places + """
            switches:
              "g[1:4]": {rack: r1, vlans: all}
            vlans:
              one: {id: 1, gateway: g1}
              ha: {id: 2, gateway: {active: g2, standby: [g3, g4]}}
              any: {id: 3, gateway: {anycast: ["g[1:3]"]}}
              none: {id: 4}
            """))
        #expect(t.vlans[0].gateway == .single(0))
        #expect(t.vlans[1].gateway == .activeStandby(active: 1, standby: [2, 3]))
        #expect(t.vlans[1].gateway?.forwarding == [1])
        #expect(t.vlans[1].gateway?.allSwitches == [1, 2, 3])
        #expect(t.vlans[2].gateway == .anycast([0, 1, 2]))
        #expect(t.vlans[2].gateway?.forwarding == [0, 1, 2])
        #expect(t.vlans[3].gateway == nil)
    }

    @Test("ignore entries are recorded per instance with the rule as written")
    func ignores() throws {
        let t = try #require(CoreFixture.topology(Self.places + """
            vlans:
              web: {id: 1, ignore: {stretched-vlan: "approved"}}
            switches:
              "sw[1:2]": {rack: r1, ignore: {TL200: "lab"}}
            """))
        #expect(t.ignores.count == 3)
        #expect(t.ignores.map(\.subject.name).sorted() == ["sw1", "sw2", "web"])
        let web = try #require(t.ignores.first { $0.subject.name == "web" })
        #expect(web.subject.kind == "vlan")
        #expect(web.rule == "stretched-vlan")
        #expect(web.reason == "approved")
        #expect(web.location.line == 15 && web.location.column == 25)
        #expect(web.subjectLocation.line == 15 && web.subjectLocation.column == 3)
    }

    @Test("entities carry the position of their key")
    func entityLocations() throws {
        let t = try #require(CoreFixture.topology(Self.places + """
            switches:
              "tor[1:2]": {rack: r1}
            links:
              - {between: [tor1, tor2]}
            """))
        #expect(t.sites[1].location == SourceLocation(file: CoreFixture.file, line: 5, column: 3))
        #expect(t.racks[2].location == SourceLocation(file: CoreFixture.file, line: 13, column: 3))
        #expect(t.switches.map(\.location.line) == [15, 15])
        #expect(t.switches[1].location.column == 3)
        #expect(t.links[0].location == SourceLocation(file: CoreFixture.file, line: 17, column: 5))
    }

    @Test("the same pair linked twice makes two links (parallel links)")
    func parallelLinks() throws {
        let t = try #require(CoreFixture.topology(Self.places + """
            switches:
              a: {rack: r1}
              b: {rack: r1}
            links:
              - {between: [a, b]}
              - {between: [b, a]}
            """))
        #expect(t.links.count == 2)
    }
}
