import Foundation
import Testing
import TopolintCore
@testable import TopolintReporters

/// A hand-made picture: the writers see nothing else.
enum DrawnFixture {
    /// `sites` sites in a row, each with one pod of `racksPerPod` racks and a ToR per rack;
    /// one band from the first site to the last, one trombone from the last site back.
    static func picture(sites: Int, racksPerPod: Int, siteName: (Int) -> String = { "dc\($0 + 1)" }) -> Picture {
        var p = Picture(title: "grid")
        for s in 0..<sites {
            p.sites.append(Picture.Site(name: siteName(s)))
            p.pods.append(Picture.Pod(name: "\(siteName(s))-p1", site: s))
            for r in 0..<racksPerPod {
                let rack = p.racks.count
                p.racks.append(Picture.Rack(name: "\(siteName(s))-r\(r + 1)", pod: s, hosts: 4))
                p.switches.append(Picture.Switch(name: "\(siteName(s))-r\(r + 1)-tor", role: "leaf", site: s, pod: s, rack: rack))
            }
            if s > 0 { p.siteLinks.append(Picture.SiteLink(a: s - 1, b: s, rttMs: Double(s) + 0.5)) }
        }
        p.bands = [Picture.Band(vlan: "web", vlanID: 100, scope: "multi-site", switchCount: 9, hosts: 12, endpoints: 160,
                                firstSwitch: "x", sites: Array(0..<sites), pods: Array(0..<sites), racks: [0, p.racks.count - 1],
                                reasons: ["stretched"])]
        p.trombones = [Picture.Trombone(vlan: "web", vlanID: 100, fromSite: sites - 1, toSite: 0, gateway: "core", rttMs: 8,
                                        endpoints: 40, hosts: 4, workloads: ["shop"])]
        var h = Picture.Highlight(subject: Subject(kind: "vlan", name: "web"))
        h.bands = [0]
        h.racks = [0]
        p.highlights = [h]
        return p
    }
}

@Suite struct PictureLayoutTests {
    @Test func sitesAreColumnsLeftToRightThatNeverOverlap() {
        let layout = PictureLayout(DrawnFixture.picture(sites: 8, racksPerPod: 25))
        #expect(layout.sites.count == 8)
        for (a, b) in zip(layout.sites, layout.sites.dropFirst()) {
            #expect(b.frame.x >= a.frame.maxX + PictureLayout.siteGap - 0.001)
            #expect(a.frame.y == b.frame.y && a.frame.h == b.frame.h)
        }
        #expect(layout.width >= layout.sites.last!.frame.maxX + PictureLayout.margin)
    }

    @Test func podsOfManyRacksAreOneBlockAndSmallOnesDrawEveryRack() {
        // 8 sites x 25 racks = 200 racks: each pod is past the limit and becomes one block.
        let big = PictureLayout(DrawnFixture.picture(sites: 8, racksPerPod: 25))
        for site in big.sites {
            #expect(site.pods.count == 1 && site.pods[0].racks.isEmpty && site.pods[0].allRacks.count == 25)
            #expect(site.pods[0].aggregated != nil)
        }
        #expect(big.rackFrames().count == 200)
        // Pods of 22 racks are drawn rack by rack up to 240 racks in all, as blocks past that.
        #expect(PictureLayout(DrawnFixture.picture(sites: 10, racksPerPod: 22)).sites.allSatisfy { $0.pods[0].aggregated == nil })
        #expect(PictureLayout(DrawnFixture.picture(sites: 11, racksPerPod: 22)).sites.allSatisfy { $0.pods[0].aggregated != nil })
        // 7 racks: six to a row, so two rows, every rack its own box inside its pod.
        let small = PictureLayout(DrawnFixture.picture(sites: 2, racksPerPod: 7))
        let pod = small.sites[0].pods[0]
        #expect(pod.aggregated == nil && pod.racks.count == 7)
        let rows = Set(pod.racks.map(\.frame.y))
        #expect(rows.count == 2)
        for (_, f) in pod.racks {
            #expect(f.x >= pod.frame.x && f.maxX <= pod.frame.maxX && f.y >= pod.frame.y && f.maxY <= pod.frame.maxY)
        }
    }

    @Test func aSiteOfManyPodsSetsThemSideBySide() {
        var p = Picture(title: "pods")
        p.sites = [Picture.Site(name: "dc1")]
        for i in 0..<13 {
            p.pods.append(Picture.Pod(name: "p\(i)", site: 0))
            p.racks.append(Picture.Rack(name: "r\(i)", pod: i, hosts: 1))
        }
        let site = PictureLayout(p).sites[0]
        // 13 pods: two abreast, seven rows, none overlapping, all inside the site.
        #expect(site.pods.count == 13)
        #expect(site.pods[0].frame.y == site.pods[1].frame.y && site.pods[1].frame.x > site.pods[0].frame.maxX)
        #expect(Set(site.pods.map(\.frame.y)).count == 7)
        for (i, a) in site.pods.enumerated() {
            #expect(a.frame.x >= site.frame.x && a.frame.maxX <= site.frame.maxX && a.frame.maxY <= site.frame.maxY)
            for b in site.pods[(i + 1)...] {
                let apart = a.frame.maxX <= b.frame.x || b.frame.maxX <= a.frame.x || a.frame.maxY <= b.frame.y || b.frame.maxY <= a.frame.y
                #expect(apart, "pods \(a.pod) and \(b.pod) overlap")
            }
        }
    }

    @Test func lanesAreSharedByItemsThatDoNotOverlap() {
        let (lanes, count) = PictureLayout.pack([(0, 100), (200, 300), (50, 250), (320, 400), (90, 120)])
        #expect(lanes == [0, 0, 1, 0, 2] && count == 3)
    }

    @Test func namesLoseThePrefixTheirContainerShows() {
        #expect(PictureLayout.short("fra1-r01-tor", within: ["fra1-r01", "fra1"]) == "tor")
        #expect(PictureLayout.short("fra1-core", within: ["fra1-p1", "fra1"]) == "core")
        #expect(PictureLayout.short("core", within: ["fra1"]) == "core")
        #expect(PictureLayout.fit("abcdefghijkl", width: 30, size: 10) == "abcd…")
    }
}

@Suite struct PictureSVGTests {
    @Test func everyNameFromTheFileIsEscaped() {
        let hostile = "<script>alert(\"x\")</script>&'"
        let svg = PictureSVG.render(DrawnFixture.picture(sites: 2, racksPerPod: 2, siteName: { $0 == 0 ? hostile : "b" }))
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&apos;"))
        // Ids are built from indexes, never from names.
        #expect(svg.contains("id=\"d-site-0\"") && svg.contains("id=\"d-band-0\"") && svg.contains("id=\"d-trombone-0\""))
    }

    @Test func theDrawingHoldsSitesLinksBandsAndTrombones() {
        let svg = PictureSVG.render(DrawnFixture.picture(sites: 3, racksPerPod: 2), prefix: "f0")
        for name in ["dc1", "dc2", "dc3"] { #expect(svg.contains(">\(name)</text>")) }
        #expect(svg.contains(">1.5 ms</text>") && svg.contains(">2.5 ms</text>"))
        #expect(svg.contains("VLAN web (100) · multi-site · 9 switches · 12 hosts · 160 endpoints"))
        #expect(svg.contains("VLAN web (100): 40 endpoints in dc3 → gateway core in dc1, 8 ms"))
        #expect(svg.contains("marker-end=\"url(#f0-arrow)\""))
        // The band's highlight class sits on the band and on the rack it names.
        #expect(svg.contains("class=\"band h0\"") && svg.contains("class=\"rack h0\""))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.hasSuffix("</svg>\n"))
    }
}

@Suite struct GraphWriterTests {
    static let graph: NetworkGraph = {
        var g = NetworkGraph(title: "t \"1\"")
        g.groups = [NetworkGraph.Group(label: "site a", parent: nil), NetworkGraph.Group(label: "pod a#1", parent: 0)]
        g.nodes = [NetworkGraph.Node(label: "sw\"1\\N", kind: "leaf", group: 1),
                   NetworkGraph.Node(label: "core<b>&`x`", kind: "core", group: 0),
                   NetworkGraph.Node(label: "end", kind: "spine", group: nil)]
        g.edges = [NetworkGraph.Edge(a: 0, b: 1, label: "web|db", dashed: false),
                   NetworkGraph.Edge(a: 1, b: 2, label: "routed", dashed: true)]
        return g
    }()

    @Test func dotQuotesEveryNameAndNestsGroups() {
        #expect(DOTWriter.quoted("a\"b\\c\nd") == "a\\\"b\\\\c\\nd")
        let dot = DOTWriter.render(Self.graph)
        #expect(dot.contains("n0 [label=\"sw\\\"1\\\\N\""))
        #expect(dot.contains("subgraph cluster_0 {") && dot.contains("subgraph cluster_1 {"))
        // cluster_1 (the pod) is inside cluster_0 (the site): it opens before cluster_0 closes.
        let lines = dot.split(separator: "\n").map(String.init)
        let open0 = lines.firstIndex { $0.contains("subgraph cluster_0") }!, open1 = lines.firstIndex { $0.contains("subgraph cluster_1") }!
        #expect(open1 > open0 && lines[open1].hasPrefix("    "))
        #expect(dot.contains("n0 -- n1 [label=\"web|db\"];") && dot.contains("n1 -- n2 [label=\"routed\", style=dashed];"))
        #expect(dot.filter { $0 == "{" }.count == dot.filter { $0 == "}" }.count)
    }

    @Test func mermaidUsesPlainIdsAndEntityCodes() {
        #expect(MermaidWriter.label("a\"b#c<d>&`") == "a#quot;b#35;c#lt;d#gt;#amp;#96;")
        let text = MermaidWriter.render(Self.graph)
        #expect(text.contains("n1[\"core#lt;b#gt;#amp;#96;x#96;\"]"))
        #expect(text.contains("subgraph g1[\"pod a#35;1\"]"))
        #expect(text.contains("n0 ---|\"web|db\"| n1") && text.contains("n1 -.-|\"routed\"| n2"))
        // A node named "end" keeps an id of its own: only labels carry names.
        #expect(text.contains("n2[\"end\"]"))
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.filter { $0.hasPrefix("subgraph ") }.count == lines.filter { $0 == "end" }.count)
        // The title is YAML front matter, shown as typed: YAML escapes, not entity codes.
        #expect(text.hasPrefix("---\ntitle: \"t \\\"1\\\"\"\n---\nflowchart LR\n"), "\(text.prefix(40))")
        var hostile = Self.graph
        hostile.title = "dc#1 \\ <b>\n---"
        #expect(MermaidWriter.render(hostile).hasPrefix("---\ntitle: \"dc#1 \\\\ <b> ---\"\n---\n"))
    }
}
