import TopolintCore

/// Where each element of a `Picture` goes: sites as columns left to right, pods stacked in
/// them, racks in a grid inside each pod; below the sites one lane per band and per trombone.
/// Pure arithmetic on the picture, kept apart from the SVG text so tests can check it.
struct PictureLayout {
    struct Rect: Equatable {
        var x: Double, y: Double, w: Double, h: Double
        var midX: Double { x + w / 2 }
        var maxX: Double { x + w }
        var maxY: Double { y + h }
    }

    /// Switches of one role shown as one chip: by name when alone, else "role ×n".
    struct Chip {
        var role: String
        var switches: [Int]
        var label: String
        var frame: Rect
    }

    struct SiteBox {
        var site: Int
        var frame: Rect
        var header: Rect
        var chips: [Chip]
        var pods: [PodBox]
    }

    struct PodBox {
        var pod: Int
        var frame: Rect
        var chips: [Chip]
        /// Racks drawn one by one, or one block for all of them (`aggregated`).
        var racks: [(rack: Int, frame: Rect)]
        var aggregated: Rect?
        var allRacks: [Int]
    }

    static let margin = 20.0, siteGap = 76.0, sitePad = 10.0, podPad = 8.0, podGap = 10.0
    static let rackW = 66.0, rackH = 54.0, rackGap = 6.0, columns = 6
    static let headerH = 30.0, podHeaderH = 22.0, chipH = 18.0, laneH = 44.0
    static let minSiteW = 180.0
    /// The legend: role swatches on one line, the band and trombone keys on the next (see
    /// PictureSVG.legend); the wider line sets the drawing's least width.
    static let legendWidth: Double = {
        let roles = ["dci", "border", "core", "spine", "aggregation", "leaf", "access"]
        let first = roles.reduce(0) { $0 + 22 + textWidth($1, size: 10) }
        let second = 30 + textWidth(bandLegend, size: 10) + 10 + 40 + textWidth(tromboneLegend, size: 10)
        return max(first, second)
    }()
    static let tromboneLegend = "gateway trombone (dashed: if moved)"
    static let bandLegend = "broadcast domain across pods or sites (one colour each)"
    /// A pod with more racks than this is drawn as one block: at 200 racks a drawing of every
    /// rack stops being readable, and the bands still show which pods they reach.
    static let aggregateOver = 24
    /// Past this many racks in all, every pod is one block: a thousand racks one by one make a
    /// drawing metres long, and the bands, which matter most, end up far below.
    static let aggregateAllOver = 240

    var sites: [SiteBox] = []
    /// The lane of each band and each trombone: items whose spans (bar and label) do not
    /// overlap share a lane, so eight sites of site-wide domains stay a few lanes tall.
    var bandLanes: [Int] = []
    var tromboneLanes: [Int] = []
    var bandLaneCount = 0
    var linkArcs: [(link: Int, level: Int)] = []
    var top = 0.0
    var lanesTop = 0.0
    var width = 0.0
    var height = 0.0

    /// Approximate text width for the sans-serif faces browsers pick: enough to size boxes
    /// and to shorten labels that would not fit.
    static func textWidth(_ s: String, size: Double) -> Double { Double(s.unicodeScalars.count) * size * 0.6 }

    /// A label cut to fit `width` at font `size`, with an ellipsis when cut.
    static func fit(_ s: String, width: Double, size: Double) -> String {
        let max = Int(width / (size * 0.6))
        guard s.unicodeScalars.count > max, max > 1 else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.prefix(max - 1))) + "…"
    }

    /// A name without the prefix its container already shows ("fra1-r01-tor" in rack
    /// "fra1-r01" reads "tor"), so small boxes keep the part that tells them apart.
    static func short(_ name: String, within containers: [String]) -> String {
        for c in containers where !c.isEmpty && name.count > c.count + 1 && name.hasPrefix(c) {
            let rest = name.dropFirst(c.count)
            if let first = rest.first, first == "-" || first == "_" || first == "." { return String(rest.dropFirst()) }
        }
        return name
    }

    init(_ p: Picture) {
        // Links that join sites not side by side are arcs above the columns, one level each.
        var seenPairs = Set<[Int]>()
        for (i, link) in p.siteLinks.enumerated() where link.a != link.b && link.a < p.sites.count && link.b < p.sites.count {
            guard seenPairs.insert([min(link.a, link.b), max(link.a, link.b)]).inserted else { continue }
            if abs(link.a - link.b) > 1 { linkArcs.append((i, linkArcs.count)) }
        }
        top = PictureLayout.margin + 26 + Double(linkArcs.count) * 20 + (linkArcs.isEmpty ? 0 : 16)

        var x = PictureLayout.margin
        var tallest = 0.0
        for s in p.sites.indices {
            let box = PictureLayout.site(s, picture: p, x: x, y: top, aggregateAll: p.racks.count > PictureLayout.aggregateAllOver)
            tallest = max(tallest, box.frame.h)
            x = box.frame.maxX + PictureLayout.siteGap
            sites.append(box)
        }
        // Columns share one height so the lanes below start on one line.
        for i in sites.indices { sites[i].frame.h = tallest }
        width = max(x - PictureLayout.siteGap + PictureLayout.margin, PictureLayout.legendWidth + 2 * PictureLayout.margin)
        lanesTop = top + tallest + 24
        var spans: [(Double, Double)] = []
        for band in p.bands {
            let reached = band.sites.filter { $0 < sites.count }
            guard let first = reached.min(), let last = reached.max() else { spans.append((0, width)); continue }
            let x0 = sites[first].frame.x
            spans.append((x0, max(sites[last].frame.maxX, x0 + PictureLayout.textWidth(PictureLayout.label(band), size: 11))))
        }
        (bandLanes, bandLaneCount) = PictureLayout.pack(spans)
        var widest = spans.map(\.1).max() ?? 0
        spans = p.trombones.map { t in
            guard t.fromSite >= 0, t.toSite >= 0, t.fromSite < sites.count, t.toSite < sites.count else { return (0, width) }
            let a = sites[min(t.fromSite, t.toSite)].frame.midX, b = sites[max(t.fromSite, t.toSite)].frame.midX
            return (a - 8, max(b + 8, a + PictureLayout.textWidth(PictureLayout.label(t, p), size: 11)))
        }
        let tromboneLaneCount: Int
        (tromboneLanes, tromboneLaneCount) = PictureLayout.pack(spans)
        widest = max(widest, spans.map(\.1).max() ?? 0)
        // A label never runs off the right edge: the drawing grows to hold it.
        width = max(width, widest + PictureLayout.margin)
        let lanes = Double(bandLaneCount + tromboneLaneCount)
        height = lanesTop + lanes * PictureLayout.laneH + 58 + PictureLayout.margin
    }

    /// First-fit lanes for horizontal spans, in order: each goes to the first lane whose last
    /// span ends before it starts.
    static func pack(_ spans: [(Double, Double)]) -> (lanes: [Int], count: Int) {
        var ends: [Double] = []
        var lanes: [Int] = []
        for (start, end) in spans {
            if let lane = ends.firstIndex(where: { $0 + 16 <= start }) {
                ends[lane] = end
                lanes.append(lane)
            } else {
                ends.append(end)
                lanes.append(ends.count - 1)
            }
        }
        return (lanes, ends.count)
    }

    static func label(_ band: Picture.Band) -> String {
        var facts = ["VLAN \(band.vlan) (\(band.vlanID))", band.scope, "\(band.switchCount) switches", "\(band.hosts) hosts", "\(band.endpoints) endpoints"]
        if band.reasons.contains("oversized") { facts.append("oversized") }
        if !band.note.isEmpty { facts.append(band.note) }
        return facts.joined(separator: " · ")
    }

    static func rtt(_ t: Picture.Trombone) -> String { t.rttMs.map { "\(JSONValue.double($0).serialized()) ms" } ?? "unknown RTT" }

    static func label(_ t: Picture.Trombone, _ p: Picture) -> String {
        (t.ifMoved ? "if \(t.workloads.joined(separator: ", ")) moved to \(p.sites[t.fromSite].name): " : "")
            + "VLAN \(t.vlan) (\(t.vlanID)): \(t.endpoints) endpoints in \(p.sites[t.fromSite].name) → gateway \(t.gateway) in \(p.sites[t.toSite].name), \(rtt(t))"
    }

    static func chips(_ switches: [Int], picture p: Picture, containers: [String], x: Double, y: Double, width: Double) -> ([Chip], Double) {
        var byRole: [(String, [Int])] = []
        for s in switches {
            if let i = byRole.firstIndex(where: { $0.0 == p.switches[s].role }) { byRole[i].1.append(s) } else { byRole.append((p.switches[s].role, [s])) }
        }
        let order = ["dci", "border", "core", "spine", "aggregation", "leaf", "access"]
        byRole.sort { (order.firstIndex(of: $0.0) ?? 99) < (order.firstIndex(of: $1.0) ?? 99) }
        var chips: [Chip] = []
        var cx = x, cy = y
        for (role, list) in byRole {
            var label = list.count == 1 ? short(p.switches[list[0]].name, within: containers) : "\(role) ×\(list.count)"
            label = fit(label, width: width - 16, size: 10)
            let w = min(width, textWidth(label, size: 10) + 18)
            if cx + w > x + width + 0.5 && cx > x { cx = x; cy += chipH + 4 }
            chips.append(Chip(role: role, switches: list, label: label, frame: Rect(x: cx, y: cy, w: w, h: chipH)))
            cx += w + 4
        }
        return (chips, chips.isEmpty ? 0 : cy + chipH + 4 - y)
    }

    static func site(_ s: Int, picture p: Picture, x: Double, y: Double, aggregateAll: Bool) -> SiteBox {
        func aggregated(_ racks: Int) -> Bool { racks > aggregateOver || (aggregateAll && racks > 1) }
        let podIndexes = p.pods.indices.filter { p.pods[$0].site == s }
        let racksOf = Dictionary(grouping: p.racks.indices, by: { p.racks[$0].pod })
        // The width the widest pod needs sets every pod's width.
        var podW = minSiteW - 2 * sitePad
        for pod in podIndexes {
            let n = racksOf[pod]?.count ?? 0
            let cols = aggregated(n) ? 3 : min(max(n, 1), columns)
            podW = max(podW, Double(cols) * rackW + Double(cols - 1) * rackGap + 2 * podPad)
        }
        // Past ten pods a site lays them out side by side, up to four abreast, so a site of
        // 38 pods is not one very long column.
        let podColumns = min(4, max(1, (podIndexes.count + 9) / 10))
        let inner = Double(podColumns) * podW + Double(podColumns - 1) * podGap
        let siteName = p.sites[s].name
        let siteSwitches = p.switches.indices.filter { p.switches[$0].site == s && p.switches[$0].pod == nil && p.switches[$0].rack == nil }
        var cy = y + headerH
        let (siteChips, chipsH) = chips(siteSwitches, picture: p, containers: [siteName], x: x + sitePad, y: cy + 2, width: inner)
        cy += chipsH + 4

        func podBox(_ pod: Int, px: Double, top: Double) -> PodBox {
            let podName = p.pods[pod].name
            let racks = racksOf[pod] ?? []
            let podSwitches = p.switches.indices.filter { p.switches[$0].pod == pod && p.switches[$0].rack == nil && !podName.isEmpty }
            var py = top + podHeaderH
            let (podChips, podChipsH) = chips(podSwitches, picture: p, containers: [podName, siteName], x: px + podPad, y: py, width: podW - 2 * podPad)
            py += podChipsH
            var drawn: [(Int, Rect)] = []
            var block: Rect?
            if aggregated(racks.count) {
                block = Rect(x: px + podPad, y: py, w: 3 * rackW + 2 * rackGap, h: rackH + 14)
                py += rackH + 14 + rackGap
            } else {
                for (i, r) in racks.enumerated() {
                    let col = i % columns, row = i / columns
                    drawn.append((r, Rect(x: px + podPad + Double(col) * (rackW + rackGap), y: py + Double(row) * (rackH + rackGap), w: rackW, h: rackH)))
                }
                py += Double((racks.count + columns - 1) / columns) * (rackH + rackGap)
            }
            let frame = Rect(x: px, y: top, w: podW, h: py - top + podPad - (racks.isEmpty ? 0 : rackGap))
            return PodBox(pod: pod, frame: frame, chips: podChips, racks: drawn, aggregated: block, allRacks: racks)
        }

        var pods: [PodBox] = []
        var rowStart = 0
        while rowStart < podIndexes.count {
            let row = podIndexes[rowStart..<min(rowStart + podColumns, podIndexes.count)]
            var rowHeight = 0.0
            for (col, pod) in row.enumerated() {
                let box = podBox(pod, px: x + sitePad + Double(col) * (podW + podGap), top: cy)
                rowHeight = max(rowHeight, box.frame.h)
                pods.append(box)
            }
            cy += rowHeight + podGap
            rowStart += podColumns
        }
        let frame = Rect(x: x, y: y, w: inner + 2 * sitePad, h: cy - y + sitePad - podGap)
        return SiteBox(site: s, frame: frame, header: Rect(x: x, y: y, w: inner + 2 * sitePad, h: headerH), chips: siteChips, pods: pods)
    }

    /// The frame of a rack wherever it is drawn (its own box, or its pod's block).
    func rackFrames() -> [Int: Rect] {
        var frames: [Int: Rect] = [:]
        for site in sites {
            for pod in site.pods {
                for (r, f) in pod.racks { frames[r] = f }
                if let block = pod.aggregated { for r in pod.allRacks { frames[r] = block } }
            }
        }
        return frames
    }
}
