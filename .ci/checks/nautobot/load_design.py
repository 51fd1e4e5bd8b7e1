"""Loads a small two-site design into a Nautobot 2.x through its REST API.

fra1: two leaves in racks r01/r02 under a core placed in pod fra1-p1; ams1: one leaf under
a core. The cores are joined by a two-member LAG that carries only `web`. The fra1 core's
leaf ports are `tagged-all`; it has SVIs for web and db; ams1's core has an SVI for web; an
HSRP group (fra1-core priority 200, ams1-core 100) holds web's virtual IP. Cluster `metro`
has one host per rack in both sites; fra1-esx02's leaf port lacks db. VMs: 4 web, 2 db.
"""
import sys
import requests

url, token = sys.argv[1].rstrip("/"), sys.argv[2]
s = requests.Session()
s.headers.update({"Authorization": f"Token {token}", "Accept": "application/json"})


def post(path, body):
    r = s.post(f"{url}/api/{path}", json=body)
    if r.status_code >= 300:
        sys.exit(f"POST {path} {body}: {r.status_code} {r.text[:500]}")
    return r.json()["id"]


def get_id(path, **query):
    r = s.get(f"{url}/api/{path}", params=query)
    r.raise_for_status()
    return r.json()["results"][0]["id"]


active = get_id("extras/statuses/", name="Active")
connected = get_id("extras/statuses/", name="Connected")
namespace = get_id("ipam/namespaces/", name="Global")
placed = ["dcim.rack", "dcim.device", "ipam.vlan", "ipam.prefix", "virtualization.cluster"]
site_type = post("dcim/location-types/", {"name": "Site", "content_types": placed})
pod_type = post("dcim/location-types/", {"name": "Pod", "parent": site_type, "content_types": placed})
site = {n: post("dcim/locations/", {"name": n, "location_type": site_type, "status": active}) for n in ["fra1", "ams1"]}
pod = {n: post("dcim/locations/", {"name": f"{n}-p1", "location_type": pod_type, "parent": site[n], "status": active})
       for n in site}
rack = {f"{n}-r{r}": post("dcim/racks/", {"name": f"{n}-r{r}", "location": pod[n], "status": active})
        for n, rs in [("fra1", ["01", "02"]), ("ams1", ["01"])] for r in rs}
maker = post("dcim/manufacturers/", {"name": "Acme"})
dtype = post("dcim/device-types/", {"manufacturer": maker, "model": "X1"})
role = {n: post("extras/roles/", {"name": n, "content_types": ["dcim.device"]}) for n in ["leaf", "core", "server"]}
vm_role = {n: post("extras/roles/", {"name": n, "content_types": ["virtualization.virtualmachine"]}) for n in ["web", "db"]}
vlan = {n: post("ipam/vlans/", {"name": n, "vid": vid, "status": active}) for n, vid in [("web", 100), ("db", 200)]}
for p, v in [("10.1.0.0/24", "web"), ("10.2.0.0/24", "db")]:
    post("ipam/prefixes/", {"prefix": p, "status": active, "vlan": vlan[v], "type": "network"})
ctype = post("virtualization/cluster-types/", {"name": "vsphere"})
cluster = post("virtualization/clusters/", {"name": "metro", "cluster_type": ctype})


def device(name, r, loc, cl=None):
    body = {"name": name, "device_type": dtype, "role": role[r], "location": loc, "status": active}
    if r != "core":
        body["rack"] = rack[name.rsplit("-", 1)[0]]
    if cl:
        body["cluster"] = cl
    return post("dcim/devices/", body)


dev = {}
for n in ["fra1-r01-leaf", "fra1-r02-leaf", "ams1-r01-leaf"]:
    dev[n] = device(n, "leaf", pod[n[:4]])
for n in ["fra1-core", "ams1-core"]:
    dev[n] = device(n, "core", pod[n[:4]])
for n in ["fra1-r01-esx", "fra1-r02-esx", "ams1-r01-esx"]:
    dev[n] = device(n, "server", pod[n[:4]], cluster)


def iface(d, name, kind="1000base-t", mode=None, untagged=None, tagged=(), lag=None):
    body = {"device": dev[d], "name": name, "type": kind, "status": active}
    if mode:
        body["mode"] = mode
    if untagged:
        body["untagged_vlan"] = vlan[untagged]
    if tagged:
        body["tagged_vlans"] = [vlan[t] for t in tagged]
    if lag:
        body["lag"] = lag
    return post("dcim/interfaces/", body)


def cable(a, b):
    post("dcim/cables/", {"termination_a_type": "dcim.interface", "termination_a_id": a,
                          "termination_b_type": "dcim.interface", "termination_b_id": b, "status": connected})


# Leaves: host port and uplink.
cable(iface("fra1-r01-leaf", "eth49", mode="tagged", tagged=["web", "db"]), iface("fra1-core", "eth1", mode="tagged-all"))
cable(iface("fra1-r02-leaf", "eth49", mode="tagged", tagged=["web", "db"]), iface("fra1-core", "eth2", mode="tagged-all"))
cable(iface("ams1-r01-leaf", "eth49", mode="tagged", tagged=["web"]), iface("ams1-core", "eth1", mode="tagged", tagged=["web"]))
for leaf, host, vlans in [("fra1-r01-leaf", "fra1-r01-esx", ["web", "db"]), ("fra1-r02-leaf", "fra1-r02-esx", ["web"]),
                          ("ams1-r01-leaf", "ams1-r01-esx", ["web"])]:
    cable(iface(leaf, "eth10", mode="tagged", tagged=vlans), iface(host, "vmnic0"))
# The DCI: a LAG of two members between the cores, web only.
po = {c: iface(c, "po1", kind="lag", mode="tagged", tagged=["web"]) for c in ["fra1-core", "ams1-core"]}
for m in ["eth31", "eth32"]:
    cable(iface("fra1-core", m, lag=po["fra1-core"]), iface("ams1-core", m, lag=po["ams1-core"]))


def address(a, on=None, role_id=None):
    body = {"address": a, "status": active, "type": "host", "namespace": namespace}
    if role_id:
        body["role"] = role_id
    ip = post("ipam/ip-addresses/", body)
    if on:
        post("ipam/ip-address-to-interface/", {"ip_address": ip, "interface": on})
    return ip


svi = {}
for d, v, a in [("fra1-core", "web", "10.1.0.2/24"), ("ams1-core", "web", "10.1.0.3/24"), ("fra1-core", "db", "10.2.0.1/24")]:
    svi[(d, v)] = iface(d, f"vlan{100 if v == 'web' else 200}", kind="virtual")
    address(a, on=svi[(d, v)])
vip_role = post("extras/roles/", {"name": "hsrp", "content_types": ["ipam.ipaddress"]})
vip = address("10.1.0.1/24", role_id=vip_role)
group = post("dcim/interface-redundancy-groups/", {"name": "web-gw", "protocol": "hsrp", "status": active, "virtual_ip": vip})
for d, prio in [("fra1-core", 200), ("ams1-core", 100)]:
    post("dcim/interface-redundancy-group-associations/",
         {"interface_redundancy_group": group, "interface": svi[(d, "web")], "priority": prio})

for i in range(4):
    vm = post("virtualization/virtual-machines/", {"name": f"web{i + 1:02d}", "cluster": cluster, "status": active, "role": vm_role["web"]})
    post("virtualization/interfaces/", {"virtual_machine": vm, "name": "eth0", "status": active, "mode": "access", "untagged_vlan": vlan["web"]})
for i in range(2):
    vm = post("virtualization/virtual-machines/", {"name": f"db{i + 1:02d}", "cluster": cluster, "status": active, "role": vm_role["db"]})
    post("virtualization/interfaces/", {"virtual_machine": vm, "name": "eth0", "status": active, "mode": "access", "untagged_vlan": vlan["db"]})
print("loaded: 2 sites, 3 racks, 8 devices, 2 VLANs, 1 HSRP group, 1 cluster, 6 VMs")
