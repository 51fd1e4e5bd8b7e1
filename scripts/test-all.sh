#!/usr/bin/env bash
# The whole test suite: unit and golden tests (swift test), then the checks that need
# outside tools. Each extra check says "skipped" with the reason when it cannot run.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0 failed=0 skipped=0
check() {
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); echo "-- $name: ok"
  else local rc=$?
    if [ $rc -eq 77 ]; then skipped=$((skipped + 1)); echo "-- $name: skipped"
    else failed=$((failed + 1)); echo "-- $name: FAILED (exit $rc)"; fi
  fi
}

check "swift build" swift build --build-tests
for script in scripts/checks/*.sh; do
  [ -e "$script" ] || continue
  check "$(basename "$script" .sh)" bash "$script"
done
check "swift test" swift test --skip-build

echo "checks: $passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
