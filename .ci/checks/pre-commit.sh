#!/usr/bin/env bash
# End-to-end test of the pre-commit hook defined in .pre-commit-hooks.yaml.
#
#     .ci/checks/pre-commit.sh     (run by .ci/test)
#
# In a throwaway folder it installs pre-commit into a virtual environment, makes a scratch
# git repository with a clean topology and one with a design problem (an 80-host cluster
# on vSphere 6.7, whose limit is 64: TL303 cluster-size-limit, high), and runs
#
#     pre-commit run topolint --files <file>
#
# with a .pre-commit-config.yaml naming this repository at HEAD, expecting success for the
# clean file and failure, naming the rule, for the other. Then the same for the second hook,
# `topolint-system` (`language: system`), with the binary `make install` puts into a
# temporary prefix on PATH: the self-contained release build that static-binary.sh checks
# too (one build for both; the second user only relinks or does nothing).
# It prints PASS/FAIL lines and exits non-zero when a check fails.
#
# What it tests: pre-commit clones this repository at its HEAD commit, so the hook is built
# from the committed state (uncommitted changes are not part of it). The first run builds
# the whole package in release mode inside pre-commit's cache (here a temporary folder),
# which takes a few minutes and needs the Swift package dependencies to resolve.
#
# Environment: KEEP_TMP=1 keeps the temporary folder for inspection.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/topolint-pre-commit.XXXXXX")"
if [ "${KEEP_TMP:-0}" = 1 ]; then
    echo "keeping $tmp"
else
    trap 'rm -rf "$tmp"' EXIT
fi

failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

command -v python3 >/dev/null || { echo "FAIL python3 is required"; exit 1; }
command -v swift >/dev/null || { echo "FAIL a Swift toolchain (swift) is required on PATH"; exit 1; }
git -C "$root" rev-parse --verify -q HEAD >/dev/null || { echo "FAIL $root has no commit: pre-commit clones HEAD"; exit 1; }

# --- pre-commit in a throwaway virtual environment -----------------------------------------
python3 -m venv "$tmp/venv" || { echo "skipped: python3 cannot make a virtual environment"; exit 77; }
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit || { echo "skipped: pre-commit cannot be installed from PyPI"; exit 77; }
pre_commit="$tmp/venv/bin/pre-commit"
export PRE_COMMIT_HOME="$tmp/cache"     # never touch the user's cache
echo "pre-commit $("$pre_commit" --version | awk '{print $2}')"

if "$pre_commit" validate-manifest "$root/.pre-commit-hooks.yaml" > "$tmp/manifest.log" 2>&1; then
    pass "manifest .pre-commit-hooks.yaml is valid"
else
    cat "$tmp/manifest.log"
    fail "manifest .pre-commit-hooks.yaml is invalid"
fi

# --- a scratch repository with two small topologies ----------------------------------------
scratch="$tmp/scratch"
mkdir -p "$scratch"
cd "$scratch"
git init -q
git config user.email "test@example.invalid"
git config user.name "pre-commit test"
git config commit.gpgsign false

cat > good.topo.yaml <<'EOF'
# A clean single-pod EVPN design: two racks, VLANs bridged only inside the pod.
topology: hook-good
version: 1
sites:
  fra1: {}
pods:
  fra1-p1: {site: fra1}
racks:
  "fra1-r[01:02]": {pod: fra1-p1}
switches:
  "fra1-r[01:02]-leaf[1:2]": {rack: "fra1-r{1}", role: leaf, vtep: true, vlans: [web, db]}
  "fra1-spine[1:2]": {pod: fra1-p1, role: spine}
links:
  - {between: ["fra1-r[01:02]-leaf[1:2]", "fra1-spine[1:2]"], mode: routed}
vlans:
  web: {id: 100, vni: 10100, subnet: 10.1.0.0/24, zone: prod, gateway: {anycast: ["fra1-r[01:02]-leaf[1:2]"]}}
  db: {id: 200, vni: 10200, subnet: 10.2.0.0/24, zone: prod, gateway: {anycast: ["fra1-r[01:02]-leaf[1:2]"]}}
zones:
  prod: {}
clusters:
  prod-a:
    platform: vsphere-8.0
    vlans: [web, db]
    hosts:
      "fra1-r[01:02]-esx[01:08]": {rack: "fra1-r{1}", uplinks: ["fra1-r{1}-leaf1", "fra1-r{1}-leaf2"]}
workloads:
  shop: {cluster: prod-a, vlans: [web, db], count: 40}
EOF
# The same design with 80 hosts on vSphere 6.7 (limit 64): TL303, high.
sed -e 's/hook-good/hook-bad/' -e 's/vsphere-8\.0/vsphere-6.7/' -e 's/esx\[01:08\]/esx[01:40]/' \
    -e '1s/.*/# An 80-host vSphere 6.7 cluster: over the platform limit of 64 hosts./' \
    good.topo.yaml > bad.topo.yaml
git add good.topo.yaml bad.topo.yaml
git commit -q -m "topologies"

# --- the hook -----------------------------------------------------------------------------
# As a user would: the scratch repository's .pre-commit-config.yaml names this repository at
# its HEAD commit. pre-commit builds the hook once (a release build of the package) and
# caches it under $PRE_COMMIT_HOME, so the second run reuses the build. It tests what is
# committed: in CI's fresh clone that is the code under test.
rev="$(git -C "$root" rev-parse HEAD)"
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: topolint\n' "$root" "$rev" > .pre-commit-config.yaml
run_hook() {
    local status=0
    "$pre_commit" run topolint --verbose --files "$1" > "$tmp/$1.log" 2>&1 || status=$?
    echo "$status"
}

echo "running the hook on good.topo.yaml (the first run builds topolint; this takes a while)"
status="$(run_hook good.topo.yaml)"
if [ "$status" -eq 0 ] && grep -q "topolint" "$tmp/good.topo.yaml.log" && ! grep -q "Skipped" "$tmp/good.topo.yaml.log"; then
    pass "clean topology: hook passes"
else
    sed 's/^/    /' "$tmp/good.topo.yaml.log"
    fail "clean topology: expected the hook to run and pass, exit status $status"
fi

echo "running the hook on bad.topo.yaml"
status="$(run_hook bad.topo.yaml)"
if [ "$status" -ne 0 ] && grep -Eq "TL303|cluster-size-limit" "$tmp/bad.topo.yaml.log"; then
    pass "oversized cluster: hook fails and names TL303"
else
    sed 's/^/    /' "$tmp/bad.topo.yaml.log"
    fail "oversized cluster: expected a failing hook naming TL303, exit status $status"
fi

# --- the installed-binary hook (language: system) ---------------------------------------------
# `make install` into a temporary prefix: the release build with the Swift runtime linked in.
echo "building and installing topolint into a temporary prefix (make install)"
if make --no-print-directory -C "$root" install PREFIX="$tmp/prefix" > "$tmp/make.log" 2>&1; then
    pass "make install PREFIX=... installs $(ls "$tmp/prefix/bin")"
else
    tail -30 "$tmp/make.log" | sed 's/^/    /'
    fail "make install failed"
fi
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: topolint-system\n' "$root" "$rev" > .pre-commit-config.yaml
run_system_hook() {  # file, PATH
    local status=0
    PATH="$2" "$pre_commit" run topolint-system --verbose --files "$1" > "$tmp/system-$1.log" 2>&1 || status=$?
    echo "$status"
}
status="$(run_system_hook good.topo.yaml "$tmp/prefix/bin:$PATH")"
if [ "$status" -eq 0 ] && grep -q "topolint (installed)" "$tmp/system-good.topo.yaml.log" && ! grep -q "Skipped" "$tmp/system-good.topo.yaml.log"; then
    pass "installed hook, clean topology: passes"
else
    sed 's/^/    /' "$tmp/system-good.topo.yaml.log"
    fail "installed hook, clean topology: expected the hook to run and pass, exit status $status"
fi
status="$(run_system_hook bad.topo.yaml "$tmp/prefix/bin:$PATH")"
if [ "$status" -ne 0 ] && grep -Eq "TL303|cluster-size-limit" "$tmp/system-bad.topo.yaml.log"; then
    pass "installed hook, oversized cluster: fails and names TL303"
else
    sed 's/^/    /' "$tmp/system-bad.topo.yaml.log"
    fail "installed hook, oversized cluster: expected a failing hook naming TL303, exit status $status"
fi
# Without an installed topolint the hook fails (it never falls back to building).
if ! command -v topolint >/dev/null; then
    status="$(run_system_hook good.topo.yaml "$PATH")"
    if [ "$status" -ne 0 ] && grep -q "topolint" "$tmp/system-good.topo.yaml.log"; then
        pass "installed hook without topolint on PATH: fails, naming topolint"
    else
        sed 's/^/    /' "$tmp/system-good.topo.yaml.log"
        fail "installed hook without topolint on PATH: expected a failure, exit status $status"
    fi
fi

# Which paths the hooks' `files` patterns select (pre-commit matches them with re.search).
if "$tmp/venv/bin/python" - "$root/.pre-commit-hooks.yaml" <<'PY'
import re, sys, yaml
hooks = {h["id"]: h for h in yaml.safe_load(open(sys.argv[1]))}
assert hooks["topolint"]["files"] == hooks["topolint-system"]["files"], "the two hooks select different files"
assert hooks["topolint-system"]["language"] == "system" and hooks["topolint"]["language"] == "swift"
hook = hooks["topolint"]
pattern = re.compile(hook["files"])
checked = ["topology.yaml", "net/topology-prod.yml", "dc1.topo.yaml", "a/dc1.topology.yml", "topologies/fra1.yaml"]
ignored = [".topolint.yaml", "rules/default.yaml", "notes.yaml", "mytopology.yaml", ".pre-commit-config.yaml"]
wrong = [p for p in checked if not pattern.search(p)] + [p for p in ignored if pattern.search(p)]
print("files pattern:", hook["files"], "misclassified:", wrong)
sys.exit(1 if wrong else 0)
PY
then
    pass "files pattern (the same in both hooks) selects topology files only"
else
    fail "files pattern misclassifies paths"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all pre-commit checks passed"
