import Foundation
import Testing
import TopolintImport

/// `topolint import netlab` as a user runs it, alone and piped into `lint -`.
@Suite struct ImportCLITests {
    @Test func writesTheFileAndOneWarningPerKind() throws {
        let name = "vlan-trunk-native"
        let result = try CLI.run(["import", "netlab", NetlabFixture.path(name)])
        #expect(result.status == 0, "\(result.stderr)")
        let outcome = try NetlabFixture.outcome(name)
        let warnings = result.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.count == outcome.approximations.count && warnings.count == 3)
        #expect(warnings.contains("topolint: warning: netlab import: 2 links with a native (untagged) VLAN, written as a tagged member (see the comments in the written file)"))
        #expect(result.stdout.hasPrefix("# Imported from netlab by `topolint import netlab`: \(NetlabFixture.path(name))\n"))
    }

    @Test func outputFileHoldsTheSameBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lab.topology.yaml").path
        let name = "vlan-vrrp"
        let written = try CLI.run(["import", "netlab", NetlabFixture.path(name), "-o", file])
        let printed = try CLI.run(["import", "netlab", NetlabFixture.path(name), "-o", "-"])
        #expect(written.status == 0 && printed.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self) == printed.stdout)
    }

    @Test func pipedIntoLint() throws {
        // The anycast lab's VLAN red is two broadcast domains (netlab's links never bridge
        // r1 and r2), which lint reports as a partitioned VLAN.
        let imported = try CLI.run(["import", "netlab", NetlabFixture.path("anycast-gateway"), "-o", "-"])
        #expect(imported.status == 0)
        let lint = try CLI.run(["lint", "-", "--format", "json"], stdin: Data(imported.stdout.utf8))
        #expect(lint.status == 1, "\(lint.stdout)\(lint.stderr)")
        let json = try #require(lint.json as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String ?? "" }.contains("TL210"), "\(findings)")
        // A lab without such faults lints clean.
        let clean = try CLI.run(["import", "netlab", NetlabFixture.path("vlan-vrrp")])
        #expect(try CLI.run(["lint", "-"], stdin: Data(clean.stdout.utf8)).status == 0)
    }

    @Test func readsStandardInput() throws {
        let name = "evpn-vxlan"
        let result = try CLI.run(["import", "netlab", "-"], stdin: Data(try NetlabFixture.bytes(name)))
        let fromFile = try CLI.run(["import", "netlab", NetlabFixture.path(name)])
        #expect(result.status == 0)
        let body = { (text: String) in text.split(separator: "\n").dropFirst().joined(separator: "\n") }
        #expect(result.stdout.hasPrefix("# Imported from netlab by `topolint import netlab`: standard input\n"))
        #expect(body(result.stdout) == body(fromFile.stdout))
    }

    @Test func badInputExitsTwoWithALocation() throws {
        let notNetlab = try CLI.run(["import", "netlab", "examples/two-sites-vsphere.yaml"])
        #expect(notNetlab.status == 2)
        // The location is the document's top mapping: its first line after the comments.
        let example = String(decoding: try Data(contentsOf: CLI.packageRoot.appendingPathComponent("examples/two-sites-vsphere.yaml")), as: UTF8.self)
        let firstLine = try #require(example.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { !$0.hasPrefix("#") && !$0.isEmpty }) + 1
        #expect(notNetlab.stderr.hasPrefix("examples/two-sites-vsphere.yaml:\(firstLine):1: error[TL002] not a netlab topology"))
        #expect(notNetlab.stdout.isEmpty)
        let missing = try CLI.run(["import", "netlab", "no-such-file.yml"])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("no-such-file.yml:1:1: error[TL001]"))
        let broken = try CLI.run(["import", "netlab", "-"], stdin: Data("nodes: {a: [\n".utf8))
        #expect(broken.status == 2 && broken.stderr.contains("error[TL001]"))
        let unknownSource = try CLI.run(["import", "netbox-nope", "x"])
        #expect(unknownSource.status == 2)
    }
}
