#!/usr/bin/env bash
# `topolint import netlab` against the netlab release on PyPI (networklab): netlab resolves
# a small lab, the import must load, lint, be byte-stable, and give every VLAN the switches
# and hosts netlab itself lists for it. Skipped when PyPI cannot be reached.
set -euo pipefail
bin=$(pwd)/.build/debug/topolint
venv=.build/netlab-venv
if [ ! -x "$venv/bin/netlab" ]; then
  python3 -m venv "$venv" >/dev/null 2>&1 || { echo "skipped: python3 venv unavailable"; exit 77; }
  "$venv/bin/pip" install -q networklab pyyaml >/dev/null 2>&1 || { echo "skipped: cannot install networklab from PyPI"; exit 77; }
fi
netlab=$(pwd)/$venv/bin/netlab
py=$(pwd)/$venv/bin/python
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp .ci/checks/netlab/lab.yml "$tmp/topology.yml"
cd "$tmp"
"$netlab" create topology.yml -o yaml:nodefault=lab.yml >/dev/null
echo "netlab $("$py" -c 'import importlib.metadata as m; print(m.version("networklab"))')"
"$bin" import netlab lab.yml -o imported.yaml 2>warnings.txt
"$bin" import netlab lab.yml -o again.yaml 2>/dev/null
cmp imported.yaml again.yaml
grep -q "native (untagged) VLAN" warnings.txt
grep -q "multi-access segments" warnings.txt
status=0; "$bin" lint imported.yaml >/dev/null || status=$?
[ "$status" -le 1 ] || { echo "lint could not load the imported file"; "$bin" lint imported.yaml; exit 1; }
"$bin" domains imported.yaml --format json >domains.json
"$py" - <<'PYEOF'
import json, sys, yaml
lab = yaml.safe_load(open("lab.yml"))
nodes = set(lab["nodes"])
domains = json.load(open("domains.json"))["broadcast_domains"]
bad = 0
for name, vlan in lab["vlans"].items():
    bridging = {n["node"] for n in vlan.get("neighbors", []) if n.get("vlan", {}).get("mode") in ("irb", "bridge")}
    hosts = {n["node"] for n in vlan.get("neighbors", [])} - bridging
    mine = [d for d in domains if d["vlan"] == name]
    switches = {s for d in mine for s in d["switches"] if s in nodes}
    joined = sum(d["hosts"] for d in mine)
    ok = switches == bridging and joined == len(hosts)
    bad += 0 if ok else 1
    print(f"VLAN {name}: netlab {sorted(bridging)} + {len(hosts)} hosts; imported {sorted(switches)} + {joined} hosts: {'ok' if ok else 'FAIL'}")
sys.exit(1 if bad else 0)
PYEOF
