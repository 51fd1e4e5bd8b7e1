import Foundation
import Testing

/// `what-if` and `explore` through the command line.
@Suite struct WhatIfCLITests {
    @Test func jsonHasReportShapeAndGatesOnAddedFindings() throws {
        let r = try CLI.run(["what-if", "examples/two-sites-vsphere.yaml", "--migration-domain", "fra1-prod,ams1-dr", "--name", "metro2", "--format", "json"])
        #expect(r.status == 1)
        let json = try #require(r.json as? [String: Any])
        for key in ["added", "resolved"] { #expect(json[key] is [[String: Any]], "\(key)") }
        for key in ["before", "after"] {
            let summary = try #require(json[key] as? [String: Any])
            for field in ["findings", "suppressed", "low", "medium", "high", "critical", "max_score"] { #expect(summary[field] != nil, "\(key).\(field)") }
        }
        let added = json["added"] as? [[String: Any]] ?? []
        #expect(added.contains { $0["rule"] as? String == "TL302" })
        for finding in added {
            for field in ["rule", "name", "score", "severity", "message", "fix", "subject", "location", "context", "fingerprint"] {
                #expect(finding[field] != nil, "finding.\(field)")
            }
        }
        // Gating: nothing added reaches critical? Then --fail-on critical passes only if so.
        let critical = added.contains { $0["severity"] as? String == "critical" }
        let gated = try CLI.run(["what-if", "examples/two-sites-vsphere.yaml", "--migration-domain", "fra1-prod,ams1-dr", "--fail-on", "critical"])
        #expect(gated.status == (critical ? 1 : 0))
    }

    @Test func workloadsRestrictTheProposal() throws {
        func added(_ extra: [String]) throws -> [String] {
            let r = try CLI.run(["what-if", "examples/two-sites-vsphere.yaml", "--migration-domain", "fra1-prod,ams1-dr", "--format", "json"] + extra)
            return ((r.json as? [String: Any])?["added"] as? [[String: Any]] ?? []).map {
                "\($0["rule"] as? String ?? "") \((($0["context"] as? [String: Any])?["vlan"] as? String) ?? "-")"
            }.sorted()
        }
        // Every workload of both clusters: db and fra1-mgmt would be missing in ams1, web trombones.
        #expect(try added([]) == ["TL300 -", "TL301 db", "TL301 fra1-mgmt", "TL302 -", "TL401 web"])
        // Only shop-db moves: its db is missing in ams1, and nothing else of the workloads is judged.
        #expect(try added(["--workloads", "shop-db"]) == ["TL300 -", "TL301 db", "TL302 -"])
        let text = try CLI.run(["what-if", "examples/two-sites-vsphere.yaml", "--migration-domain", "fra1-prod,ams1-dr", "--workloads", "shop-db"]).stdout
        #expect(text.hasPrefix("What if clusters ams1-dr, fra1-prod formed one migration domain (proposed), moving only shop-db?\n"))
        let wrong = try CLI.run(["what-if", "examples/two-sites-vsphere.yaml", "--migration-domain", "fra1-prod,ams1-dr", "--workloads", "shop-fronted"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("unknown workload 'shop-fronted' (did you mean 'shop-frontend'?)"))
        let tooMany = try CLI.run(["what-if", "examples/two-sites-vsphere.yaml", "--migration-domain", "fra1-prod,ams1-dr", "--workloads", "a", "--workloads", "b"])
        #expect(tooMany.status == 2)
    }

    @Test func unknownClusterIsAUsageError() throws {
        let r = try CLI.run(["what-if", "examples/two-sites-vsphere.yaml", "--migration-domain", "fra1-prod,ams1-drr"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean 'ams1-dr'?"))
    }

    @Test func removalResolves() throws {
        let r = try CLI.run(["what-if", "examples/two-sites-vsphere.yaml", "--remove-migration-domain", "metro", "--format", "json"])
        #expect(r.status == 0)
        let resolved = ((r.json as? [String: Any])?["resolved"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(Set(resolved) == ["TL300", "TL302", "TL401"])
    }

    /// A stretch onto switches that already carry another VLAN with the same id says the
    /// two would be one segment (text and JSON).
    @Test func aStretchOntoAnIDInUseSaysSo() throws {
        let yaml = Fixture.twoSites().replacingOccurrences(of: "ams1-tor: {rack: ams1-r1, vlans: [web]}", with: "ams1-tor: {rack: ams1-r1, vlans: [dr-web]}")
            .replacingOccurrences(of: "vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: fra1-tor}}",
                                  with: "vlans: {web: {id: 100, subnet: 10.1.0.0/24, gateway: fra1-tor}, dr-web: {id: 100, subnet: 10.9.0.0/24, gateway: ams1-tor}}")
            .replacingOccurrences(of: "dr-b: {platform: vsphere-4.1, vlans: [web]", with: "dr-b: {platform: vsphere-4.1, vlans: [dr-web]")
        let text = try CLI.run(["what-if", "-", "--migration-domain", "prod-a,dr-b"], stdin: Data(yaml.utf8))
        #expect(text.stdout.contains("switches ams1-tor would have to carry it, and they carry VLAN dr-web with the same id: the two would be one segment on the wire."), "\(text.stdout)\(text.stderr)")
        let json = try CLI.run(["what-if", "-", "--migration-domain", "prod-a,dr-b", "--format", "json"], stdin: Data(yaml.utf8))
        let proposals = (json.json as? [String: Any])?["proposals"] as? [[String: Any]]
        let stretches = proposals?.first?["stretches"] as? [[String: Any]]
        #expect(stretches?.first?["same_id_on_new_switches"] as? [String] == ["dr-web"], "\(json.stdout.prefix(600))")
    }

    /// `explore` on the two-site example driven through a pipe: what it printed (it must
    /// end with status 0).
    static func explore(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try CLI.run(["explore", "examples/two-sites-vsphere.yaml"], stdin: Data(script.utf8))
        #expect(r.status == 0, "\(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    @Test func exploreRunsAScriptedSessionThroughAPipe() throws {
        let script = "clusters\nadd fra1-prod ams1-dr\nremove ams1-dr\nundo\nvlan web\nadd nosuch\nworkloads shop-db\nworkloads shop-dbb\nundo\nquit\n"
        let out = try Self.explore(script)
        #expect(out.contains("3 clusters, 6 VLANs, 7 findings as written"))
        #expect(out.contains("ams1-dr              site ams1"))
        #expect(out.contains("proposal proposed: fra1-prod, ams1-dr\n  +5 added, -0 resolved; max score 8.5 -> 9.5"))
        #expect(out.contains("proposal proposed: fra1-prod\n  +0 added"))
        #expect(out.contains("VLAN web (100): 1 broadcast domain\n  multi-site: 8 switches, 24 hosts, 160 endpoints"))
        #expect(out.contains("unknown cluster 'nosuch'"))
        // workloads restricts the proposal: shop-db alone adds TL300, TL301 (db), TL302.
        #expect(out.contains("proposal proposed: fra1-prod, ams1-dr; moving only shop-db\n  +3 added"))
        #expect(out.contains("no workload 'shop-dbb'; did you mean 'shop-db'?"))
        // undo brings back every workload: +5 again.
        #expect(out.components(separatedBy: "+5 added").count == 4)
    }

    /// Words in quotes are their text (so a quoted name is checked like any), an empty name
    /// or a bare add/remove gets a usage line, a name given twice counts once, and control
    /// characters typed never reach the terminal.
    @Test func exploreReadsQuotesRepeatsAndControlCharacters() throws {
        let script = "name \"metro\"\nname \"\"\nadd\nremove\nadd 'fra1-prod' ams1-dr\nworkloads shop-db shop-db shop-db\nadd \u{1B}[2Jx\nquit\n"
        let out = try Self.explore(script)
        #expect(out.contains("the topology already has a migration domain named 'metro'"))
        #expect(out.contains("usage: name NEW-NAME (one word)"))
        #expect(out.contains("usage: add CLUSTER [CLUSTER ...]"))
        #expect(out.contains("usage: remove CLUSTER [CLUSTER ...]"))
        #expect(out.contains("proposal proposed: fra1-prod, ams1-dr; moving only shop-db\n"))
        #expect(out.contains("unknown cluster '\u{FFFD}[2Jx'"))
        #expect(!out.contains("\u{1B}"))
    }

    /// A change that cannot form a domain is taken back whole, so `show` and `undo` agree
    /// with what was last shown; `name` re-evaluates and refuses a name the design has.
    @Test func exploreKeepsItsStateTrueAfterAChangeThatFails() throws {
        let script = "name metro\nadd fra1-prod\tams1-dr fra1-prod\nworkloads vdi-pool-a\nname renamed\nshow\nundo\nshow\nquit\n"
        let out = try Self.explore(script)
        #expect(out.contains("the topology already has a migration domain named 'metro'; choose another name"))
        // A tab separates words; a cluster named twice is in the proposal once.
        #expect(out.contains("proposal proposed: fra1-prod, ams1-dr\n"))
        // vdi-pool-a runs on fra1-vdi, not in the proposal: nothing changes.
        #expect(out.contains("cannot form the domain: workload 'vdi-pool-a' runs on cluster 'fra1-vdi', which is not in the proposed domain\nnothing changed\n"))
        #expect(out.contains("proposal renamed: fra1-prod, ams1-dr\n"))
        // show: the renamed proposal, every workload moving; after undo, the old name.
        #expect(out.contains("migration domain renamed lets VMs move"))
        let afterUndo = out.components(separatedBy: "what-if> undo").last ?? ""
        #expect(afterUndo.contains("proposal proposed: fra1-prod, ams1-dr"))
        #expect(!afterUndo.contains("migration domain renamed"))
    }

    @Test func exploreClustersTableKeepsItsColumnsForAStretchedCluster() throws {
        let yaml = """
            topology: t
            version: 1
            sites: {fra1: {}, fra2-long-site-name: {}}
            pods: {p1: {site: fra1}, p2-long-pod-name: {site: fra2-long-site-name}}
            racks: {r1: {pod: p1}, r2: {pod: p2-long-pod-name}}
            switches: {t1: {rack: r1}, t2: {rack: r2}}
            clusters:
              metro: {platform: vsphere-7.0, hosts: {a: {rack: r1, uplinks: [t1]}, b: {rack: r2, uplinks: [t2]}}}
              local: {platform: hyperv-2022, hosts: {c: {rack: r1, uplinks: [t1]}}}
            """
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["explore", file.path], stdin: Data("clusters\nquit\n".utf8))
        let rows = r.stdout.split(separator: "\n").filter { $0.contains(" hosts") && $0.contains(" site ") }.map(String.init)
        #expect(rows.count == 2)
        // Every column starts at the same offset in both rows.
        for word in [" site ", " pod ", "vsphere-7.0", "hyperv-2022"] where rows.allSatisfy({ $0.contains(word) }) {
            #expect(Set(rows.map { $0.range(of: word)!.lowerBound.utf16Offset(in: $0) }).count == 1, "\(word): \(rows)")
        }
        let platform = rows.map { row in ["vsphere-7.0", "hyperv-2022"].compactMap { row.range(of: $0)?.lowerBound.utf16Offset(in: row) }.first }
        #expect(platform[0] == platform[1], "\(rows)")
    }
}
