import TopolintCore
import TopolintYAML

// Links come second in number after hosts, and nearly all are written the same way:
// `{between: [leaf1, spine1], mode: routed}`, perhaps with `vlans`, naming switches and
// VLANs declared already. Such a link is loaded here straight from its nodes; any other
// (a pattern, a placeholder, another key, a name that does not resolve, a switch linked to
// itself, a spent budget) is left untouched for the general path in `loadLinks`, which gives
// the same link and reports what is wrong.

extension Loader {
    static let linkSpec = FormatSchema.entity("link")
    static let linkBetweenField = linkSpec.fields.firstIndex { $0.name == "between" }!
    static let linkModeField = linkSpec.fields.firstIndex { $0.name == "mode" }!
    static let linkVLANsField = linkSpec.fields.firstIndex { $0.name == "vlans" }!

    /// Loads the link written as `item` when it is written the usual way (see above) and
    /// returns true; otherwise returns false having changed nothing.
    mutating func loadPlainLink(_ item: YAMLNode, switches: NameTable, vlans vlanTable: NameTable) -> Bool {
        guard doc.kind(item) == .mapping, storing, !workReported else { return false }
        guard let (betweenNode, modeNode, vlansNode) = plainFields(of: item, spec: Loader.linkSpec,
                                                                   Loader.linkBetweenField, Loader.linkModeField, Loader.linkVLANsField)
        else { return false }
        guard let betweenNode, doc.kind(betweenNode) == .sequence, doc.count(betweenNode) == 2,
              let a = declaredName(doc.item(betweenNode, 0), in: switches),
              let b = declaredName(doc.item(betweenNode, 1), in: switches), a != b else { return false }
        var mode = LinkMode.trunk
        if let modeNode {
            guard doc.kind(modeNode) == .scalar,
                  let written = doc.withScalarBytes(modeNode, { bytes in LinkMode.allCases.first { $0.rawValue.utf8.elementsEqual(bytes) } })
            else { return false }
            mode = written
        }
        var selection = VLANSelection.all
        var lookups = 2
        if let vlansNode {
            if doc.kind(vlansNode) == .scalar, !doc.isQuoted(vlansNode), doc.scalarEquals(vlansNode, "all") {
                selection = .all
            } else {
                guard doc.kind(vlansNode) == .sequence else { return false }
                var list: [Int] = []
                list.reserveCapacity(doc.count(vlansNode))
                for i in 0..<doc.count(vlansNode) {
                    guard let found = declaredName(doc.item(vlansNode, i), in: vlanTable) else { return false }
                    list.append(found)
                }
                let distinct = sortedDistinct(list)
                selection = .some(distinct)
                // The names looked up, and each VLAN the trunk carries (work for the analysis).
                lookups += list.count + distinct.count
            }
        }
        // The lookups the general path charges to the work budget: a link that would
        // overrun it goes there to be reported.
        guard work + lookups <= workBudget else { return false }
        work += lookups
        topology.links.append(Link(a: a, b: b, mode: mode, vlans: selection, location: doc.location(item)))
        return true
    }
}
