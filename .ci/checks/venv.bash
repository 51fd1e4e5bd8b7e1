# Sourced by the checks: a throw-away Python environment under .build/ with the validators.
# Sets $PY. Returns 77 (skipped) when Python or PyPI cannot be reached.
checks_venv() {
  local dir=.build/check-venv
  if [ ! -x "$dir/bin/python" ] || ! "$dir/bin/python" -c 'import jsonschema, yaml' 2>/dev/null; then
    python3 -m venv "$dir" >/dev/null 2>&1 || { echo "python3 venv unavailable"; return 77; }
    "$dir/bin/pip" install -q jsonschema pyyaml >/dev/null 2>&1 || { echo "cannot install jsonschema/pyyaml from PyPI"; return 77; }
  fi
  PY=$dir/bin/python
  echo "using jsonschema $("$PY" -c 'import importlib.metadata as m; print(m.version("jsonschema"))')"
}
