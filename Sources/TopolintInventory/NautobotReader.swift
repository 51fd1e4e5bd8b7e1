/// Reads a Nautobot 2.x REST API into an `Inventory`. Nautobot differs from NetBox in ways
/// this reader absorbs: one tree of locations (a location of a site type is a site, the
/// locations below it are pods), UUIDs, statuses and roles as objects, nested objects only
/// with `depth=1`, cables as `termination_a`/`termination_b`, IP addresses bound to
/// interfaces through a separate endpoint, and interface redundancy groups for FHRP.
public struct NautobotReader {
    let client: HTTPClient
    /// Location type names (compared case-insensitively) whose locations are sites.
    let siteTypes: Set<String>

    public init(connection: Connection, siteTypes: [String] = ["site"]) {
        client = HTTPClient(connection: connection, product: "Nautobot")
        self.siteTypes = Set(siteTypes.map { $0.lowercased() })
    }

    public var requestCount: Int { client.requestCount }

    private func list(_ path: String) throws(InventoryError) -> [JSONTree] {
        try client.list(path, query: [("depth", "1")])
    }

    private static func slug(_ t: JSONTree) -> String? {
        (t["slug"].string ?? t["name"].string)?.lowercased()
    }

    public func read() throws(InventoryError) -> Inventory {
        let (status, _) = try client.get("status/")
        guard let version = status["nautobot-version"].string else {
            throw InventoryError("\(client.url("status/", [])) has no 'nautobot-version': not a Nautobot 2.x server")
        }
        var inv = Inventory(source: "Nautobot \(version)")

        // Locations: find each one's site (nearest ancestor-or-self of a site type, else its root).
        struct Loc { var name: String; var type: String; var parent: String? }
        var locs: [String: Loc] = [:]
        var order: [String] = []
        for l in try list("dcim/locations/") {
            guard let id = l.id, let name = l["name"].string else { continue }
            locs[id] = Loc(name: name, type: (l["location_type"]["name"].string ?? "").lowercased(), parent: l["parent"].id)
            order.append(id)
        }
        func site(of id: String) -> String {
            var chain: [String] = []
            var cur: String? = id
            while let c = cur, let l = locs[c], !chain.contains(c) { chain.append(c); cur = l.parent }
            return chain.first { siteTypes.contains(locs[$0]!.type) } ?? chain.last ?? id
        }
        for id in order {
            let s = site(of: id)
            if s == id { inv.sites.append(.init(id: id, name: locs[id]!.name, slug: nil)) }
            else { inv.locations.append(.init(id: id, name: locs[id]!.name, siteID: s)) }
        }
        func place(_ location: String?) -> (site: String, pod: String?)? {
            guard let location, locs[location] != nil else { return nil }
            let s = site(of: location)
            return (s, s == location ? nil : location)
        }
        for r in try list("dcim/racks/") {
            guard let id = r.id, let name = r["name"].string, let at = place(r["location"].id) else { continue }
            inv.racks.append(.init(id: id, name: name, siteID: at.site, locationID: at.pod))
        }
        for d in try list("dcim/devices/") {
            guard let id = d.id, let name = d["name"].string, let at = place(d["location"].id) else { continue }
            var clusters = d["clusters"].array.compactMap(\.id)
            if let c = d["cluster"].id { clusters.append(c) }
            inv.devices.append(.init(id: id, name: name, role: Self.slug(d["role"]), siteID: at.site, locationID: at.pod,
                                     rackID: d["rack"].id, clusterIDs: clusters))
        }
        for i in try list("dcim/interfaces/") {
            guard let id = i.id, let device = i["device"].id, let name = i["name"].string else { continue }
            inv.interfaces.append(NetBoxReader.interface(i, id: id, owner: device, name: name))
        }
        for c in try list("dcim/cables/") {
            guard let id = c.id else { continue }
            func end(_ side: String) -> [String] {
                c["termination_\(side)_type"].string == "dcim.interface" ? [c["termination_\(side)_id"].string].compactMap { $0 } : []
            }
            inv.cables.append(.init(id: id, a: end("a"), b: end("b")))
        }
        for v in try list("ipam/vlans/") {
            guard let id = v.id, let vid = v["vid"].int else { continue }
            var sites = Set(v["locations"].array.compactMap(\.id).map(site(of:)))
            if let l = v["location"].id { sites.insert(site(of: l)) }
            inv.vlans.append(.init(id: id, name: v["name"].string ?? "vlan\(vid)", vid: vid,
                                   siteIDs: sites.sorted(), vni: v["custom_fields"]["vni"].int))
        }
        for p in try list("ipam/prefixes/") {
            guard let prefix = p["prefix"].string, let vlan = p["vlan"].id else { continue }
            inv.prefixes.append(.init(prefix: prefix, vlanID: vlan))
        }
        var addressByID: [String: (String, String?)] = [:]
        var addressOrder: [String] = []
        for a in try list("ipam/ip-addresses/") {
            guard let id = a.id, let address = a["address"].string else { continue }
            addressByID[id] = (address, Self.slug(a["role"]))
            addressOrder.append(id)
        }
        var bound: Set<String> = []
        for m in try list("ipam/ip-address-to-interface/") {
            guard let ip = m["ip_address"].id, let (address, role) = addressByID[ip], let interface = m["interface"].id else { continue }
            inv.ipAddresses.append(.init(address: address, role: role, interfaceID: interface))
            bound.insert(ip)
        }
        for id in addressOrder where !bound.contains(id) {
            inv.ipAddresses.append(.init(address: addressByID[id]!.0, role: addressByID[id]!.1, interfaceID: nil))
        }
        var groups: [String: Inventory.FHRPGroup] = [:]
        var groupOrder: [String] = []
        for g in try list("dcim/interface-redundancy-groups/") {
            guard let id = g.id, let name = g["name"].string else { continue }
            let vip = g["virtual_ip"].id.flatMap { addressByID[$0]?.0 } ?? g["virtual_ip"]["address"].string
            groups[id] = .init(id: id, name: name, virtualIPs: vip.map { [$0] } ?? [], members: [])
            groupOrder.append(id)
        }
        for m in try list("dcim/interface-redundancy-group-associations/") {
            guard let g = m["interface_redundancy_group"].id, let i = m["interface"].id else { continue }
            groups[g]?.members.append((i, m["priority"].int ?? 0))
        }
        inv.fhrpGroups = groupOrder.compactMap { groups[$0] }
        for c in try list("virtualization/clusters/") {
            guard let id = c.id, let name = c["name"].string else { continue }
            inv.clusters.append(.init(id: id, name: name, type: Self.slug(c["cluster_type"]),
                                      platform: c["custom_fields"]["topolint_platform"].string))
        }
        var vmVLANs: [String: [String]] = [:]
        for i in try list("virtualization/interfaces/") {
            guard let vm = i["virtual_machine"].id else { continue }
            vmVLANs[vm, default: []] += NetBoxReader.vlans(of: i)
        }
        for v in try list("virtualization/virtual-machines/") {
            guard let id = v.id, let name = v["name"].string else { continue }
            inv.virtualMachines.append(.init(id: id, name: name, clusterID: v["cluster"].id, role: Self.slug(v["role"]),
                                             vlanIDs: vmVLANs[id] ?? []))
        }
        return inv
    }
}
