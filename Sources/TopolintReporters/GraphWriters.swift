import TopolintCore

/// Graphviz DOT for a `NetworkGraph`. Node ids are `n<index>` and names only ever appear in
/// quoted labels, so no name can break the syntax or collide with a keyword.
public enum DOTWriter {
    public static func render(_ g: NetworkGraph) -> String {
        var out = "graph \"\(quoted(g.title))\" {\n"
        out += "  graph [label=\"\(quoted(g.title))\", labelloc=t, fontname=\"Helvetica\", compound=true];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        let children = Dictionary(grouping: g.groups.indices, by: { g.groups[$0].parent ?? -1 })
        let members = Dictionary(grouping: g.nodes.indices, by: { g.nodes[$0].group ?? -1 })
        func emit(group: Int, indent: String) {
            for n in members[group] ?? [] {
                let node = g.nodes[n]
                out += "\(indent)n\(n) [label=\"\(quoted(node.label))\", fillcolor=\"\(colour(node.kind))\""
                    + (node.kind == "overlay" ? ", shape=ellipse, style=\"dashed,filled\"" : "") + "];\n"
            }
            for c in children[group] ?? [] {
                out += "\(indent)subgraph cluster_\(c) {\n"
                out += "\(indent)  label=\"\(quoted(g.groups[c].label))\"; style=rounded; color=\"#90a4ae\";\n"
                emit(group: c, indent: indent + "  ")
                out += "\(indent)}\n"
            }
        }
        emit(group: -1, indent: "  ")
        for e in g.edges {
            var attributes: [String] = []
            if let label = e.label { attributes.append("label=\"\(quoted(label))\"") }
            if e.dashed { attributes.append("style=dashed") }
            out += "  n\(e.a) -- n\(e.b)" + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]") + ";\n"
        }
        return out + "}\n"
    }

    /// The inside of a DOT quoted string. A quote must be escaped; a backslash too, since
    /// Graphviz reads `\N`, `\G`, `\l` in labels as escapes; line breaks become `\n`, which
    /// Graphviz shows as a break; other control characters are dropped.
    static func quoted(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default:
                if Snippet.isControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func colour(_ kind: String) -> String {
        kind == "overlay" ? "#fff3e0" : PictureSVG.roleColour(kind) + "40"
    }
}

/// Mermaid flowchart text for a `NetworkGraph`, for Markdown documents that render it.
/// Ids are `n<index>` and `g<index>`; labels are quoted with Mermaid's entity codes for the
/// characters that would end or reinterpret them.
public enum MermaidWriter {
    public static func render(_ g: NetworkGraph) -> String {
        // The title sits in YAML front matter, which Mermaid shows as plain text: it is
        // written as a YAML double-quoted string (entity codes would show as typed).
        var out = "---\ntitle: \"\(g.title.yamlQuotedText())\"\n---\nflowchart LR\n"
        let children = Dictionary(grouping: g.groups.indices, by: { g.groups[$0].parent ?? -1 })
        let members = Dictionary(grouping: g.nodes.indices, by: { g.nodes[$0].group ?? -1 })
        var roles: [String: [Int]] = [:]
        func emit(group: Int, indent: String) {
            for n in members[group] ?? [] {
                let node = g.nodes[n]
                out += node.kind == "overlay" ? "\(indent)n\(n)((\"\(label(node.label))\"))\n" : "\(indent)n\(n)[\"\(label(node.label))\"]\n"
                roles[node.kind, default: []].append(n)
            }
            for c in children[group] ?? [] {
                out += "\(indent)subgraph g\(c)[\"\(label(g.groups[c].label))\"]\n"
                emit(group: c, indent: indent + "  ")
                out += "\(indent)end\n"
            }
        }
        emit(group: -1, indent: "  ")
        for e in g.edges {
            let arrow = e.dashed ? "-.-" : "---"
            if let text = e.label {
                out += "  n\(e.a) \(arrow)|\"\(label(text))\"| n\(e.b)\n"
            } else {
                out += "  n\(e.a) \(arrow) n\(e.b)\n"
            }
        }
        for role in roles.keys.sorted() {
            let fill = role == "overlay" ? "#fff3e0" : PictureSVG.roleColour(role) + "40"
            out += "  classDef \(role) fill:\(fill)\n"
            out += "  class \(roles[role]!.map { "n\($0)" }.joined(separator: ",")) \(role)\n"
        }
        return out
    }

    /// Text inside a Mermaid quoted label. `"` ends it; `#` starts an entity code; `<`, `>`
    /// and `&` would be read as HTML; a backtick turns on Markdown strings. Each becomes its
    /// `#code;` entity; line breaks become spaces (Mermaid needs `<br>` for a break, which
    /// a name should not inject).
    static func label(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "`": out += "#96;"
            case "\n", "\r", "\t": out += " "
            default:
                if Snippet.isControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// Text inside a YAML double-quoted string on one line: `"` and `\` escaped, line
    /// breaks and other control characters as spaces.
    fileprivate func yamlQuotedText() -> String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value): out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
