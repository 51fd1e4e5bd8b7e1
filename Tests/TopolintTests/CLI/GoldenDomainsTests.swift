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
}
