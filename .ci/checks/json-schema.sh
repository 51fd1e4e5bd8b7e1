#!/usr/bin/env bash
# Every shipped example (but the one built to be wrong) validates against `topolint schema`.
set -euo pipefail
source .ci/checks/venv.bash
checks_venv || exit $?
bin=.build/debug/topolint
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" schema -o "$tmp/topology.schema.json"
"$PY" - "$tmp/topology.schema.json" examples/*.yaml <<'PYEOF'
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    doc = yaml.safe_load(open(path))
    errors = list(validator.iter_errors(doc))
    expect_errors = "mistakes" in path
    if expect_errors:
        status = "ok (invalid as intended)" if errors else "FAIL: expected schema errors"
        bad += 0 if errors else 1
    else:
        status = "ok" if not errors else "FAIL: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        bad += 1 if errors else 0
    print(f"{path}: {status}")
sys.exit(1 if bad else 0)
PYEOF
