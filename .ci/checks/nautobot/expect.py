"""Checks what `topolint import nautobot` made of the design load_design.py put in Nautobot.

Figures worked out by hand from the design: web is bridged fra1 leaves - fra1-core - (LAG)
- ams1-core - ams1 leaf, so one domain of 5 switches, the 3 hosts and the 4 web VMs, over
two sites; db stays on fra1-core and the two fra1 leaves (ams1's ports do not carry it),
joined only by fra1-r01-esx (fra1-r02-esx's leaf port lacks db), with both db VMs.
"""
import json
import sys

design_path, domains_path, lint_path = sys.argv[1:4]
text = open(design_path).read()
domains = json.load(open(domains_path))["broadcast_domains"]
lint = json.load(open(lint_path))
problems = []


def expect(what, got, want):
    print(f"{what}: {got!r}" + ("" if got == want else f"  <-- expected {want!r}"))
    if got != want:
        problems.append(what)


expect("header", text.splitlines()[0].startswith("# Imported from Nautobot 2.4.44 at http://127.0.0.1:"), True)
expect("LAG folded into one DCI link", text.count("between: [ams1-core, fra1-core]"), 1)
expect("DCI link carries web only", "  - {between: [ams1-core, fra1-core], vlans: [web]}\n" in text, True)
expect("tagged-all core carries both VLANs", "  fra1-core: {pod: fra1-p1, role: core, vlans: [web, db]}\n" in text, True)
expect("HSRP pair as active/standby gateway",
       '  web: {id: 100, subnet: 10.1.0.0/24, gateway: {active: fra1-core, standby: [ams1-core]}}\n' in text, True)
expect("single SVI as gateway, overlay zone merged",
       '  db: {id: 200, subnet: 10.2.0.0/24, gateway: fra1-core, zone: data}\n' in text, True)
expect("host VLANs from the port it faces",
       "      fra1-r01-esx: {rack: fra1-r01, uplinks: [fra1-r01-leaf], vlans: [db]}\n" in text, True)
expect("platform from --platform-map", "    platform: vsphere-6.7\n" in text, True)
expect("workloads grouped by role", ["metro-db" in text, "metro-web: {cluster: metro, vlans: [web], count: 4}" in text], [True, True])

by_vlan = {d["vlan"]: d for d in domains}
expect("domains", sorted(by_vlan), ["db", "web"])
web, db = by_vlan.get("web", {}), by_vlan.get("db", {})
expect("web scope", web.get("scope"), "multi-site")
expect("web switches", web.get("switches"), ["ams1-core", "ams1-r01-leaf", "fra1-core", "fra1-r01-leaf", "fra1-r02-leaf"])
expect("web hosts/endpoints/sites", [web.get("hosts"), web.get("endpoints"), web.get("sites")], [3, 4, ["ams1", "fra1"]])
expect("db scope", db.get("scope"), "pod")
expect("db switches", db.get("switches"), ["fra1-core", "fra1-r01-leaf", "fra1-r02-leaf"])
expect("db hosts/endpoints", [db.get("hosts"), db.get("endpoints")], [1, 2])
findings = sorted((f["rule"], f["score"], f["subject"]["name"]) for f in lint["findings"])
expect("findings", findings, [("TL200", 8.5, "web"), ("TL400", 8.1, "metro-web"), ("TL600", 8.3, "metro-db")])
if problems:
    print("FAIL:", ", ".join(problems))
    sys.exit(1)
print("nautobot import: all figures as expected")
