import Foundation
import Testing

/// The README's own topology example must load: documentation that does not parse is a bug.
@Suite struct ReadmeTests {
    @Test func formatExampleLoadsCleanly() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## The topology format in short"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```yaml\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        let yaml = String(rest[start.upperBound..<end.lowerBound])
        let r = try CLI.run(["domains", "-", "--format", "json"], stdin: Data(yaml.utf8))
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let domains = (r.json as? [String: Any])?["broadcast_domains"] as? [[String: Any]] ?? []
        #expect(domains.count == 1)
        #expect(domains.first?["endpoints"] as? Int == 120)
        #expect(domains.first?["scope"] as? String == "pod")
    }
}
