#!/usr/bin/env bash
# Regression guard for lint speed, in instructions (valgrind's callgrind), which repeat
# exactly from run to run where wall time on a shared machine swings by ±20%.
#
# On the medium generated design (expanded form, findings-heavy, so the report writers count
# too) it measures `topolint lint --format json` and `yaml-bare-parse` (libyaml's event parser
# alone), and fails when the ratio lint/parse grows by more than 20% over the figure
# committed in .ci/checks/lint-instructions.figure.
#
# The check suite builds debug binaries only, so this measures the DEBUG build
# (.build/debug), and the committed figure is a debug-build figure: it is not comparable
# with the release-build ratio that Benchmarks/run.sh reports. After a change that is
# meant to move the ratio, record the new figure with
#     LINT_INSTRUCTIONS_RECORD=1 .ci/checks/lint-instructions.sh
# Skips (exit 77) without valgrind. It takes about 1.5 minutes of CPU (callgrind runs the
# debug lint about 50 times slower than natively).
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed (apt-get install valgrind)"; exit 77; }
figure_file=.ci/checks/lint-instructions.figure
bin=.build/debug
[ -x "$bin/topolint" ] || swift build --product topolint >/dev/null
[ -x "$bin/yaml-bare-parse" ] || swift build --product yaml-bare-parse >/dev/null

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
design="$tmp/medium-heavy.yaml"
"$bin/topolint" generate --profile medium --seed 1 --expanded --findings-heavy -o "$design"

# Instructions of one command ("Collected : N" in callgrind's log). lint's exit status 1
# (findings) is expected; anything else is a failure of the check.
instructions() {
    local status=0
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$@" > "$tmp/out" 2> "$tmp/cg.log" || status=$?
    if [ "$status" -gt 1 ]; then cat "$tmp/cg.log" >&2; echo "'$*' exited $status under valgrind" >&2; exit 1; fi
    awk '/Collected :/ {print $NF}' "$tmp/cg.log"
}
lint=$(instructions "$bin/topolint" lint "$design" --format json)
findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$tmp/out")
parse=$(instructions "$bin/yaml-bare-parse" "$design")
[ -n "$lint" ] && [ -n "$parse" ] || { echo "no instruction counts from callgrind"; exit 1; }
ratio=$(python3 -c "print(f'{$lint / $parse:.3f}')")
echo "debug build, medium expanded findings-heavy design ($(stat -c %s "$design") bytes, $findings findings):"
echo "  lint $lint instructions, bare parse $parse instructions: ratio $ratio"

if [ "${LINT_INSTRUCTIONS_RECORD:-0}" = 1 ]; then
    printf 'debug %s\n' "$ratio" > "$figure_file"
    echo "recorded $ratio in $figure_file"
    exit 0
fi
[ -f "$figure_file" ] || { echo "no committed figure in $figure_file (record one with LINT_INSTRUCTIONS_RECORD=1)"; exit 1; }
committed=$(awk '$1 == "debug" {print $2}' "$figure_file")
[ -n "$committed" ] || { echo "$figure_file has no debug figure"; exit 1; }
limit=$(python3 -c "print(f'{$committed * 1.2:.3f}')")
echo "  committed $committed; limit (+20%) $limit"
if python3 -c "import sys; sys.exit(0 if $ratio <= $committed * 1.2 else 1)"; then
    echo "ok"
else
    echo "FAIL: the lint/parse instruction ratio grew by more than 20% (from $committed to $ratio)"
    exit 1
fi
