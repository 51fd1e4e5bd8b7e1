import TopolintCore

/// The drawing as SVG text: a pure function of the picture. Every name from the user's file
/// is escaped; element ids are built from indexes and a prefix, never from names, so several
/// drawings can share one page.
public enum PictureSVG {
    /// Colours per switch role, in the legend's order.
    static let roles: [(String, String)] = [
        ("dci", "#c2185b"), ("border", "#7b1fa2"), ("core", "#d84315"), ("spine", "#37474f"),
        ("aggregation", "#f9a825"), ("leaf", "#00897b"), ("access", "#78909c"),
    ]
    /// Band colours: distinct hues that stay readable under white text and on white.
    static let palette = ["#e53935", "#1e88e5", "#8e24aa", "#43a047", "#fb8c00", "#00acc1", "#6d4c41", "#d81b60",
                          "#3949ab", "#7cb342"]
    static let tromboneColour = "#b71c1c"

    static func roleColour(_ role: String) -> String { roles.first { $0.0 == role }?.1 ?? "#9e9e9e" }
    static func bandColour(_ i: Int) -> String { palette[i % palette.count] }

    /// `prefix` makes ids unique on a page with several drawings. Elements carry `h<i>`
    /// classes, `i` indexing `p.highlights`, so a page can light up a finding's subject.
    public static func render(_ p: Picture, prefix: String = "d") -> String {
        let layout = PictureLayout(p)
        let classes = HighlightClasses(p)
        var out = ""
        let w = fmt(layout.width), h = fmt(layout.height)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\" id=\"\(prefix)-drawing\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\""
        out += " role=\"img\" aria-label=\"\(XML.attribute("drawing of " + p.title))\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n"
        out += "<title>\(XML.text(p.title))</title>\n"
        out += "<defs><marker id=\"\(prefix)-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
        out += "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(tromboneColour)\"/></marker></defs>\n"
        out += "<rect class=\"bg\" x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        out += text(PictureLayout.margin, PictureLayout.margin + 12, p.title, size: 15, weight: "bold", fill: "#263238")

        // Bands each rack, pod and site belongs to, for the stripes and dots.
        var bandsOfRack: [Int: [Int]] = [:], bandsOfPod: [Int: [Int]] = [:], bandsOfSite: [Int: [Int]] = [:]
        for (b, band) in p.bands.enumerated() {
            for r in band.racks { bandsOfRack[r, default: []].append(b) }
            for pod in band.pods { bandsOfPod[pod, default: []].append(b) }
            for s in band.sites { bandsOfSite[s, default: []].append(b) }
        }

        out += siteLinks(p, layout)
        for site in layout.sites {
            out += "<g id=\"\(prefix)-site-\(site.site)\">\n"
            let f = site.frame
            out += "<rect class=\"site \(classes.of(site: site.site))\" x=\"\(fmt(f.x))\" y=\"\(fmt(f.y))\" width=\"\(fmt(f.w))\" height=\"\(fmt(f.h))\" rx=\"8\" fill=\"#f5f7fa\" stroke=\"#90a4ae\" stroke-width=\"1.5\"><title>\(XML.text("site " + p.sites[site.site].name))</title></rect>\n"
            out += "<rect x=\"\(fmt(f.x))\" y=\"\(fmt(f.y))\" width=\"\(fmt(f.w))\" height=\"\(fmt(PictureLayout.headerH))\" rx=\"8\" fill=\"#37474f\"/>\n"
            out += text(f.x + 10, f.y + 20, PictureLayout.fit(p.sites[site.site].name, width: f.w - 20 - 10 * Double(min(bandsOfSite[site.site]?.count ?? 0, 6)), size: 14),
                        size: 14, weight: "bold", fill: "#ffffff")
            out += dots(bandsOfSite[site.site] ?? [], rightX: f.maxX - 10, y: f.y + 15, p, onDark: true)
            for chip in site.chips { out += self.chip(chip, p, classes) }
            for pod in site.pods { out += self.pod(pod, p, prefix: prefix, bandsOfRack: bandsOfRack, bandsOfPod: bandsOfPod, classes) }
            out += "</g>\n"
        }
        out += lanes(p, layout, prefix: prefix, classes)
        out += legend(p, layout)
        out += "</svg>\n"
        return out
    }

    static func pod(_ pod: PictureLayout.PodBox, _ p: Picture, prefix: String, bandsOfRack: [Int: [Int]], bandsOfPod: [Int: [Int]],
                    _ classes: HighlightClasses) -> String {
        var out = ""
        let f = pod.frame
        let name = p.pods[pod.pod].name
        let site = p.sites[p.pods[pod.pod].site].name
        out += "<rect id=\"\(prefix)-pod-\(pod.pod)\" class=\"pod \(classes.of(pod: pod.pod))\" x=\"\(fmt(f.x))\" y=\"\(fmt(f.y))\" width=\"\(fmt(f.w))\" height=\"\(fmt(f.h))\" rx=\"5\" fill=\"#ffffff\" stroke=\"#b0bec5\">"
        out += "<title>\(XML.text(name.isEmpty ? "racks of site \(site) without a pod" : "pod " + name))</title></rect>\n"
        let label = name.isEmpty ? "(no pod)" : PictureLayout.short(name, within: [site])
        let dotsCount = Double(min(bandsOfPod[pod.pod]?.count ?? 0, 6))
        out += text(f.x + 8, f.y + 15, PictureLayout.fit(label, width: f.w - 16 - 10 * dotsCount, size: 11), size: 11, weight: "bold", fill: "#455a64")
        out += dots(bandsOfPod[pod.pod] ?? [], rightX: f.maxX - 8, y: f.y + 11, p)
        for chip in pod.chips { out += self.chip(chip, p, classes) }
        let containers = [name, site]
        for (r, rf) in pod.racks {
            let rack = p.racks[r]
            out += "<g id=\"\(prefix)-rack-\(r)\">"
            let tooltip = "rack \(rack.name): \(rack.hosts) hosts" + (bandsOfRack[r] ?? []).map { "\nVLAN \(p.bands[$0].vlan) (\(p.bands[$0].scope))" }.joined()
            out += "<rect class=\"rack \(classes.of(rack: r))\" x=\"\(fmt(rf.x))\" y=\"\(fmt(rf.y))\" width=\"\(fmt(rf.w))\" height=\"\(fmt(rf.h))\" rx=\"3\" fill=\"#eceff1\" stroke=\"#90a4ae\"><title>\(XML.text(tooltip))</title></rect>"
            out += text(rf.x + 4, rf.y + 12, PictureLayout.fit(PictureLayout.short(rack.name, within: containers), width: rf.w - 8, size: 10), size: 10, fill: "#263238")
            let rackSwitches = p.switches.indices.filter { p.switches[$0].rack == r }
            out += switchMarks(rackSwitches, p, x: rf.x + 4, y: rf.y + 17, width: rf.w - 8, containers: [rack.name] + containers, classes)
            if rack.hosts > 0 {
                out += text(rf.x + 4, rf.y + 38, "\(rack.hosts) host\(rack.hosts == 1 ? "" : "s")", size: 8.5, fill: "#607d8b")
            }
            out += stripes(bandsOfRack[r] ?? [], frame: rf, p)
            out += "</g>\n"
        }
        if let block = pod.aggregated {
            let names = pod.allRacks.map { p.racks[$0].name }
            let hosts = pod.allRacks.reduce(0) { $0 + p.racks[$1].hosts }
            var reached: [Int: Int] = [:]
            for r in pod.allRacks { for b in bandsOfRack[r] ?? [] { reached[b, default: 0] += 1 } }
            let tooltip = "\(names.count) racks, \(names.first ?? "") … \(names.last ?? ""): \(hosts) hosts"
                + reached.keys.sorted().map { "\nVLAN \(p.bands[$0].vlan) reaches \(reached[$0]!) of \(names.count) racks" }.joined()
            out += "<g id=\"\(prefix)-racks-of-pod-\(pod.pod)\">"
            out += "<rect class=\"rack \(classes.of(racks: pod.allRacks))\" x=\"\(fmt(block.x))\" y=\"\(fmt(block.y))\" width=\"\(fmt(block.w))\" height=\"\(fmt(block.h))\" rx=\"3\" fill=\"#eceff1\" stroke=\"#90a4ae\" stroke-dasharray=\"4 2\"><title>\(XML.text(tooltip))</title></rect>"
            out += text(block.x + 6, block.y + 14, "\(names.count) racks, \(hosts) hosts", size: 11, weight: "bold", fill: "#263238")
            let range = PictureLayout.short(names.first ?? "", within: containers) + " … " + PictureLayout.short(names.last ?? "", within: containers)
            out += text(block.x + 6, block.y + 27, PictureLayout.fit(range, width: block.w - 12, size: 10), size: 10, fill: "#455a64")
            let rackSwitches = p.switches.indices.filter { s in p.switches[s].rack.map { p.racks[$0].pod == pod.pod } ?? false }
            var roleCounts: [(String, Int)] = []
            for s in rackSwitches {
                if let i = roleCounts.firstIndex(where: { $0.0 == p.switches[s].role }) { roleCounts[i].1 += 1 } else { roleCounts.append((p.switches[s].role, 1)) }
            }
            var cx = block.x + 6
            for (role, n) in roleCounts.prefix(3) {
                out += "<rect x=\"\(fmt(cx))\" y=\"\(fmt(block.y + 33))\" width=\"9\" height=\"9\" rx=\"2\" fill=\"\(roleColour(role))\"/>"
                out += text(cx + 12, block.y + 41, "\(role) ×\(n)", size: 9, fill: "#37474f")
                cx += 16 + PictureLayout.textWidth("\(role) ×\(n)", size: 9)
            }
            out += stripes(reached.keys.sorted(), frame: block, p)
            out += "</g>\n"
        }
        return out
    }

    /// One small square per switch of a rack, coloured by role (at most five, then "+n").
    static func switchMarks(_ switches: [Int], _ p: Picture, x: Double, y: Double, width: Double, containers: [String],
                            _ classes: HighlightClasses) -> String {
        var out = ""
        let fits = Int((width + 2) / 11)
        let shown = switches.count > fits ? fits - 1 : switches.count
        for (i, s) in switches.prefix(shown).enumerated() {
            let sw = p.switches[s]
            out += "<rect class=\"switch \(classes.of(switch: s))\" x=\"\(fmt(x + Double(i) * 11))\" y=\"\(fmt(y))\" width=\"9\" height=\"9\" rx=\"2\" fill=\"\(roleColour(sw.role))\">"
            out += "<title>\(XML.text("\(sw.role) \(sw.name)"))</title></rect>"
        }
        if shown < switches.count {
            out += text(x + Double(shown) * 11, y + 8, "+\(switches.count - shown)", size: 8.5, fill: "#37474f")
        }
        return out
    }

    static func chip(_ chip: PictureLayout.Chip, _ p: Picture, _ classes: HighlightClasses) -> String {
        let f = chip.frame
        let names = chip.switches.map { p.switches[$0].name }
        let title = chip.switches.count == 1 ? "\(chip.role) \(names[0])" : "\(chip.role): " + names.joined(separator: ", ")
        var out = "<g><rect class=\"switch \(classes.of(switches: chip.switches))\" x=\"\(fmt(f.x))\" y=\"\(fmt(f.y))\" width=\"\(fmt(f.w))\" height=\"\(fmt(f.h))\" rx=\"9\" fill=\"#ffffff\" stroke=\"\(roleColour(chip.role))\" stroke-width=\"1.5\">"
        out += "<title>\(XML.text(title))</title></rect>"
        out += "<circle cx=\"\(fmt(f.x + 9))\" cy=\"\(fmt(f.y + f.h / 2))\" r=\"4\" fill=\"\(roleColour(chip.role))\"/>"
        out += text(f.x + 16, f.y + 13, chip.label, size: 10, fill: "#263238")
        return out + "</g>\n"
    }

    /// Bands a rack belongs to: coloured stripes along its bottom edge.
    static func stripes(_ bands: [Int], frame f: PictureLayout.Rect, _ p: Picture) -> String {
        guard !bands.isEmpty else { return "" }
        let shown = bands.prefix(4)
        let h = min(5.0, 12.0 / Double(shown.count))
        var out = ""
        for (i, b) in shown.enumerated() {
            let y = f.maxY - 2 - Double(shown.count - i) * h
            out += "<rect x=\"\(fmt(f.x + 2))\" y=\"\(fmt(y))\" width=\"\(fmt(f.w - 4))\" height=\"\(fmt(h))\" fill=\"\(bandColour(b))\"/>"
        }
        // More than four: the rest are counted above the stripes, and named on hover.
        if bands.count > shown.count {
            out += more(bands[shown.count...], x: f.maxX - 3, y: f.maxY - 2 - Double(shown.count) * h - 1.5, p)
        }
        return out
    }

    /// "+N" for bands not drawn, their VLANs in its tooltip.
    static func more(_ rest: ArraySlice<Int>, x: Double, y: Double, _ p: Picture, colour: String = "#37474f") -> String {
        let names = rest.map { "VLAN \(p.bands[$0].vlan)" }.joined(separator: ", ")
        return "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" font-size=\"7\" text-anchor=\"end\" fill=\"\(colour)\">+\(rest.count)<title>\(XML.text(names))</title></text>"
    }

    /// Bands a site or pod is reached by: coloured dots at the right of its header.
    static func dots(_ bands: [Int], rightX: Double, y: Double, _ p: Picture, onDark: Bool = false) -> String {
        var out = ""
        for (i, b) in bands.prefix(6).reversed().enumerated() {
            out += "<circle cx=\"\(fmt(rightX - 4 - Double(i) * 10))\" cy=\"\(fmt(y))\" r=\"4\" fill=\"\(bandColour(b))\" stroke=\"#ffffff\"><title>\(XML.text("VLAN \(p.bands[b].vlan)"))</title></circle>"
        }
        // More than six: the rest are counted left of the dots.
        if bands.count > 6 { out += more(bands[6...], x: rightX - 4 - 6 * 10 + 2, y: y + 2.5, p, colour: onDark ? "#ffffff" : "#37474f") }
        return out
    }

    /// RTTs: a line between neighbouring columns, an arc above the columns otherwise.
    static func siteLinks(_ p: Picture, _ layout: PictureLayout) -> String {
        var out = ""
        var best: [[Int]: Double] = [:]
        for link in p.siteLinks where link.a != link.b && link.a < p.sites.count && link.b < p.sites.count {
            let key = [min(link.a, link.b), max(link.a, link.b)]
            best[key] = min(best[key] ?? .infinity, link.rttMs)
        }
        let levels = Dictionary(layout.linkArcs.map { a in
            let l = p.siteLinks[a.link]
            return ([min(l.a, l.b), max(l.a, l.b)], a.level)
        }, uniquingKeysWith: { a, _ in a })
        for key in best.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let a = layout.sites[key[0]].header, b = layout.sites[key[1]].header
            let label = "\(JSONValue.double(best[key]!).serialized()) ms"
            if key[1] - key[0] == 1 {
                let y = a.y + a.h / 2
                out += "<line x1=\"\(fmt(a.maxX))\" y1=\"\(fmt(y))\" x2=\"\(fmt(b.x))\" y2=\"\(fmt(y))\" stroke=\"#37474f\" stroke-width=\"3\"/>"
                out += text((a.maxX + b.x) / 2, y - 6, label, size: 11, weight: "bold", fill: "#37474f", anchor: "middle")
            } else {
                let level = Double(levels[key] ?? 0)
                let rise = 24 + level * 20
                let y = a.y
                out += "<path d=\"M\(fmt(a.midX)),\(fmt(y)) C\(fmt(a.midX)),\(fmt(y - rise)) \(fmt(b.midX)),\(fmt(y - rise)) \(fmt(b.midX)),\(fmt(y))\" fill=\"none\" stroke=\"#78909c\" stroke-width=\"2\"/>"
                let mid = (a.midX + b.midX) / 2
                out += "<rect x=\"\(fmt(mid - 22))\" y=\"\(fmt(y - rise * 0.75 - 10))\" width=\"44\" height=\"14\" rx=\"3\" fill=\"#ffffff\"/>"
                out += text(mid, y - rise * 0.75 + 1, label, size: 11, weight: "bold", fill: "#37474f", anchor: "middle")
            }
            out += "\n"
        }
        return out
    }

    /// One lane per band (a bar over each site it reaches, joined across the others) and per
    /// trombone (an arrow from the endpoints' site to the gateway's).
    static func lanes(_ p: Picture, _ layout: PictureLayout, prefix: String, _ classes: HighlightClasses) -> String {
        var out = ""
        let maxX = layout.width - PictureLayout.margin
        func labelX(_ x: Double, _ label: String, size: Double) -> Double {
            max(PictureLayout.margin, min(x, maxX - PictureLayout.textWidth(label, size: size)))
        }
        for (b, band) in p.bands.enumerated() {
            let y = layout.lanesTop + Double(layout.bandLanes[b]) * PictureLayout.laneH
            let colour = bandColour(b)
            let reached = band.sites.filter { $0 < layout.sites.count }.sorted()
            guard let first = reached.first, let last = reached.last else { continue }
            let label = PictureLayout.label(band)
            out += "<g id=\"\(prefix)-band-\(b)\" class=\"band \(classes.of(band: b))\">"
            out += "<title>\(XML.text(label + "\nfrom switch " + band.firstSwitch + "\nsites: " + reached.map { p.sites[$0].name }.joined(separator: ", ")))</title>"
            let x0 = layout.sites[first].frame.x, x1 = layout.sites[last].frame.maxX
            if reached.count > 1 {
                out += "<line x1=\"\(fmt(x0))\" y1=\"\(fmt(y + 26))\" x2=\"\(fmt(x1))\" y2=\"\(fmt(y + 26))\" stroke=\"\(colour)\" stroke-width=\"3\" stroke-dasharray=\"6 4\"/>"
            }
            for s in reached {
                let f = layout.sites[s].frame
                out += "<rect class=\"bar\" x=\"\(fmt(f.x))\" y=\"\(fmt(y + 19))\" width=\"\(fmt(f.w))\" height=\"14\" rx=\"7\" fill=\"\(colour)\"/>"
            }
            out += text(labelX(x0, label, size: 11), y + 13, label, size: 11, weight: "bold", fill: colour)
            out += "</g>\n"
        }
        let tromboneTop = layout.lanesTop + Double(layout.bandLaneCount) * PictureLayout.laneH
        for (i, t) in p.trombones.enumerated() {
            guard t.fromSite >= 0, t.toSite >= 0, t.fromSite < layout.sites.count, t.toSite < layout.sites.count else { continue }
            let y = tromboneTop + Double(layout.tromboneLanes[i]) * PictureLayout.laneH
            let from = layout.sites[t.fromSite].frame.midX, to = layout.sites[t.toSite].frame.midX
            let rtt = PictureLayout.rtt(t)
            let label = PictureLayout.label(t, p)
            out += "<g id=\"\(prefix)-trombone-\(i)\" class=\"trombone \(classes.of(trombone: i))\">"
            out += "<title>\(XML.text(label + "\nworkloads: " + t.workloads.joined(separator: ", ")))</title>"
            out += "<line class=\"arrow\" x1=\"\(fmt(from))\" y1=\"\(fmt(y + 28))\" x2=\"\(fmt(to))\" y2=\"\(fmt(y + 28))\" stroke=\"\(tromboneColour)\" stroke-width=\"3\"\(t.ifMoved ? " stroke-dasharray=\"8 5\"" : "") marker-end=\"url(#\(prefix)-arrow)\"/>"
            out += "<circle cx=\"\(fmt(from))\" cy=\"\(fmt(y + 28))\" r=\"4\" fill=\"\(tromboneColour)\"/>"
            let rttX = (from + to) / 2
            out += "<rect x=\"\(fmt(rttX - 26))\" y=\"\(fmt(y + 20))\" width=\"52\" height=\"16\" rx=\"8\" fill=\"#ffffff\" stroke=\"\(tromboneColour)\"/>"
            out += text(rttX, y + 32, t.rttMs == nil ? "? ms" : rtt, size: 10, weight: "bold", fill: tromboneColour, anchor: "middle")
            out += text(labelX(min(from, to) - 8, label, size: 11), y + 13, label, size: 11, weight: "bold", fill: tromboneColour)
            out += "</g>\n"
        }
        return out
    }

    static func legend(_ p: Picture, _ layout: PictureLayout) -> String {
        var out = "<g class=\"legend\">"
        var x = PictureLayout.margin
        var y = layout.height - PictureLayout.margin - 28
        for (role, colour) in roles {
            out += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y - 9))\" width=\"10\" height=\"10\" rx=\"2\" fill=\"\(colour)\"/>"
            out += text(x + 14, y, role, size: 10, fill: "#37474f")
            x += 22 + PictureLayout.textWidth(role, size: 10)
        }
        x = PictureLayout.margin
        y += 18
        out += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y - 9))\" width=\"24\" height=\"10\" rx=\"5\" fill=\"\(palette[0])\"/>"
        out += text(x + 30, y, PictureLayout.bandLegend, size: 10, fill: "#37474f")
        x += 40 + PictureLayout.textWidth(PictureLayout.bandLegend, size: 10)
        out += "<line x1=\"\(fmt(x))\" y1=\"\(fmt(y - 4))\" x2=\"\(fmt(x + 26))\" y2=\"\(fmt(y - 4))\" stroke=\"\(tromboneColour)\" stroke-width=\"3\"/>"
        out += text(x + 32, y, PictureLayout.tromboneLegend, size: 10, fill: "#37474f")
        return out + "</g>\n"
    }

    static func text(_ x: Double, _ y: Double, _ s: String, size: Double, weight: String? = nil, fill: String, anchor: String? = nil) -> String {
        guard !s.isEmpty else { return "" }
        var out = "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" font-size=\"\(fmt(size))\" fill=\"\(fill)\""
        if let weight { out += " font-weight=\"\(weight)\"" }
        if let anchor { out += " text-anchor=\"\(anchor)\"" }
        return out + ">\(XML.text(s))</text>"
    }

    /// Coordinates with at most one decimal, so the text stays small and stable.
    static func fmt(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths < 0 && tenths > -10 ? "-" : "")\(tenths / 10).\(abs(tenths % 10))"
    }
}

/// The `h<i>` classes of each drawn element: which highlights (finding subjects) it stands for.
struct HighlightClasses {
    var sites: [Int: [Int]] = [:], pods: [Int: [Int]] = [:], racks: [Int: [Int]] = [:]
    var switches: [Int: [Int]] = [:], bands: [Int: [Int]] = [:], trombones: [Int: [Int]] = [:]

    init(_ p: Picture) {
        for (i, h) in p.highlights.enumerated() {
            for x in h.sites { sites[x, default: []].append(i) }
            for x in h.pods { pods[x, default: []].append(i) }
            for x in h.racks { racks[x, default: []].append(i) }
            for x in h.switches { switches[x, default: []].append(i) }
            for x in h.bands { bands[x, default: []].append(i) }
            for x in h.trombones { trombones[x, default: []].append(i) }
        }
    }

    static func names(_ list: [Int]) -> String { Array(Set(list)).sorted().map { "h\($0)" }.joined(separator: " ") }
    func of(site i: Int) -> String { Self.names(sites[i] ?? []) }
    func of(pod i: Int) -> String { Self.names(pods[i] ?? []) }
    func of(rack i: Int) -> String { Self.names(racks[i] ?? []) }
    func of(racks list: [Int]) -> String { Self.names(list.flatMap { racks[$0] ?? [] }) }
    func of(switch i: Int) -> String { Self.names(switches[i] ?? []) }
    func of(switches list: [Int]) -> String { Self.names(list.flatMap { switches[$0] ?? [] }) }
    func of(band i: Int) -> String { Self.names(bands[i] ?? []) }
    func of(trombone i: Int) -> String { Self.names(trombones[i] ?? []) }
}
