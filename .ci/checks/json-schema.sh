#!/usr/bin/env bash
# `topolint schema` against a real validator (the `jsonschema` package):
# - both drafts (07, the default, and 2020-12) are valid schemas of their draft;
# - every shipped example (but the one built to be wrong) validates under both;
# - broken copies of an example fail, and the error a validator puts first (best_match,
#   what editors show) names the bad key or value, never "not valid under any of the
#   given schemas";
# - platform names follow the active pack.
set -euo pipefail
source .ci/checks/venv.bash
checks_venv || exit $?
bin=.build/debug/topolint
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" schema -o "$tmp/draft07.json"
"$bin" schema --draft 2020-12 -o "$tmp/draft2020.json"
"$bin" schema --rules legacy-vsphere -o "$tmp/legacy.json"
"$PY" - "$tmp" examples/*.yaml <<'PYEOF'
import copy, json, sys, yaml, jsonschema
from jsonschema.exceptions import best_match

tmp, examples = sys.argv[1], sys.argv[2:]
validators = {}
for name, cls in [("draft07", jsonschema.Draft7Validator), ("draft2020", jsonschema.Draft202012Validator)]:
    schema = json.load(open(f"{tmp}/{name}.json"))
    cls.check_schema(schema)
    assert jsonschema.validators.validator_for(schema) is cls, f"{name}: $schema names another draft"
    validators[name] = cls(schema)
print("schemas: draft-07 and 2020-12 are valid schemas of their drafts")

bad = 0
def fail(text):
    global bad
    bad += 1
    print("FAIL", text)

for path in examples:
    doc = yaml.safe_load(open(path))
    for name, v in validators.items():
        errors = list(v.iter_errors(doc))
        if "mistakes" in path:
            if not errors: fail(f"{path} ({name}): expected schema errors")
        elif errors:
            fail(f"{path} ({name}): " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
    print(f"{path}: checked under both drafts")

# Broken copies of one example: (what, change, text the first error must contain).
base = yaml.safe_load(open("examples/two-sites-vsphere.yaml"))
def first_switch(d): return next(iter(d["switches"].values()))
def first_vlan(d): return next(iter(d["vlans"].values()))
def first_cluster(d): return next(iter(d["clusters"].values()))
def set_gateway(d): first_vlan(d)["gateway"] = {"actve": "fra1-core"}
broken = [
    ("typo inside a switch", lambda d: first_switch(d).__setitem__("vlnas", ["web"]), "'vlnas'"),
    ("typo at the top level", lambda d: d.__setitem__("switchs", {}), "'switchs'"),
    ("typo inside a VLAN", lambda d: first_vlan(d).__setitem__("gatway", "fra1-core"), "'gatway'"),
    ("typo inside a gateway mapping", set_gateway, "'actve'"),
    ("typo inside a host", lambda d: next(iter(first_cluster(d)["hosts"].values())).__setitem__("uplink", []), "'uplink'"),
    ("typo in a link", lambda d: d["links"][0].__setitem__("betwen", d["links"][0].pop("between")), "'betwen'"),
    ("unknown rule in ignore", lambda d: first_vlan(d).__setitem__("ignore", {"strecthed-vlan": "ok"}), "'strecthed-vlan'"),
    ("unknown role", lambda d: first_switch(d).__setitem__("role", "cor"), "'cor'"),
    ("unknown link mode", lambda d: d["links"][0].__setitem__("mode", "trnk"), "'trnk'"),
    ("bad subnet", lambda d: first_vlan(d).__setitem__("subnet", "10.1.0.0/33"), "'10.1.0.0/33'"),
    ("bad IPv4 octet", lambda d: first_vlan(d).__setitem__("subnet", "10.256.0.0/16"), "'10.256.0.0/16'"),
    ("unknown platform", lambda d: first_cluster(d).__setitem__("platform", "vsphere-9.9"), "'vsphere-9.9'"),
    ("switch without a place", lambda d: [first_switch(d).pop(k, None) for k in ("rack", "pod", "site")], "'site' is a required property"),
    ("VLAN id out of range", lambda d: first_vlan(d).__setitem__("id", 5000), "5000"),
]
for what, change, expected in broken:
    doc = copy.deepcopy(base)
    change(doc)
    for name, v in validators.items():
        errors = list(v.iter_errors(doc))
        if not errors:
            fail(f"{what} ({name}): no error"); continue
        first = best_match(errors)
        if "any of the given schemas" in first.message or expected not in first.message:
            fail(f"{what} ({name}): first error does not name {expected}: {first.message}")
        else:
            print(f"ok {what} ({name}): {first.message[:110]}")

# Valid alternatives must stay valid: a gateway as a string, {active, standby}, {anycast}.
for gw in ["fra1-core", {"active": "fra1-core", "standby": "fra1-core"}, {"anycast": ["fra1-core"]}, {"active": "fra1-core"}]:
    doc = copy.deepcopy(base); first_vlan(doc)["gateway"] = gw
    for name, v in validators.items():
        if list(v.iter_errors(doc)): fail(f"gateway {gw!r} ({name}) rejected")
for gw in [{"anycast": ["a"], "active": "b"}, {"standby": "b"}, {}]:
    doc = copy.deepcopy(base); first_vlan(doc)["gateway"] = gw
    for name, v in validators.items():
        if not list(v.iter_errors(doc)): fail(f"gateway {gw!r} ({name}) accepted")

# Platforms follow the pack: legacy-vsphere lists its own table.
legacy = json.load(open(f"{tmp}/legacy.json"))
default = json.load(open(f"{tmp}/draft07.json"))
def platforms(s): return s["definitions"]["cluster"]["properties"]["platform"]["enum"]
print("platforms (default pack):", len(platforms(default)), "(legacy-vsphere):", len(platforms(legacy)))
if "generic" not in platforms(default): fail("the default platform 'generic' is not in the enum")
sys.exit(1 if bad else 0)
PYEOF
