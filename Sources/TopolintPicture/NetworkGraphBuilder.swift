import TopolintCore
import TopolintModel
import TopolintAnalysis

/// Nodes and edges for `topolint graph`: switches grouped by site and pod, links between
/// them; or, for one VLAN, its broadcast domains with the switches and trunks that form them.
public enum NetworkGraphBuilder {
    /// Every switch in a box per site and, inside it, per pod; every link (routed ones dashed).
    public static func topology(_ t: Topology) -> NetworkGraph {
        var graph = NetworkGraph(title: t.name)
        for site in t.sites { graph.groups.append(NetworkGraph.Group(label: "site \(site.name)", parent: nil)) }
        let podBase = graph.groups.count
        for pod in t.pods { graph.groups.append(NetworkGraph.Group(label: "pod \(pod.name)", parent: pod.site >= 0 ? pod.site : nil)) }
        for s in t.switches {
            let p = s.placement
            let group = p.pod.map { podBase + $0 } ?? (p.site >= 0 ? p.site : nil)
            graph.nodes.append(NetworkGraph.Node(label: s.name, kind: s.role.rawValue, group: group))
        }
        for link in t.links {
            let label: String?
            switch (link.mode, link.vlans) {
            case (.routed, _): label = "routed"
            case (.trunk, .all): label = nil
            case let (.trunk, .some(list)): label = list.map { t.vlans[$0].name }.joined(separator: ", ")
            }
            graph.edges.append(NetworkGraph.Edge(a: link.a, b: link.b, label: label, dashed: link.mode == .routed))
        }
        return graph
    }

    /// The broadcast domains of VLAN `v`: one box per domain holding the switches that carry
    /// the VLAN, the trunks that bridge it, and for a VLAN with a VNI one overlay node that
    /// its VTEPs join.
    public static func vlan(_ analysis: Analysis, vlan v: Int) -> NetworkGraph {
        let t = analysis.topology
        let vlan = t.vlans[v]
        var graph = NetworkGraph(title: "\(t.name): VLAN \(vlan.name) (\(vlan.id))")
        var node: [Int: Int] = [:]
        for (i, d) in analysis.domains(ofVLAN: v).enumerated() {
            let sites = d.sites.map { t.sites[$0].name }.sorted().joined(separator: ", ")
            graph.groups.append(NetworkGraph.Group(
                label: "domain \(i + 1): \(d.scope.rawValue), \(sites), \(d.hostCount) hosts, \(d.roundedEndpoints) endpoints", parent: nil))
            var vteps: [Int] = []
            for s in d.switches.map(Int.init) {
                node[s] = graph.nodes.count
                graph.nodes.append(NetworkGraph.Node(label: t.switches[s].name, kind: t.switches[s].role.rawValue, group: i))
                if vlan.vni != nil && t.switches[s].vtep { vteps.append(node[s]!) }
            }
            if let vni = vlan.vni, vteps.count > 1 {
                let overlay = graph.nodes.count
                graph.nodes.append(NetworkGraph.Node(label: "VNI \(vni)", kind: "overlay", group: i))
                for n in vteps { graph.edges.append(NetworkGraph.Edge(a: n, b: overlay, label: nil, dashed: true)) }
            }
        }
        for link in t.links where link.mode == .trunk && link.vlans.contains(v) {
            guard let a = node[link.a], let b = node[link.b] else { continue }
            graph.edges.append(NetworkGraph.Edge(a: a, b: b, label: nil, dashed: false))
        }
        return graph
    }
}
