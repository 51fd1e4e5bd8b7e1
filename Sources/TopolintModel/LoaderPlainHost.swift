import TopolintCore
import TopolintYAML

// Hosts are most of a large design, and nearly every one is written the same way: a plain
// name and a mapping of `rack`, `uplinks` and perhaps `vlans`, each naming entities declared
// already. Such a host is loaded here straight from its nodes: no entry, no array of field
// values, no String for its name, no list per reference. Every other host (a pattern, a
// placeholder, another key, a name that does not resolve, a duplicate, a spent budget) is
// left untouched for the general path, which gives the same host and reports what is wrong.

/// The tables a cluster's hosts refer to, looked up once per cluster.
struct HostTables {
    let hosts: NameTable
    let racks: NameTable
    let switches: NameTable
    let vlans: NameTable
}

extension Loader {
    /// Positions of the host's own fields in `hostSpec`.
    static let hostRackField = hostSpec.fields.firstIndex { $0.name == "rack" }!
    static let hostUplinksField = hostSpec.fields.firstIndex { $0.name == "uplinks" }!
    static let hostVLANsField = hostSpec.fields.firstIndex { $0.name == "vlans" }!

    /// The values of three of `spec`'s fields (by position) in `mapping`, or nil when it holds
    /// any other key (description, tags, ignore: checked on the general path) or a key that
    /// is not a scalar.
    func plainFields(of mapping: YAMLNode, spec: EntitySpec, _ first: Int, _ second: Int, _ third: Int) -> (YAMLNode?, YAMLNode?, YAMLNode?)? {
        var values: (YAMLNode?, YAMLNode?, YAMLNode?) = (nil, nil, nil)
        let n = doc.count(mapping)
        var k = n > 0 ? doc.key(mapping, 0) : mapping
        for i in 0..<n {
            // Each key and value found from the one before (see `nextChild`).
            if i > 0 { k = doc.nextChild(of: mapping, after: doc.nextChild(of: mapping, after: k, at: 2 * i - 2), at: 2 * i - 1) }
            guard doc.kind(k) == .scalar, let position = doc.withScalarBytes(k, { spec.position(ofBytes: $0) }) else { return nil }
            let value = doc.nextChild(of: mapping, after: k, at: 2 * i)
            switch position {
            case first: values.0 = value
            case second: values.1 = value
            case third: values.2 = value
            default: return nil
            }
        }
        return values
    }

    mutating func hostTables() -> HostTables {
        HostTables(hosts: nameTable("host"), racks: nameTable("rack"), switches: nameTable("switch"), vlans: nameTable("vlan"))
    }

    /// Loads the host written as `key: value` when it is written the usual way (see above)
    /// and returns true; otherwise returns false having changed nothing.
    mutating func loadPlainHost(key: YAMLNode, value: YAMLNode, cluster: Int, clusterVLANs: [Int], tables: HostTables) -> Bool {
        guard doc.kind(key) == .scalar, doc.kind(value) == .mapping, storing, !workReported else { return false }
        guard let (rackNode, uplinksNode, vlansNode) = plainFields(of: value, spec: Loader.hostSpec,
                                                                   Loader.hostRackField, Loader.hostUplinksField, Loader.hostVLANsField)
        else { return false }
        guard let rackNode, let uplinksNode, doc.kind(uplinksNode) == .sequence,
              let rack = declaredName(rackNode, in: tables.racks) else { return false }
        let uplinkCount = doc.count(uplinksNode)
        guard uplinkCount > 0 else { return false }
        let uplinks: IndexList
        if uplinkCount <= 2 {
            guard let first = declaredName(doc.item(uplinksNode, 0), in: tables.switches) else { return false }
            var second: Int? = nil
            if uplinkCount == 2 {
                guard let found = declaredName(doc.item(uplinksNode, 1), in: tables.switches) else { return false }
                second = found
            }
            uplinks = IndexList(first: first, second: second)
        } else {
            var list: [Int] = []
            list.reserveCapacity(uplinkCount)
            for i in 0..<uplinkCount {
                guard let found = declaredName(doc.item(uplinksNode, i), in: tables.switches) else { return false }
                list.append(found)
            }
            uplinks = IndexList(distinctInOrder(list))
        }
        // The host's own VLANs, sorted and distinct, in a buffer reused from host to host:
        // most hosts list the same VLANs as the one before, and then no array is made.
        if let vlansNode {
            guard doc.kind(vlansNode) == .sequence else { return false }
            hostVLANScratch.removeAll(keepingCapacity: true)
            for i in 0..<doc.count(vlansNode) {
                guard let found = declaredName(doc.item(vlansNode, i), in: tables.vlans) else { return false }
                hostVLANScratch.append(found)
            }
            sortDistinctInPlace(&hostVLANScratch)
        }
        var vlans = clusterVLANs
        if vlansNode != nil {
            if let last = lastHostVLANs, last.cluster == cluster, last.own == hostVLANScratch {
                vlans = last.vlans
            } else {
                let own = hostVLANScratch
                vlans = internedVLANs(sortedUnion(own, clusterVLANs))
                lastHostVLANs = (cluster, own, vlans)
            }
        }
        // What the general path charges to the work budget (rack, uplinks, VLANs looked up,
        // and every VLAN the host carries): a host that would overrun it goes there to be
        // reported.
        let lookups = 1 + uplinkCount + (vlansNode.map { doc.count($0) } ?? 0) + vlans.count
        guard work + lookups <= workBudget else { return false }
        // The name last: a pattern, a null or a duplicate goes the general way, unrecorded.
        guard !doc.isNull(key),
              let _ = doc.withScalarBytes(key, { bytes -> Int? in
                  bytes.contains(UInt8(ascii: "[")) ? nil : tables.hosts.insert(bytes: bytes)
              }) else { return false }
        work += lookups
        let (line, column) = doc.lineAndColumn(key, hint: &hostLine)
        topology.hosts.append(Host(cluster: cluster, rack: rack, uplinks: uplinks, vlans: vlans, line: line, column: column))
        return true
    }
}
