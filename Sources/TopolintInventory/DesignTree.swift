import Foundation

/// A topology file as data: ordered mappings, lists and scalars, each mapping entry with
/// an optional comment. The importer builds it, the overlay merges into it, and
/// `DesignWriter` turns it into the same bytes for the same data.
public indirect enum DesignValue: Equatable, Sendable {
    case text(String)
    /// Written as is, never quoted: the `all` of a VLAN list.
    case keyword(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case list([DesignValue])
    case map([DesignEntry])

    public subscript(key: String) -> DesignValue? {
        if case let .map(entries) = self { return entries.first { $0.key == key }?.value }
        return nil
    }

    public var entries: [DesignEntry] {
        if case let .map(e) = self { return e }
        return []
    }
}

public struct DesignEntry: Equatable, Sendable {
    public var key: String
    public var value: DesignValue
    public var comment: String?
    public init(_ key: String, _ value: DesignValue, comment: String? = nil) {
        self.key = key; self.value = value; self.comment = comment
    }
}

extension DesignValue {
    /// Overlay `other` onto `self`: mappings merge key by key (the overlay's scalars and
    /// lists win, nested mappings merge again), top-level lists such as `site_links` are
    /// appended, and keys only the overlay has are added at the end.
    public func merged(with other: DesignValue) -> DesignValue { merged(with: other, level: 0) }

    /// `level` 0 is the file, 1 a top-level section: only a section's list is appended.
    private func merged(with other: DesignValue, level: Int) -> DesignValue {
        switch (self, other) {
        case let (.map(mine), .map(theirs)):
            var out = mine
            for entry in theirs {
                if let i = out.firstIndex(where: { $0.key == entry.key }) {
                    out[i].value = out[i].value.merged(with: entry.value, level: level + 1)
                    out[i].comment = out[i].comment ?? entry.comment
                } else {
                    out.append(entry)
                }
            }
            return .map(out)
        case let (.list(mine), .list(theirs)) where level == 1:
            return .list(mine + theirs.filter { !mine.contains($0) })
        default:
            return other
        }
    }
}

/// YAML text for a design: top-level sections in block style, one entity per line in
/// flow style (as hand-written designs look), comments after the entity.
public enum DesignWriter {
    public static func render(_ design: DesignValue, header: [String]) -> String {
        var out = header.map { $0.isEmpty ? "#\n" : "# \($0)\n" }.joined()
        for entry in design.entries {
            switch entry.value {
            case let .map(items) where !items.isEmpty:
                out += "\n\(key(entry.key)):" + comment(entry.comment) + "\n"
                for item in items {
                    // An entity holding a mapping of entities (a cluster's hosts) gets a block of
                    // its own, so each host stays on one line.
                    if case let .map(fields) = item.value, fields.contains(where: { if case let .map(m) = $0.value { return !m.isEmpty && m.allSatisfy { if case .map = $0.value { return true }; return false } }; return false }) {
                        out += "  \(key(item.key)):" + comment(item.comment) + "\n"
                        for f in fields {
                            if case let .map(children) = f.value, !children.isEmpty {
                                out += "    \(key(f.key)):\n"
                                for c in children { out += "      \(key(c.key)): \(flow(c.value))" + comment(c.comment) + "\n" }
                            } else {
                                out += "    \(key(f.key)): \(flow(f.value))\n"
                            }
                        }
                    } else {
                        out += "  \(key(item.key)): \(flow(item.value))" + comment(item.comment) + "\n"
                    }
                }
            case let .list(items) where !items.isEmpty:
                out += "\n\(key(entry.key)):" + comment(entry.comment) + "\n"
                for item in items { out += "  - \(flow(item))\n" }
            default:
                out += "\(key(entry.key)): \(flow(entry.value))" + comment(entry.comment) + "\n"
            }
        }
        return out
    }

    static func comment(_ c: String?) -> String { c.map { "  # \($0)" } ?? "" }

    static func flow(_ v: DesignValue) -> String {
        switch v {
        case let .text(s): return scalar(s)
        case let .keyword(s): return s
        case let .int(i): return String(i)
        case let .number(d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case let .bool(b): return b ? "true" : "false"
        case let .list(items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case let .map(entries):
            if entries.isEmpty { return "{}" }
            return "{" + entries.map { "\(key($0.key)): \(flow($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    static func key(_ s: String) -> String { scalar(s) }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "all"]

    /// Plain when YAML would read it back as the same text, double-quoted otherwise: names
    /// that look like numbers, booleans or `all`, or hold YAML punctuation.
    static func scalar(_ s: String) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "-_./".unicodeScalars.contains(c)
        } && s.first!.isLetter && !reserved.contains(s.lowercased())
        if plain { return s }
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 { out += String(format: "\\x%02X", c.value) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }
}
