#!/usr/bin/env bash
# The self-contained binary: `make install` builds it (release, Swift runtime and libyaml
# linked in) and installs it into a staging folder; this checks that
# - `ldd` lists no Swift runtime, Foundation or libyaml library;
# - it runs with an empty environment (env -i: no PATH, no LD_LIBRARY_PATH) from a folder
#   outside the toolchain, and its JSON report equals the debug build's.
# The release build is incremental: after pre-commit.sh has made it, this only relinks
# or does nothing.
set -euo pipefail
command -v make >/dev/null || { echo "skipped: make not installed"; exit 77; }
command -v ldd >/dev/null || { echo "skipped: ldd not available"; exit 77; }
root=$(pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

make --no-print-directory install DESTDIR="$tmp/stage" PREFIX=/usr > "$tmp/build.log" 2>&1 || { tail -30 "$tmp/build.log"; echo "FAIL make install"; exit 1; }
bin="$tmp/stage/usr/bin/topolint"
[ -x "$bin" ] || { echo "FAIL make install did not install $bin"; exit 1; }
echo "installed $(du -h "$bin" | cut -f1) at DESTDIR/usr/bin/topolint"

ldd "$bin" > "$tmp/ldd.txt" 2>&1 || true
sed 's/^/    /' "$tmp/ldd.txt"
if grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libyaml' "$tmp/ldd.txt"; then
  fail "the binary still needs a Swift runtime or libyaml library"
fi
if grep -q 'not found' "$tmp/ldd.txt"; then fail "a library the binary needs is missing"; fi

# From a folder of its own, with nothing in the environment.
mkdir -p "$tmp/elsewhere"; cp "$bin" "$tmp/elsewhere/topolint"
cp examples/two-sites-vsphere.yaml "$tmp/elsewhere/design.yaml"
status=0
(cd "$tmp/elsewhere" && env -i ./topolint lint design.yaml --format json > out.json) || status=$?
[ "$status" -eq 1 ] || fail "expected exit status 1 (the example has findings), got $status"
cp examples/two-sites-vsphere.yaml "$tmp/design.yaml"
(cd "$tmp" && "$root/.build/debug/topolint" lint design.yaml --format json > debug.json) || true
if cmp -s "$tmp/elsewhere/out.json" "$tmp/debug.json"; then
  echo "env -i: $(grep -c '"fingerprint"' "$tmp/elsewhere/out.json") fingerprints, the same report as the debug build"
else
  diff "$tmp/debug.json" "$tmp/elsewhere/out.json" | head -20; fail "the installed binary's report differs from the debug build's"
fi
(cd "$tmp/elsewhere" && env -i ./topolint explain TL200 | grep -q "stretched-vlan") || fail "explain (embedded rule text) failed under env -i"
(cd "$tmp/elsewhere" && env -i ./topolint schema | grep -q '"vsphere-6.7"') || fail "schema (embedded packs) failed under env -i"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "static binary: no Swift runtime or libyaml needed; runs under env -i"
