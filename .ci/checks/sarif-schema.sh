#!/usr/bin/env bash
# SARIF output of every example validates against the official SARIF 2.1.0 schema, kept in
# Tests/Schemas (see its README for the source). Skips only when the validator cannot be
# installed.
set -euo pipefail
schema=Tests/Schemas/sarif-schema-2.1.0.json
[ -f "$schema" ] || { echo "$schema is missing: restore it from the repository"; exit 1; }
source .ci/checks/venv.bash
checks_venv || exit $?
bin=.build/debug/topolint
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in examples/*.yaml; do
  out="$tmp/$(basename "$f" .yaml).sarif"
  rc=0; "$bin" lint "$f" --format sarif -o "$out" || rc=$?
  [ $rc -le 2 ] || { echo "lint crashed on $f (exit $rc)"; exit 1; }
done
rc=0; "$bin" lint examples/*.yaml --format sarif -o "$tmp/all.sarif" || rc=$?
"$PY" .ci/validate-sarif.py "$schema" "$tmp"/*.sarif
