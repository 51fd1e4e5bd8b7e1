import Foundation
import Testing

/// `topolint domains --format json` on each example equals the hand-checked figures in
/// Tests/Golden (Tests/Golden/README.md says how each was worked out).
@Suite struct GoldenDomainsTests {
    static let examples = ["two-sites-vsphere", "evpn-leaf-spine", "three-tier-legacy"]

    @Test(arguments: examples)
    func domainsMatchTheHandCheckedFigures(example: String) throws {
        let golden = CLI.packageRoot.appendingPathComponent("Tests/Golden/\(example).domains.json")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: golden)) as? NSDictionary
        let result = try CLI.run(["domains", "examples/\(example).yaml", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let actual = try #require(result.json as? NSDictionary)
        #expect(actual == expected, "domains of \(example) differ from Tests/Golden")
    }

    @Test func textTableListsEveryDomain() throws {
        let result = try CLI.run(["domains", "examples/two-sites-vsphere.yaml"])
        #expect(result.status == 0)
        let json = try CLI.run(["domains", "examples/two-sites-vsphere.yaml", "--format", "json"]).json as? [String: Any]
        let count = (json?["broadcast_domains"] as? [Any])?.count ?? -1
        #expect(result.stdout.contains("\(count) broadcast domain"))
        #expect(result.stdout.hasPrefix("VLAN"))
    }

    @Test func stubsAreListedAndSaidToBeStubs() throws {
        // web: tor1 holds the gateway, tor2 a host, tor3 nothing (a stub); db: tor3 alone, a stub.
        let yaml = """
            topology: t
            version: 1
            sites: {s: {}}
            racks: {"r[1:3]": {site: s}}
            switches: {"tor[1:3]": {rack: "r{1}", vlans: [web, db]}}
            vlans: {web: {id: 100, gateway: tor1}, db: {id: 200}}
            clusters: {c: {vlans: [web], hosts: {h2: {rack: r2, uplinks: [tor2]}}}}
            """
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let json = try CLI.run(["domains", file.path, "--format", "json"]).json as? [String: Any]
        let entries = try #require(json?["broadcast_domains"] as? [[String: Any]])
        let stubs = entries.map { "\($0["vlan"] as? String ?? "") \(($0["switches"] as? [String] ?? []).joined(separator: ",")) \($0["stub"] as? Bool ?? false)" }
        #expect(stubs == ["db tor1 true", "db tor2 true", "db tor3 true", "web tor1 false", "web tor2 false", "web tor3 true"])
        let text = try CLI.run(["domains", file.path]).stdout
        #expect(text.split(separator: "\n").filter { $0.hasSuffix("(stub)") }.count == 4)
        #expect(text.contains("4 stubs (switches only: no host and no gateway of the VLAN); a stub does not make its VLAN partitioned"))
        // The same file: web has two domains that hold something, so it is partitioned; db is not.
        let lint = try CLI.run(["lint", file.path, "--format", "json"]).json as? [String: Any]
        let partitioned = (lint?["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "TL210" }
        #expect(partitioned.compactMap { ($0["subject"] as? [String: Any])?["name"] as? String } == ["web"])
        #expect(partitioned.first.flatMap { ($0["context"] as? [String: Any])?["domains"] as? Int } == 2)
    }
}
