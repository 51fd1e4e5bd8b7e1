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

    @Test func exploreRunsAScriptedSessionThroughAPipe() throws {
        let script = "clusters\nadd fra1-prod ams1-dr\nremove ams1-dr\nundo\nvlan web\nadd nosuch\nquit\n"
        let r = try CLI.run(["explore", "examples/two-sites-vsphere.yaml"], stdin: Data(script.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        #expect(out.contains("3 clusters, 6 VLANs, 7 findings as written"))
        #expect(out.contains("ams1-dr              site ams1"))
        #expect(out.contains("proposal proposed: fra1-prod, ams1-dr\n  +5 added, -0 resolved; max score 8.5 -> 9.5"))
        #expect(out.contains("proposal proposed: fra1-prod\n  +0 added"))
        #expect(out.components(separatedBy: "+5 added").count == 3)   // after add, and again after undo
        #expect(out.contains("VLAN web (100): 1 broadcast domain\n  multi-site: 8 switches, 24 hosts, 160 endpoints"))
        #expect(out.contains("unknown cluster 'nosuch'"))
    }
}
