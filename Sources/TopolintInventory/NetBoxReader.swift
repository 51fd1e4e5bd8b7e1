/// Reads a NetBox 4.x REST API into an `Inventory`. Field names follow NetBox's own
/// serializers: nested objects carry `id`, `name`, `slug`; choice fields are
/// `{"value", "label"}`; cable ends are lists of `{object_type, object_id, object}`.
public struct NetBoxReader {
    let client: HTTPClient

    public init(connection: Connection) {
        client = HTTPClient(connection: connection, product: "NetBox")
    }

    public var requestCount: Int { client.requestCount }

    /// The sites each VLAN group scopes its VLANs to (NetBox 4's `scope_type`/`scope_id`):
    /// a site, a location's or a rack's site, the sites of a region or site group (those
    /// directly in it: nested regions are not followed). Other scopes (clusters) and groups
    /// without a scope leave their VLANs global. Asked only when a VLAN is in a group.
    func vlanGroupSites(_ vlans: [JSONTree], inv: Inventory, sitesIn: [String: [String]]) throws(InventoryError) -> [String: [String]] {
        guard vlans.contains(where: { $0["group"].id != nil }) else { return [:] }
        let siteOfLocation = Dictionary(inv.locations.map { ($0.id, $0.siteID) }, uniquingKeysWith: { a, _ in a })
        let siteOfRack = Dictionary(inv.racks.map { ($0.id, $0.siteID) }, uniquingKeysWith: { a, _ in a })
        var result: [String: [String]] = [:]
        for g in try client.list("ipam/vlan-groups/") {
            guard let id = g.id, let type = g["scope_type"].string, let scope = g["scope_id"].string else { continue }
            switch type {
            case "dcim.site": result[id] = [scope]
            case "dcim.location": result[id] = siteOfLocation[scope].map { [$0] }
            case "dcim.rack": result[id] = siteOfRack[scope].map { [$0] }
            case "dcim.region", "dcim.sitegroup": result[id] = sitesIn["\(type):\(scope)"] ?? []
            default: break
            }
        }
        return result
    }

    public func read() throws(InventoryError) -> Inventory {
        let (status, _) = try client.get("status/")
        guard let version = status["netbox-version"].string else {
            throw InventoryError("\(client.url("status/", [])) has no 'netbox-version': not a NetBox 4.x server")
        }
        var inv = Inventory(source: "NetBox \(version)")
        // Each site's region and site group, for VLAN groups scoped to one of them.
        var sitesIn: [String: [String]] = [:]
        for s in try client.list("dcim/sites/") {
            guard let id = s.id, let name = s["name"].string else { continue }
            inv.sites.append(.init(id: id, name: name, slug: s["slug"].string))
            if let region = s["region"].id { sitesIn["dcim.region:\(region)", default: []].append(id) }
            if let group = s["group"].id { sitesIn["dcim.sitegroup:\(group)", default: []].append(id) }
        }
        for l in try client.list("dcim/locations/") {
            guard let id = l.id, let name = l["name"].string, let site = l["site"].id else { continue }
            inv.locations.append(.init(id: id, name: name, siteID: site))
        }
        for r in try client.list("dcim/racks/") {
            guard let id = r.id, let name = r["name"].string, let site = r["site"].id else { continue }
            inv.racks.append(.init(id: id, name: name, siteID: site, locationID: r["location"].id))
        }
        for d in try client.list("dcim/devices/") {
            guard let id = d.id, let name = d["name"].string, let site = d["site"].id else { continue }
            inv.devices.append(.init(id: id, name: name, role: (d["role"]["slug"].string ?? d["role"]["name"].string)?.lowercased(),
                                     siteID: site, locationID: d["location"].id, rackID: d["rack"].id,
                                     clusterIDs: d["cluster"].id.map { [$0] } ?? []))
        }
        for i in try client.list("dcim/interfaces/") {
            guard let id = i.id, let device = i["device"].id, let name = i["name"].string else { continue }
            inv.interfaces.append(Self.interface(i, id: id, owner: device, name: name))
        }
        for c in try client.list("dcim/cables/") {
            guard let id = c.id else { continue }
            func ends(_ key: String) -> [String] {
                c[key].array.filter { $0["object_type"].string == "dcim.interface" }.compactMap { $0["object_id"].string }
            }
            inv.cables.append(.init(id: id, a: ends("a_terminations"), b: ends("b_terminations")))
        }
        var vniByVLAN: [String: Int] = [:]
        var evpnVNI: [String: Int] = [:]
        for l in try client.list("vpn/l2vpns/") where (l["type"].choice ?? "").hasPrefix("vxlan") {
            if let id = l.id, let vni = l["identifier"].int { evpnVNI[id] = vni }
        }
        for t in try client.list("vpn/l2vpn-terminations/") where t["assigned_object_type"].string == "ipam.vlan" {
            guard let l2vpn = t["l2vpn"].id, let vni = evpnVNI[l2vpn], let vlan = t["assigned_object_id"].string else { continue }
            vniByVLAN[vlan] = vni
        }
        let vlanRows = try client.list("ipam/vlans/")
        let groupSites = try vlanGroupSites(vlanRows, inv: inv, sitesIn: sitesIn)
        for v in vlanRows {
            guard let id = v.id, let vid = v["vid"].int else { continue }
            // A VLAN's own site, else its group's scope; neither: a VLAN of every site.
            let sites = v["site"].id.map { [$0] } ?? v["group"].id.flatMap { groupSites[$0] } ?? []
            inv.vlans.append(.init(id: id, name: v["name"].string ?? "vlan\(vid)", vid: vid, siteIDs: sites, vni: vniByVLAN[id]))
        }
        for p in try client.list("ipam/prefixes/") {
            guard let prefix = p["prefix"].string, let vlan = p["vlan"].id else { continue }
            inv.prefixes.append(.init(prefix: prefix, vlanID: vlan))
        }
        for a in try client.list("ipam/ip-addresses/") {
            guard let address = a["address"].string else { continue }
            let onInterface = a["assigned_object_type"].string == "dcim.interface"
            inv.ipAddresses.append(.init(address: address, role: a["role"].choice,
                                         interfaceID: onInterface ? a["assigned_object_id"].string : nil))
        }
        var groups: [String: Inventory.FHRPGroup] = [:]
        var order: [String] = []
        for g in try client.list("ipam/fhrp-groups/") {
            guard let id = g.id else { continue }
            let label = g["name"].string.flatMap { $0.isEmpty ? nil : $0 }
                ?? "\(g["protocol"].choice ?? "fhrp") \(g["group_id"].string ?? id)"
            groups[id] = .init(id: id, name: label, virtualIPs: g["ip_addresses"].array.compactMap { $0["address"].string }, members: [])
            order.append(id)
        }
        for m in try client.list("ipam/fhrp-group-assignments/") where m["interface_type"].string == "dcim.interface" {
            guard let group = m["group"].id, let interface = m["interface_id"].string else { continue }
            groups[group]?.members.append((interface, m["priority"].int ?? 0))
        }
        inv.fhrpGroups = order.compactMap { groups[$0] }
        for c in try client.list("virtualization/clusters/") {
            guard let id = c.id, let name = c["name"].string else { continue }
            inv.clusters.append(.init(id: id, name: name, type: (c["type"]["slug"].string ?? c["type"]["name"].string)?.lowercased(),
                                      platform: c["custom_fields"]["topolint_platform"].string))
        }
        var vmVLANs: [String: [String]] = [:]
        for i in try client.list("virtualization/interfaces/") {
            guard let vm = i["virtual_machine"].id else { continue }
            vmVLANs[vm, default: []] += Self.vlans(of: i)
        }
        for v in try client.list("virtualization/virtual-machines/") {
            guard let id = v.id, let name = v["name"].string else { continue }
            inv.virtualMachines.append(.init(id: id, name: name, clusterID: v["cluster"].id,
                                             role: (v["role"]["slug"].string ?? v["role"]["name"].string)?.lowercased(),
                                             vlanIDs: vmVLANs[id] ?? []))
        }
        return inv
    }

    static func interface(_ i: JSONTree, id: String, owner: String, name: String) -> Inventory.Interface {
        .init(id: id, deviceID: owner, name: name, isVirtual: i["type"].choice == "virtual", lagID: i["lag"].id,
              mode: i["mode"].choice.flatMap { Inventory.PortMode(rawValue: $0) },
              untaggedVLAN: i["untagged_vlan"].id, taggedVLANs: i["tagged_vlans"].array.compactMap(\.id))
    }

    /// The VLANs a VM interface is on: its untagged VLAN and, on a trunk, the tagged ones.
    static func vlans(of i: JSONTree) -> [String] {
        var out: [String] = []
        if let u = i["untagged_vlan"].id { out.append(u) }
        if i["mode"].choice == "tagged" { out += i["tagged_vlans"].array.compactMap(\.id) }
        return out
    }
}
