import Testing
import TopolintCore
@testable import TopolintModel

/// Load errors with their code, line and column (docs/format.md#9-load-errors).
@Suite("Core: loader diagnostics")
struct CoreLoaderDiagnosticsTests {
    @Test("TL001: a syntax error, at libyaml's position, and nothing else")
    func syntaxError() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: fra1: {}
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .yamlSyntax, line: 3, column: 12, "mapping values are not allowed")
    }

    @Test("TL001: an unclosed flow mapping")
    func unclosedFlow() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites:
              fra1: {description: x
              ams1: {}
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        #expect(diagnostics.first?.code == .yamlSyntax)
        #expect(diagnostics.first?.location.line == 5)
    }

    @Test("TL001: more than one document, at the second document's start")
    func twoDocuments() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            ---
            topology: u
            version: 1
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .yamlSyntax, line: 3, column: 1, "more than one YAML document")
    }

    @Test("TL004: a duplicate mapping key, at the second key")
    func duplicateKey() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites:
              fra1: {}
              ams1: {}
              fra1: {description: again}
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        let d = CoreFixture.expect(diagnostics, .duplicate, line: 6, column: 3, "duplicate key 'fra1'")
        #expect(d?.message.contains("line 4, column 3") == true)
    }

    @Test("TL004: a duplicate key inside an entity's fields")
    func duplicateField() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {s: }
            switches:
              a: {site: s, role: leaf, role: spine}
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .duplicate, line: 5, column: 28, "duplicate key 'role'")
    }

    @Test("TL004: overlapping patterns name the same entity twice, at the later key")
    func overlappingPatterns() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {s: }
            racks:
              "r[1:3]": {site: s}
              "r[3:4]": {site: s}
              r4: {site: s}
            """)
        #expect(diagnostics.count == 2, "\(diagnostics.map(\.oneLine))")
        let d = CoreFixture.expect(diagnostics, .duplicate, line: 6, column: 3, "duplicate rack name 'r3'")
        #expect(d?.message.contains("line 5, column 3") == true)
        CoreFixture.expect(diagnostics, .duplicate, line: 7, column: 3, "duplicate rack name 'r4'")
    }

    @Test("TL004: duplicate host names across clusters")
    func duplicateHostsAcrossClusters() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {s: }
            racks: {r: {site: s}}
            switches: {sw: {rack: r}}
            clusters:
              a:
                hosts:
                  "esx[1:2]": {rack: r, uplinks: [sw]}
              b:
                hosts:
                  esx2: {rack: r, uplinks: [sw]}
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .duplicate, line: 12, column: 7, "duplicate host name 'esx2' (first at line 9, column 7)")
    }

    @Test("TL004: two VLANs with one vni, at the second vni")
    func duplicateVNI() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            vlans:
              a: {id: 1, vni: 5000}
              b: {id: 2, vni: 5000}
              c: {id: 3, vni: 5001}
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        let d = CoreFixture.expect(diagnostics, .duplicate, line: 5, column: 19, "vni 5000")
        #expect(d?.message.contains("'a'") == true)
    }

    @Test("TL004: the same site pair linked twice, either way round, at the second link")
    func duplicateSiteLink() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {a: , b: , c: }
            site_links:
              - {between: [a, b], rtt_ms: 1}
              - {between: [b, c], rtt_ms: 2}
              - between: [b, a]
                rtt_ms: 3
            """)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        let d = CoreFixture.expect(diagnostics, .duplicate, line: 7, column: 5, "duplicate site link between b and a")
        #expect(d?.message.contains("line 5, column 5") == true)
    }

    @Test("TL002: an unknown key suggests the closest known one")
    func unknownKey() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {s: }
            racks: {r: {site: s}}
            switches: {tor: {rack: r}}
            clusters:
              c:
                hosts:
                  h1: {rack: r, uplink: [tor]}
                  h2: {rack: r}
            """)
        // The misspelt required key is reported once, as the typo, not again as missing.
        #expect(diagnostics.count == 2, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 9, column: 21, "unknown key 'uplink' in host 'h1'", help: "did you mean 'uplinks'?")
        CoreFixture.expect(diagnostics, .schema, line: 10, column: 7, "host 'h2' is missing the required key 'uplinks'")
    }

    @Test("TL002: unknown keys at the top level and far from any known key")
    func unknownKeysElsewhere() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            site: {}
            vlans:
              v: {id: 1, colour: red}
            """)
        #expect(diagnostics.count == 2, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 3, column: 1, "unknown key 'site' in the top level", help: "did you mean 'sites'?")
        let d = CoreFixture.expect(diagnostics, .schema, line: 5, column: 14, "unknown key 'colour'")
        #expect(d?.help?.contains("known keys: id, subnet, zone, vni, gateway") == true)
    }

    @Test("TL002: wrong types, each at its value")
    func wrongTypes() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {a: , b: }
            site_links:
              - {between: [a, b], rtt_ms: fast}
            pods: [p1]
            switches:
              x: {site: a, vtep: yes, role: leef}
            workloads:
              w: {cluster: c, vlans: [v], count: many}
            clusters:
              c: {hosts: {}}
            vlans:
              v: {id: "7"}
            """)
        #expect(diagnostics.count == 6, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 5, column: 31, "rtt_ms must be a number, not 'fast'")
        CoreFixture.expect(diagnostics, .schema, line: 6, column: 7, "must be a mapping")
        CoreFixture.expect(diagnostics, .schema, line: 8, column: 22, "vtep must be true or false, not 'yes'")
        CoreFixture.expect(diagnostics, .schema, line: 8, column: 33, "role is 'leef'", help: "did you mean 'leaf'?")
        CoreFixture.expect(diagnostics, .schema, line: 10, column: 38, "count must be a whole number, not 'many'")
        CoreFixture.expect(diagnostics, .schema, line: 14, column: 11, "id of VLAN 'v' must be a whole number")
    }

    @Test("TL002: missing required keys, at the entity's key")
    func missingRequired() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            sites: {s: }
            pods:
              p1: {}
            switches:
              sw: {role: core}
            links:
              - {vlans: all}
            vlans:
              v: {subnet: 10.0.0.0/24}
            """)
        #expect(diagnostics.count == 5, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 1, column: 1, "missing the required key 'version'")
        CoreFixture.expect(diagnostics, .schema, line: 4, column: 3, "pod 'p1' is missing the required key 'site'")
        CoreFixture.expect(diagnostics, .schema, line: 6, column: 3, "needs a location: rack, pod or site")
        CoreFixture.expect(diagnostics, .schema, line: 8, column: 5, "missing the required key 'between'")
        CoreFixture.expect(diagnostics, .schema, line: 10, column: 3, "missing the required key 'id'")
    }

    @Test("TL002: values out of range")
    func outOfRange() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 2
            sites: {a: , b: }
            site_links:
              - {between: [a, b], rtt_ms: -1}
            vlans:
              v: {id: 5000}
              w: {id: 0, vni: 16777216}
            """)
        #expect(diagnostics.count == 5, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 2, column: 10, "version 2 is not supported")
        CoreFixture.expect(diagnostics, .schema, line: 5, column: 31, "rtt_ms is -1, out of range")
        CoreFixture.expect(diagnostics, .schema, line: 7, column: 11, "id of VLAN 'v' is 5000, out of range: it must be from 1 to 4094")
        CoreFixture.expect(diagnostics, .schema, line: 8, column: 11, "is 0, out of range")
        CoreFixture.expect(diagnostics, .schema, line: 8, column: 19, "vni of VLAN 'w' is 16777216, out of range")
    }

    @Test("TL002: pattern keys where the format does not allow them")
    func patternKeyOnCluster() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            clusters:
              "c[1:2]": {hosts: {}}
            vlans:
              "v[1:2]": {id: 1}
            zones:
              "z[a:b]": {}
            migration_domains:
              "m[1:2]": {clusters: []}
            """)
        #expect(diagnostics.count == 4, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 4, column: 3, "cluster names cannot be range patterns")
        CoreFixture.expect(diagnostics, .schema, line: 6, column: 3, "vlan names cannot be range patterns")
        CoreFixture.expect(diagnostics, .schema, line: 8, column: 3, "zone names cannot be range patterns")
        CoreFixture.expect(diagnostics, .schema, line: 10, column: 3, "migration domain names cannot be range patterns")
    }

    @Test("TL002: an unknown platform lists the known ones")
    func unknownPlatform() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            clusters:
              c: {platform: vsphere-7, hosts: {}}
              d: {platform: esxi, hosts: {}}
            """)
        #expect(diagnostics.count == 2, "\(diagnostics.map(\.oneLine))")
        let d = CoreFixture.expect(diagnostics, .schema, line: 4, column: 17, "unknown platform 'vsphere-7'", help: "did you mean 'vsphere-7.0'?")
        #expect(d?.message.contains("generic, hyperv-2022, vsphere-4.1, vsphere-7.0") == true)
        CoreFixture.expect(diagnostics, .schema, line: 5, column: 17, "unknown platform 'esxi'")
    }

    @Test("TL002: other schema rules of the entity fields (docs/format.md#4-entities-and-their-fields)")
    func otherSchemaRules() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {a: }
            site_links:
              - {between: [a, a], rtt_ms: 1}
            racks: {r: {site: a}}
            switches:
              s: {rack: r}
            links:
              - {between: [s, s]}
              - {between: [s], mode: bridged}
            vlans:
              v: {id: 1, subnet: 10.0.0.0/33, gateway: [s]}
            clusters:
              c:
                hosts:
                  h: {rack: r, uplinks: []}
            workloads:
              w: {cluster: c, vlans: []}
            """)
        #expect(diagnostics.count == 8, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 5, column: 15, "two different sites")
        CoreFixture.expect(diagnostics, .schema, line: 10, column: 15, "a link joins a switch to itself")
        CoreFixture.expect(diagnostics, .schema, line: 11, column: 15, "two switch references")
        CoreFixture.expect(diagnostics, .schema, line: 11, column: 26, "mode is 'bridged'")
        CoreFixture.expect(diagnostics, .schema, line: 13, column: 22, "not an IPv4 or IPv6 prefix")
        CoreFixture.expect(diagnostics, .schema, line: 13, column: 44, "is a list")
        CoreFixture.expect(diagnostics, .schema, line: 17, column: 29, "needs at least one uplink")
        CoreFixture.expect(diagnostics, .schema, line: 19, column: 26, "needs at least one VLAN")
    }

    @Test("TL002: ignore entries name a known rule and give a reason")
    func ignoreEntries() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites:
              a: {ignore: {stretched-vlam: "typo"}}
              b: {ignore: {TL200: ""}}
              c: {ignore: [TL200]}
              d: {tags: fra}
              e: {tags: [1, [2]]}
            site_links:
              - {between: [a, b], rtt_ms: 1, ignore: {bogus-rule: "x", TL200: " "}, tags: 5}
              - {between: [c, c], rtt_ms: 1, ignore: 7}
            """)
        #expect(diagnostics.count == 10, "\(diagnostics.map(\.oneLine))")
        // A site link's description, tags and ignore are checked as on every entity, also
        // on a link whose ends are wrong.
        CoreFixture.expect(diagnostics, .schema, line: 10, column: 43, "unknown rule 'bogus-rule'")
        CoreFixture.expect(diagnostics, .schema, line: 10, column: 67, "needs a reason")
        CoreFixture.expect(diagnostics, .schema, line: 10, column: 79, "tags must be a list of strings")
        CoreFixture.expect(diagnostics, .schema, line: 11, column: 15, "joins two different sites")
        CoreFixture.expect(diagnostics, .schema, line: 11, column: 42, "ignore must be a mapping")
        CoreFixture.expect(diagnostics, .schema, line: 4, column: 16, "unknown rule 'stretched-vlam'", help: "did you mean 'stretched-vlan'?")
        CoreFixture.expect(diagnostics, .schema, line: 5, column: 23, "needs a reason")
        CoreFixture.expect(diagnostics, .schema, line: 6, column: 15, "ignore must be a mapping")
        CoreFixture.expect(diagnostics, .schema, line: 7, column: 13, "tags must be a list of strings")
        CoreFixture.expect(diagnostics, .schema, line: 8, column: 17, "tags must be a list of strings; this item is a list")
    }

    @Test("TL002: gateway forms and site-link ends")
    func gatewayAndSiteLinkForms() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {"s[1:2]": }
            site_links:
              - {between: ["s[1:2]", s1], rtt_ms: 1}
            switches: {g: {site: s1}}
            vlans:
              a: {id: 1, gateway: {anycast: []}}
              b: {id: 2, gateway: {active: g, anycast: [g]}}
              c: {id: 3, gateway: {standby: [g]}}
              d: {id: 4, gateway: {primary: g}}
              e: {id: 5, gateway: {active: g, standby: [g]}}
            clusters: {c: {hosts: {h: {rack: r, uplinks: [g]}}}}
            racks: {r: {site: s1}}
            workloads: {}
            migration_domains: {m: {clusters: [c], workloads: []}}
            """)
        #expect(diagnostics.count == 7, "\(diagnostics.map(\.oneLine))")
        // A switch cannot stand by for itself; an empty workloads list is no restriction
        // (leave it out), as an empty hosts list of a workload is not.
        CoreFixture.expect(diagnostics, .schema, line: 12, column: 44, "names 'g' as both active and standby")
        CoreFixture.expect(diagnostics, .schema, line: 16, column: 51, "names no workload in workloads")
        CoreFixture.expect(diagnostics, .schema, line: 5, column: 16, "plain site names, not the pattern 's[1:2]'")
        CoreFixture.expect(diagnostics, .schema, line: 8, column: 33, "anycast needs at least one switch")
        CoreFixture.expect(diagnostics, .schema, line: 9, column: 23, "either anycast or active/standby")
        CoreFixture.expect(diagnostics, .schema, line: 10, column: 23, "standby switches but no active one")
        CoreFixture.expect(diagnostics, .schema, line: 11, column: 24, "unknown key 'primary'")
        // A mapping of unknown keys is reported key by key; it is not "empty".
        #expect(!diagnostics.contains { $0.message.contains("empty mapping") })
    }

    @Test("TL002: counts and limits on workloads and clusters")
    func countsAndLimits() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            vlans: {v: {id: 1}}
            clusters:
              c: {max_hosts: 0, hosts: {}}
            workloads:
              w: {cluster: c, vlans: [v], count: 0}
              x: {cluster: c, vlans: [v], count: 2.5}
              y: {cluster: c, vlans: [v], count: 9223372036854775807}
            """)
        #expect(diagnostics.count == 4, "\(diagnostics.map(\.oneLine))")
        // Past a huge upper bound, the bound is said (not "at least 1", which the value meets).
        CoreFixture.expect(diagnostics, .schema, line: 9, column: 38, "count is 9223372036854775807, out of range: it must be from 1 to 2147483647")
        CoreFixture.expect(diagnostics, .schema, line: 5, column: 18, "max_hosts is 0, out of range: it must be at least 1")
        CoreFixture.expect(diagnostics, .schema, line: 7, column: 38, "count is 0, out of range")
        CoreFixture.expect(diagnostics, .schema, line: 8, column: 38, "count must be a whole number, not '2.5'")
    }

    @Test("TL003: a dangling reference suggests the close name")
    func danglingReference() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {fra1: }
            racks: {fra1-r01: {site: fra1}}
            switches:
              fra1-r01-tor: {rack: fra1-r01}
            clusters:
              c:
                hosts:
                  esx1: {rack: fra1-r01, uplinks: [fra1-r01-tr]}
                  esx2: {rack: fra2-r01, uplinks: [somewhere-else]}
            """)
        #expect(diagnostics.count == 3, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 10, column: 40,
                           "uplinks of host 'esx1' names switch 'fra1-r01-tr', which does not exist",
                           help: "did you mean 'fra1-r01-tor'?")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 11, column: 20, "rack 'fra2-r01'",
                           help: "did you mean 'fra1-r01'?")
        let far = CoreFixture.expect(diagnostics, .unresolvedReference, line: 11, column: 40, "switch 'somewhere-else'")
        #expect(far?.help == nil, "no suggestion when nothing is close")
    }

    @Test("TL003: references of every kind are checked")
    func referencesOfEveryKind() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {s: }
            pods: {p: {site: x}}
            racks: {r: {pod: q}}
            vlans:
              v: {id: 1, zone: dmz, gateway: gw}
            links:
              - {between: [a, b]}
            workloads:
              w: {cluster: nope, vlans: [v]}
            migration_domains:
              m: {clusters: [nope]}
            """)
        #expect(diagnostics.count == 8, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 4, column: 18, "site 'x'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 5, column: 18, "pod 'q'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 7, column: 20, "zone 'dmz'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 7, column: 34, "switch 'gw'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 9, column: 16, "switch 'a'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 9, column: 19, "switch 'b'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 11, column: 16, "cluster 'nope'")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 13, column: 18, "cluster 'nope'")
    }

    @Test("several problems are collected in one run, sorted by position")
    func collectsSeveral() {
        let diagnostics = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites:
              fra1: {}
              fra1: {}
            racks:
              r1: {site: fra2}
            switches:
              tor: {rack: r1, vlanz: [web]}
            vlans:
              web: {id: 5000}
            clusters:
              "c[1:2]": {hosts: {}}
            """)
        #expect(diagnostics.map(\.code) == [.duplicate, .unresolvedReference, .schema, .schema, .schema])
        #expect(diagnostics.map(\.location.line) == [5, 7, 9, 11, 13])
        #expect(diagnostics.map(\.location.column) == [3, 14, 19, 13, 3])
        #expect(diagnostics[2].help == "did you mean 'vlans'?")
    }

    @Test("diagnostics render as one line with file, line, column and code")
    func oneLine() throws {
        let diagnostics = CoreFixture.diagnostics("topology: t\nversion: 1\nsites: {s: {desc: x}}\n")
        let d = try #require(diagnostics.first)
        #expect(d.oneLine == "core.yaml:3:13: error[TL002] unknown key 'desc' in site 's' (known keys: description, tags, ignore)")
    }

    @Test("A value tagged !!str is text, as if quoted: a typed field does not read a number there")
    func stringTagMakesText() {
        let diagnostics = CoreFixture.diagnostics("topology: t\nversion: !!str 1\n")
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .schema, line: 2, column: 10, "version must be the number 1, not '1'")
        #expect(CoreFixture.diagnostics("topology: t\nversion: !!int 1\n").isEmpty)
    }
}
