"""Writes the NetBox 4.x API answers the importer tests read: one JSON file per list page.

Every object carries the fields NetBox's serializers list (netbox/*/api/serializers_/*.py:
`Meta.fields` for the object, `Meta.brief_fields` for nested ones), with the same shapes:
choice fields as {"value", "label"}, cable ends as [{"object_type", "object_id", "object"}].
The design is the two-site one of .ci/checks/nautobot.sh, plus an EVPN VNI on `web`.
Run it again after changing it: `python3 make_fixtures.py`.
"""
import json
import os

HOST = "https://netbox.example.com"  # `next` links name the server's own host; the client keeps its --url
HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = "2026-11-30T09:00:00.000000Z"
objects = {}


def api(path, i):
    return f"{HOST}/api/{path}{i}/"


def common(path, i, display):
    return {"id": i, "url": api(path, i), "display_url": f"{HOST}/{path}{i}/", "display": display}


def choice(value, label=None):
    return {"value": value, "label": label or value.replace("-", " ").title()}


def dated(o):
    o.update({"owner": None, "comments": "", "tags": [], "custom_fields": {}, "created": STAMP, "last_updated": STAMP})
    return o


def brief(o, fields):
    return {k: o[k] for k in fields if k in o}


def add(kind, o):
    objects.setdefault(kind, []).append(o)
    return o


def site(i, name):
    return add("dcim/sites/", dated({**common("dcim/sites/", i, name), "name": name, "slug": name, "status": choice("active"),
        "region": None, "group": None, "tenant": None, "facility": "", "time_zone": None, "description": "",
        "physical_address": "", "shipping_address": "", "latitude": None, "longitude": None, "asns": [],
        "circuit_count": 0, "device_count": 0, "prefix_count": 0, "rack_count": 0, "virtualmachine_count": 0, "vlan_count": 0}))


SITE_BRIEF = ("id", "url", "display", "name", "description", "slug")


def location(i, name, s):
    return add("dcim/locations/", dated({**common("dcim/locations/", i, name), "name": name, "slug": name,
        "site": brief(s, SITE_BRIEF), "parent": None, "status": choice("active"), "tenant": None, "facility": "",
        "description": "", "rack_count": 0, "device_count": 0, "prefix_count": 0, "_depth": 0}))


LOC_BRIEF = ("id", "url", "display", "name", "slug", "description", "rack_count", "_depth")


def rack(i, name, s, loc):
    return add("dcim/racks/", dated({**common("dcim/racks/", i, name), "name": name, "facility_id": None,
        "site": brief(s, SITE_BRIEF), "location": brief(loc, LOC_BRIEF), "group": None, "tenant": None,
        "status": choice("active"), "role": None, "serial": "", "asset_tag": None, "rack_type": None,
        "form_factor": None, "width": choice(19, "19 inches"), "u_height": 42, "starting_unit": 1, "weight": None,
        "max_weight": None, "weight_unit": None, "desc_units": False, "outer_width": None, "outer_height": None,
        "outer_depth": None, "outer_unit": None, "mounting_depth": None, "airflow": None, "description": "",
        "device_count": 0, "powerfeed_count": 0}))


RACK_BRIEF = ("id", "url", "display", "name", "description", "device_count")


def role(i, name):
    return {**common("dcim/device-roles/", i, name), "name": name, "slug": name, "description": "",
            "device_count": 0, "virtualmachine_count": 0, "_depth": 0}


DEVICE_TYPE = {"id": 1, "url": api("dcim/device-types/", 1), "display": "Acme X1", "manufacturer":
               {"id": 1, "url": api("dcim/manufacturers/", 1), "display": "Acme", "name": "Acme", "slug": "acme", "description": ""},
               "model": "X1", "slug": "x1", "description": "", "device_count": 0}
CLUSTER_TYPE = {"id": 1, "url": api("virtualization/cluster-types/", 1), "display": "VMware vSphere", "name": "VMware vSphere",
                "slug": "vmware-vsphere", "description": "", "cluster_count": 1}
CLUSTER = dated({**common("virtualization/clusters/", 1, "metro"), "name": "metro", "type": CLUSTER_TYPE, "group": None,
                 "status": choice("active"), "tenant": None, "scope_type": None, "scope_id": None, "scope": None,
                 "description": "", "device_count": 3, "virtualmachine_count": 6, "allocated_vcpus": None,
                 "allocated_memory": None, "allocated_disk": None})
add("virtualization/clusters/", CLUSTER)
CLUSTER_BRIEF = ("id", "url", "display", "name", "description", "virtualmachine_count")


def device(i, name, r, s, loc, rk=None, cluster=None):
    return add("dcim/devices/", dated({**common("dcim/devices/", i, name), "name": name, "device_type": DEVICE_TYPE,
        "role": r, "tenant": None, "platform": None, "serial": "", "asset_tag": None, "site": brief(s, SITE_BRIEF),
        "location": brief(loc, LOC_BRIEF), "rack": brief(rk, RACK_BRIEF) if rk else None, "position": None,
        "face": None, "latitude": None, "longitude": None, "parent_device": None, "status": choice("active"),
        "airflow": None, "primary_ip": None, "primary_ip4": None, "primary_ip6": None, "oob_ip": None,
        "cluster": brief(cluster, CLUSTER_BRIEF) if cluster else None, "virtual_chassis": None, "vc_position": None,
        "vc_priority": None, "description": "", "config_template": None, "local_context_data": None,
        "console_port_count": 0, "console_server_port_count": 0, "power_port_count": 0, "power_outlet_count": 0,
        "interface_count": 0, "front_port_count": 0, "rear_port_count": 0, "device_bay_count": 0,
        "module_bay_count": 0, "inventory_item_count": 0}))


DEVICE_BRIEF = ("id", "url", "display", "name", "description")
VLAN_BRIEF = ("id", "url", "display", "vid", "name", "description")


VLAN_GROUP_BRIEF = ("id", "url", "display", "name", "slug", "description", "vlan_count")


def vlan_group(i, name, s):
    """A VLAN group scoped to a site (NetBox 4: scope_type, scope_id, scope)."""
    return add("ipam/vlan-groups/", dated({**common("ipam/vlan-groups/", i, name), "name": name, "slug": name,
        "scope_type": "dcim.site", "scope_id": s["id"], "scope": brief(s, SITE_BRIEF),
        "vid_ranges": [[1, 4094]], "tenant": None, "description": "", "vlan_count": 1, "utilization": "0%"}))


def vlan(i, vid, name, s=None, group=None):
    return add("ipam/vlans/", dated({**common("ipam/vlans/", i, f"{name} ({vid})"), "site": brief(s, SITE_BRIEF) if s else None,
        "group": brief(group, VLAN_GROUP_BRIEF) if group else None, "vid": vid, "name": name, "tenant": None, "status": choice("active"), "role": None,
        "description": "", "qinq_role": None, "qinq_svlan": None, "l2vpn_termination": None, "prefix_count": 1}))


iface_ids = iter(range(1, 1000))


def iface(dev, name, kind="1000base-t", mode=None, untagged=None, tagged=(), lag=None):
    i = next(iface_ids)
    o = dated({**common("dcim/interfaces/", i, name), "device": brief(dev, DEVICE_BRIEF), "vdcs": [], "module": None,
        "name": name, "label": "", "type": choice(kind), "enabled": True, "parent": None, "bridge": None,
        "bridge_interfaces": [], "lag": {**common("dcim/interfaces/", lag["id"], lag["name"]), "device": lag["device"],
        "name": lag["name"], "description": "", "cable": None, "_occupied": False} if lag else None,
        "mtu": None, "mac_address": None, "primary_mac_address": None, "mac_addresses": [], "speed": None,
        "duplex": None, "wwn": None, "mgmt_only": False, "description": "",
        "mode": choice(mode, {"access": "Access", "tagged": "Tagged", "tagged-all": "Tagged (All)"}[mode]) if mode else None,
        "rf_role": None, "rf_channel": None, "poe_mode": None, "poe_type": None, "rf_channel_frequency": None,
        "rf_channel_width": None, "tx_power": None, "untagged_vlan": brief(untagged, VLAN_BRIEF) if untagged else None,
        "tagged_vlans": [brief(v, VLAN_BRIEF) for v in tagged], "qinq_svlan": None, "vlan_translation_policy": None,
        "mark_connected": False, "cable": None, "cable_end": "", "wireless_link": None, "link_peers": [],
        "link_peers_type": None, "wireless_lans": [], "vrf": None, "l2vpn_termination": None,
        "connected_endpoints": None, "connected_endpoints_type": None, "connected_endpoints_reachable": None,
        "count_ipaddresses": 0, "count_fhrp_groups": 0, "_occupied": False})
    return add("dcim/interfaces/", o)


cable_ids = iter(range(1, 1000))


def cable(a, b):
    i = next(cable_ids)

    def end(x):
        return {"object_type": "dcim.interface", "object_id": x["id"], "object": {**common("dcim/interfaces/", x["id"], x["name"]),
                "device": x["device"], "name": x["name"], "description": "", "cable": i, "_occupied": True}}
    for x, side in [(a, "A"), (b, "B")]:
        x["cable"] = {"id": i, "url": api("dcim/cables/", i), "display": f"#{i}", "label": "", "description": ""}
        x["cable_end"] = side
        x["_occupied"] = True
    add("dcim/cables/", dated({**common("dcim/cables/", i, f"#{i}"), "type": "cat6", "a_terminations": [end(a)],
        "b_terminations": [end(b)], "status": choice("connected"), "profile": None, "tenant": None, "bundle": None,
        "label": "", "color": "", "length": None, "length_unit": None, "description": ""}))


ip_ids = iter(range(1, 1000))


def address(a, on=None, ip_role=None):
    i = next(ip_ids)
    return add("ipam/ip-addresses/", dated({**common("ipam/ip-addresses/", i, a), "family": choice(4, "IPv4"), "address": a,
        "vrf": None, "tenant": None, "status": choice("active"), "role": choice(ip_role, ip_role.upper()) if ip_role else None,
        "assigned_object_type": "dcim.interface" if on else None, "assigned_object_id": on["id"] if on else None,
        "assigned_object": {**common("dcim/interfaces/", on["id"], on["name"]), "device": on["device"], "name": on["name"],
                            "description": "", "cable": None, "_occupied": False} if on else None,
        "nat_inside": None, "nat_outside": [], "dns_name": "", "description": ""}))


# The design.
fra1, ams1 = site(1, "fra1"), site(2, "ams1")
pods = {"fra1": location(1, "fra1-p1", fra1), "ams1": location(2, "ams1-p1", ams1)}
sites = {"fra1": fra1, "ams1": ams1}
racks = {n: rack(i, n, sites[n[:4]], pods[n[:4]]) for i, n in enumerate(["fra1-r01", "fra1-r02", "ams1-r01"], 1)}
roles = {n: role(i, n) for i, n in enumerate(["leaf", "core", "server"], 1)}
# db is fra1's by its VLAN group's scope, not a site of its own (as NetBox 4 designs scope VLANs).
web, db = vlan(1, 100, "web"), vlan(2, 200, "db", group=vlan_group(1, "fra1-vlans", fra1))
dev = {}
for i, n in enumerate(["fra1-r01-leaf", "fra1-r02-leaf", "ams1-r01-leaf"], 1):
    dev[n] = device(i, n, roles["leaf"], sites[n[:4]], pods[n[:4]], racks[n.rsplit("-", 1)[0]])
for i, n in enumerate(["fra1-core", "ams1-core"], 4):
    dev[n] = device(i, n, roles["core"], sites[n[:4]], pods[n[:4]])
for i, n in enumerate(["fra1-r01-esx", "fra1-r02-esx", "ams1-r01-esx"], 6):
    dev[n] = device(i, n, roles["server"], sites[n[:4]], pods[n[:4]], racks[n.rsplit("-", 1)[0]], CLUSTER)
cable(iface(dev["fra1-r01-leaf"], "eth49", mode="tagged", tagged=[web, db]), iface(dev["fra1-core"], "eth1", mode="tagged-all"))
cable(iface(dev["fra1-r02-leaf"], "eth49", mode="tagged", tagged=[web, db]), iface(dev["fra1-core"], "eth2", mode="tagged-all"))
cable(iface(dev["ams1-r01-leaf"], "eth49", mode="tagged", tagged=[web]), iface(dev["ams1-core"], "eth1", mode="tagged", tagged=[web]))
for leaf, host, vl in [("fra1-r01-leaf", "fra1-r01-esx", [web, db]), ("fra1-r02-leaf", "fra1-r02-esx", [web]),
                       ("ams1-r01-leaf", "ams1-r01-esx", [web])]:
    cable(iface(dev[leaf], "eth10", mode="tagged", tagged=vl), iface(dev[host], "vmnic0"))
po = {c: iface(dev[c], "po1", kind="lag", mode="tagged", tagged=[web]) for c in ["fra1-core", "ams1-core"]}
for m in ["eth31", "eth32"]:
    cable(iface(dev["fra1-core"], m, lag=po["fra1-core"]), iface(dev["ams1-core"], m, lag=po["ams1-core"]))
svi = {}
for d, v, a in [("fra1-core", web, "10.1.0.2/24"), ("ams1-core", web, "10.1.0.3/24"), ("fra1-core", db, "10.2.0.1/24")]:
    svi[(d, v["vid"])] = iface(dev[d], f"vlan{v['vid']}", kind="virtual")
    address(a, on=svi[(d, v["vid"])])
vip = address("10.1.0.1/24", ip_role="hsrp")
group = add("ipam/fhrp-groups/", dated({"id": 1, "name": "web-gw", "url": api("ipam/fhrp-groups/", 1),
    "display_url": f"{HOST}/ipam/fhrp-groups/1/", "display": "HSRP 1", "protocol": choice("hsrp", "HSRP"), "group_id": 1,
    "auth_type": None, "auth_key": "", "description": "",
    "ip_addresses": [brief(vip, ("id", "url", "display", "family", "address", "description"))]}))
for i, (d, prio) in enumerate([("fra1-core", 200), ("ams1-core", 100)], 1):
    add("ipam/fhrp-group-assignments/", {"id": i, "url": api("ipam/fhrp-group-assignments/", i), "display": f"{d} vlan100",
        "group": brief(group, ("id", "url", "display", "protocol", "group_id", "description")),
        "interface_type": "dcim.interface", "interface_id": svi[(d, 100)]["id"],
        "interface": {**common("dcim/interfaces/", svi[(d, 100)]["id"], "vlan100"), "device": svi[(d, 100)]["device"],
                      "name": "vlan100", "description": "", "cable": None, "_occupied": False},
        "priority": prio, "created": STAMP, "last_updated": STAMP})
for i, (p, v) in enumerate([("10.1.0.0/24", web), ("10.2.0.0/24", db)], 1):
    add("ipam/prefixes/", dated({**common("ipam/prefixes/", i, p), "family": choice(4, "IPv4"), "prefix": p, "vrf": None,
        "scope_type": None, "scope_id": None, "scope": None, "tenant": None, "vlan": brief(v, VLAN_BRIEF),
        "status": choice("active"), "role": None, "is_pool": False, "mark_utilized": False, "description": "",
        "children": 0, "_depth": 0}))
evpn = add("vpn/l2vpns/", dated({**common("vpn/l2vpns/", 1, "web-evpn"), "identifier": 10100, "name": "web-evpn",
    "slug": "web-evpn", "type": choice("vxlan-evpn", "VXLAN-EVPN"), "status": choice("active"), "import_targets": [],
    "export_targets": [], "description": "", "tenant": None}))
add("vpn/l2vpn-terminations/", {**common("vpn/l2vpn-terminations/", 1, "web-evpn <> web"),
    "l2vpn": brief(evpn, ("id", "url", "display", "identifier", "name", "slug", "type", "description")),
    "assigned_object_type": "ipam.vlan", "assigned_object_id": web["id"], "assigned_object": brief(web, VLAN_BRIEF),
    "tags": [], "custom_fields": {}, "created": STAMP, "last_updated": STAMP})
vm_roles = {"web": role(4, "web"), "db": role(5, "db")}
for i, (name, r, v) in enumerate([(f"web{n:02d}", "web", web) for n in range(1, 5)] + [(f"db{n:02d}", "db", db) for n in range(1, 3)], 1):
    vm = add("virtualization/virtual-machines/", dated({**common("virtualization/virtual-machines/", i, name), "name": name,
        "virtual_machine_type": None, "role": vm_roles[r], "status": choice("active"), "start_on_boot": choice("on", "On"),
        "site": None, "cluster": brief(CLUSTER, CLUSTER_BRIEF), "device": None, "platform": None, "primary_ip": None,
        "primary_ip4": None, "primary_ip6": None, "vcpus": 2.0, "memory": 4096, "disk": 40960, "description": "",
        "serial": "", "tenant": None, "local_context_data": None, "config_template": None, "interface_count": 1,
        "virtual_disk_count": 0}))
    add("virtualization/interfaces/", dated({**common("virtualization/interfaces/", i, "eth0"),
        "virtual_machine": brief(vm, ("id", "url", "display", "name", "description")), "name": "eth0", "enabled": True,
        "parent": None, "bridge": None, "mtu": None, "mac_address": None, "primary_mac_address": None, "mac_addresses": [],
        "description": "", "mode": choice("access", "Access"), "untagged_vlan": brief(v, VLAN_BRIEF), "tagged_vlans": [],
        "qinq_svlan": None, "vlan_translation_policy": None, "vrf": None, "l2vpn_termination": None,
        "count_ipaddresses": 0, "count_fhrp_groups": 0}))

# Pages: three objects a page for devices and interfaces (pagination), one page for the rest.
for name in os.listdir(HERE):
    if name.endswith(".json"):
        os.remove(os.path.join(HERE, name))
for kind, items in objects.items():
    size = 3 if kind in ("dcim/devices/", "dcim/interfaces/") else 1000
    stem = kind.strip("/").replace("/", "_")
    for offset in range(0, max(len(items), 1), size):
        page = {"count": len(items),
                "next": f"{HOST}/api/{kind}?limit={size}&offset={offset + size}" if offset + size < len(items) else None,
                "previous": (f"{HOST}/api/{kind}?limit={size}" + (f"&offset={offset - size}" if offset - size > 0 else "")) if offset else None,
                "results": items[offset:offset + size]}
        suffix = f".offset-{offset}" if offset else ""
        with open(os.path.join(HERE, f"{stem}{suffix}.json"), "w") as f:
            json.dump(page, f, indent=1, sort_keys=False)
            f.write("\n")
with open(os.path.join(HERE, "status.json"), "w") as f:
    json.dump({"django-version": "5.2.5", "installed_apps": {}, "netbox-version": "4.4.0", "netbox-full-version": "4.4.0",
               "plugins": {}, "python-version": "3.12.3", "rq-workers-running": 1}, f, indent=1)
    f.write("\n")
