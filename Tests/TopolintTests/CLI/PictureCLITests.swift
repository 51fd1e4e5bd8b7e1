import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `lint --format html`, `what-if --format html` and `graph`, run as a user would.
@Suite struct PictureCLITests {
    static let example = "examples/two-sites-vsphere.yaml"

    static func count(_ pattern: String, in text: String) throws -> Int {
        let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    @Test func lintDrawsTheExampleAndListsItsFindings() throws {
        let result = try CLI.run(["lint", Self.example, "--format", "html"])
        #expect(result.status == 1)
        let html = result.stdout
        for site in ["fra1", "ams1"] { #expect(html.contains(">\(site)</text>")) }
        #expect(html.contains(">8 ms</text>"))
        #expect(html.contains("VLAN web (100) · multi-site · 8 switches · 24 hosts · 160 endpoints"))
        #expect(html.contains("VLAN vmotion (20) · multi-site · 10 switches · 60 hosts · 0 endpoints"))
        #expect(html.contains("VLAN web (100): 40 endpoints in ams1 → gateway fra1-core in fra1, 8 ms"))
        // The migration domain metro would let shop-frontend (120 VMs) trombone the same way.
        #expect(html.contains("if shop-frontend moved to ams1: VLAN web (100): 120 endpoints in ams1 → gateway fra1-core in fra1, 8 ms"))
        #expect(try Self.count("^<tr class=\"sev-", in: html) == 7)
        #expect(html.contains("<span class=\"n\">6</span><span class=\"l\">high</span>"))
    }

    @Test func severalFilesMakeOnePageWithASectionEach() throws {
        let result = try CLI.run(["lint", Self.example, "examples/evpn-leaf-spine.yaml", "--format", "html"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("id=\"f0\"><h2>examples/two-sites-vsphere.yaml</h2>"))
        #expect(result.stdout.contains("id=\"f1\"><h2>examples/evpn-leaf-spine.yaml</h2>"))
        #expect(try Self.count("class=\"topology\"", in: result.stdout) == 2)
        #expect(result.stdout.contains("id=\"f1-site-0\"") && result.stdout.contains(">ber1</text>"))
    }

    /// A Mermaid graph past Mermaid's default limits (500 links) gets a warning that says
    /// what to do; a small one none.
    @Test func aMermaidGraphPastTheRenderersLimitsSaysSo() throws {
        let medium = try CLI.run(["generate", "--profile", "medium", "--seed", "1"]).stdout
        let big = try CLI.run(["graph", "-", "--format", "mermaid"], stdin: Data(medium.utf8))
        #expect(big.status == 0)
        #expect(big.stderr.contains("topolint: warning: this Mermaid graph has 833 links"), "\(big.stderr)")
        #expect(big.stderr.contains("--vlan"))
        #expect(try CLI.run(["graph", Self.example, "--format", "mermaid"]).stderr.isEmpty)
    }

    /// A rack reached by more stretched VLANs than it has room for stripes (four), or a site
    /// or pod by more than its dots (six), counts the rest and names them on hover.
    @Test func bandsBeyondTheStripesAndDotsAreCounted() throws {
        let yaml = """
            topology: s
            version: 1
            sites: {a: {}, b: {}}
            site_links: [{between: [a, b], rtt_ms: 2}]
            racks: {ra: {site: a}, rb: {site: b}}
            switches: {sa: {rack: ra, vlans: [v1, v2, v3, v4, v5, v6, v7, v8]}, sb: {rack: rb, vlans: [v1, v2, v3, v4, v5, v6, v7, v8]}}
            links: [{between: [sa, sb]}]
            vlans: {v1: {id: 1}, v2: {id: 2}, v3: {id: 3}, v4: {id: 4}, v5: {id: 5}, v6: {id: 6}, v7: {id: 7}, v8: {id: 8}}
            """
        let svg = try CLI.run(["graph", "-", "--format", "svg"], stdin: Data(yaml.utf8)).stdout
        #expect(try Self.count(">\\+4<title>VLAN v5, VLAN v6, VLAN v7, VLAN v8</title>", in: svg) == 2)   // each rack
        #expect(try Self.count(">\\+2<title>VLAN v7, VLAN v8</title>", in: svg) == 4)   // each site and pod header
    }

    /// With a file that cannot be loaded, the run reports no findings (docs/report.md); a
    /// file that loaded is still drawn, and its section says why it lists none.
    @Test func aLoadedFileBesideOneThatCannotBeSaysItsFindingsWait() throws {
        let result = try CLI.run(["lint", Self.example, "examples/mistakes.yaml", "--format", "html"])
        #expect(result.status == 2)
        let html = result.stdout
        #expect(html.contains("id=\"f0\"><h2>examples/two-sites-vsphere.yaml</h2>\n<p class=\"counts\">Findings not reported: another file of this run cannot be loaded"))
        #expect(html.contains(">fra1</text>"))
    }

    @Test func whatIfPutsBeforeAndAfterSideBySide() throws {
        let result = try CLI.run(["what-if", Self.example, "--migration-domain", "fra1-prod,ams1-dr", "--name", "metro-all", "--format", "html"])
        #expect(result.status == 1)
        let html = result.stdout
        #expect(html.contains("<h1>What if clusters fra1-prod, ams1-dr formed one migration domain (metro-all)?</h1>"))
        #expect(html.contains("<span class=\"added\">adds 5</span> <span class=\"resolved\">resolves 0</span>"))
        #expect(html.contains("7 findings (0 critical, 6 high, 1 medium, 0 low), max score 8.5"))
        #expect(html.contains("12 findings (2 critical, 8 high, 2 medium, 0 low), max score 9.5"))
        // db would have to reach ams1-dr: the after drawing shows it bridged to ams1.
        #expect(html.contains("VLAN db (200) · multi-site · 5 switches · 24 hosts · 6 endpoints · if stretched to cluster ams1-dr"))
        #expect(try Self.count("class=\"sev-[a-z]+ changed\"", in: html) == 5)
    }

    @Test func dotHasEverySwitchAndLinkAndGraphvizReadsIt() throws {
        let result = try CLI.run(["graph", Self.example, "--format", "dot"])
        #expect(result.status == 0)
        // 10 switches; 4 + 2 ToR uplinks, 2 core-DCI links, 2 DCI waves.
        #expect(try Self.count("^\\s*n[0-9]+ \\[label=", in: result.stdout) == 10)
        #expect(try Self.count(" -- ", in: result.stdout) == 10)
        #expect(try Self.count("label=\"vmotion, web\"", in: result.stdout) == 2)
        #expect(try Self.count("subgraph cluster_", in: result.stdout) == 4)
    }

    @Test func mermaidOfOneVLANHasItsDomains() throws {
        let result = try CLI.run(["graph", Self.example, "--vlan", "web", "--format", "mermaid"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("subgraph g0[\"domain 1: multi-site, ams1, fra1, 24 hosts, 160 endpoints\"]"))
        #expect(try Self.count("^\\s*n[0-9]+\\[\"", in: result.stdout) == 8)
    }

    @Test func svgIsTheDrawingAlone() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("t.svg")
        let result = try CLI.run(["graph", Self.example, "--format", "svg", "-o", out.path])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let svg = try String(contentsOf: out, encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.contains(">fra1</text>"))
        // Its XML parses.
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test func anUnknownVLANIsAUsageErrorWithASuggestion() throws {
        let result = try CLI.run(["graph", Self.example, "--vlan", "webb"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no VLAN 'webb'") && result.stderr.contains("did you mean 'web'?"))
    }

    /// Names may hold any character; none may break the page, the drawing or a graph.
    static let hostile = """
    topology: "t<&>"
    version: 1
    sites: {"s<1>&\\"x\\"": {}, "s2 'q'": {}}
    site_links: [{between: ["s<1>&\\"x\\"", "s2 'q'"], rtt_ms: 3}]
    pods: {"p]]>": {site: "s<1>&\\"x\\""}, p2: {site: "s2 'q'"}}
    racks: {"r<script>": {pod: "p]]>"}, r2: {pod: p2}}
    switches:
      "sw\\"1": {rack: "r<script>", vlans: ["v#1;<x>"]}
      "sw\\\\N": {rack: r2, vlans: ["v#1;<x>"]}
    links: [{between: ["sw\\"1", "sw\\\\N"]}]
    vlans: {"v#1;<x>": {id: 10}}
    """

    @Test func hostileNamesAreEscapedInEveryFormat() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("hostile.yaml")
        try Self.hostile.write(to: file, atomically: true, encoding: .utf8)
        let html = try CLI.run(["lint", file.path, "--format", "html"])
        #expect(html.status == 1)
        // Only the page's own script tag; the rack's name is text.
        #expect(try Self.count("<script>", in: html.stdout) == 1)
        #expect(html.stdout.contains(">r&lt;script&gt;</text>") && html.stdout.contains(">s&lt;1&gt;&amp;&quot;x&quot;</text>"))
        let svg = try #require(html.stdout.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\"").flatMap { start in
            html.stdout[start.lowerBound...].range(of: "</svg>").map { String(html.stdout[start.lowerBound..<$0.upperBound]) }
        })
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")

        let dot = try CLI.run(["graph", file.path, "--vlan", "v#1;<x>"])
        #expect(dot.status == 0)
        #expect(dot.stdout.contains("n0 [label=\"sw\\\"1\"") && dot.stdout.contains("n1 [label=\"sw\\\\N\""))
        let mermaid = try CLI.run(["graph", file.path, "--format", "mermaid"])
        #expect(mermaid.stdout.contains("n0[\"sw#quot;1\"]") && mermaid.stdout.contains("subgraph g0[\"site s#lt;1#gt;#amp;#quot;x#quot;\"]"))
    }
}
