#!/usr/bin/env bash
# topolint benchmarks, one command from a clean clone:
#
#     Benchmarks/run.sh
#
# Builds release, generates large and hyperscale topologies (pattern and expanded form, and
# a findings-heavy expanded form) into Benchmarks/data/, measures lint time (JSON and text
# output), peak memory, scaling and a what-if step against their targets, compares with the libyaml floor (yaml-bare-parse) and with yamllint, prints the
# figures and writes them to Benchmarks/RESULTS.md. See Benchmarks/README.md.
#
# Environment:
#   BENCH_RUNS          measured runs per large command (default 5; one warmup run before)
#   BENCH_SMALL_RUNS    measured runs for the short example commands (default 20)
#   BENCH_SEED          generator seed (default 1)
#   BENCH_SCRATCH_PATH  build directory for `swift build --scratch-path` (default .build)
#   BENCH_SKIP_BUILD=1  use the binaries already built
#   BENCH_STRICT=1      exit with status 1 when a figure misses its target
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

runs="${BENCH_RUNS:-5}"
small_runs="${BENCH_SMALL_RUNS:-20}"
seed="${BENCH_SEED:-1}"
data="$here/data"
venv="$here/.venv"
results="$here/RESULTS.md"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------
# Tools

need_apt=()
command -v hyperfine >/dev/null 2>&1 || need_apt+=(hyperfine)
[ -x /usr/bin/time ] || need_apt+=(time)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing ${need_apt[*]} with apt-get"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
    else
        die "missing ${need_apt[*]}: install them (for example 'sudo apt-get install ${need_apt[*]}', or 'cargo install hyperfine') and run again"
    fi
fi

if [ ! -x "$venv/bin/yamllint" ]; then
    say "installing yamllint into $venv"
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
        if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
            python3 -m venv "$venv"
        else
            die "python3 cannot create a virtual environment: install python3-venv"
        fi
    fi
    "$venv/bin/pip" install --quiet --disable-pip-version-check yamllint
fi
yamllint="$venv/bin/yamllint"

# ---------------------------------------------------------------------------------------
# Build

build_flags=(-c release)
[ -n "${BENCH_SCRATCH_PATH:-}" ] && build_flags+=(--scratch-path "$BENCH_SCRATCH_PATH")
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    say "swift build ${build_flags[*]}"
    swift build "${build_flags[@]}"
fi
bin="$(swift build "${build_flags[@]}" --show-bin-path)"
topolint="$bin/topolint"
bare="$bin/yaml-bare-parse"
[ -x "$topolint" ] || die "no $topolint after the build"
[ -x "$bare" ] || die "no $bare after the build"
"$topolint" generate --help >/dev/null 2>&1 || die "this build of topolint has no 'generate' command"
"$topolint" lint --help >/dev/null 2>&1 || die "this build of topolint has no 'lint' command"

# ---------------------------------------------------------------------------------------
# Data

mkdir -p "$data"
for profile in large hyperscale; do
    say "generating $profile (seed $seed), pattern and expanded form, clean and findings-heavy"
    "$topolint" generate --profile "$profile" --seed "$seed" -o "$data/$profile.yaml"
    "$topolint" generate --profile "$profile" --seed "$seed" --expanded -o "$data/$profile-expanded.yaml"
    "$topolint" generate --profile "$profile" --seed "$seed" --expanded --findings-heavy -o "$data/$profile-heavy-expanded.yaml"
    "$topolint" generate --profile "$profile" --seed "$seed" --counts > "$data/$profile.counts.json"
done
hyper_x="$data/hyperscale-expanded.yaml"
hyper_h="$data/hyperscale-heavy-expanded.yaml"
hyper_p="$data/hyperscale.yaml"
large_x="$data/large-expanded.yaml"
large_h="$data/large-heavy-expanded.yaml"

example="$(find examples -maxdepth 2 -type f \( -name '*.yaml' -o -name '*.yml' \) -printf '%s %p\n' 2>/dev/null \
           | sort -n | tail -1 | cut -d' ' -f2-)"
[ -n "$example" ] || die "no example topology under examples/"

# ---------------------------------------------------------------------------------------
# Measurements

# The CPU time the hypervisor gave to other guests while the figures were taken ("steal" in
# /proc/stat): on a shared virtual machine the wall-time rows swing with it, while the
# instruction rows do not, so RESULTS.md says how much there was.
cpu_times() { head -1 /proc/stat 2>/dev/null || true; }
stat_start="$(cpu_times)"

# lint's exit status 1 means "findings": a success here. 2 (a load error) or worse is not.
lint_cmd() { printf '%q lint %q --format %q > /dev/null || [ $? -eq 1 ]' "$topolint" "$1" "${2:-json}"; }

# checks that the file lints; prints the number of findings
check_lint() {
    local status=0
    "$topolint" lint "$1" --format json > "$work/check.json" 2> "$work/check.err" || status=$?
    if [ "$status" -gt 1 ]; then
        cat "$work/check.err" >&2
        die "topolint lint $1 exited $status"
    fi
    python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/check.json"
}

# median seconds of one command, from hyperfine's JSON export
median() {
    local name="$1" warmup="$2" count="$3" command="$4"
    hyperfine --style basic --warmup "$warmup" --runs "$count" --export-json "$work/$name.json" \
        --command-name "$name" "$command" >&2
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/$name.json"
}

# peak resident set size in KiB, from GNU time
peak_rss() {
    local status=0
    /usr/bin/time -v "$topolint" lint "$1" --format "${2:-json}" > /dev/null 2> "$work/time.txt" || status=$?
    [ "$status" -le 1 ] || { cat "$work/time.txt" >&2; die "topolint lint $1 exited $status"; }
    awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt"
}

calc() { python3 -c "print($1)"; }
fmt() { python3 -c "import sys; print(format(float(sys.argv[1]), sys.argv[2]))" "$1" "$2"; }
verdict() { if python3 -c "import sys; sys.exit(0 if $1 else 1)"; then echo PASS; else echo FAIL; fi; }
entities() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["entities"])' "$1"; }

findings_x="$(check_lint "$hyper_x")"
findings_h="$(check_lint "$hyper_h")"
for file in "$hyper_p" "$large_x" "$large_h" "$example"; do check_lint "$file" > /dev/null; done
"$bare" "$hyper_x" > /dev/null || die "yaml-bare-parse failed on $hyper_x"

say "(a) lint vs bare libyaml parse, expanded hyperscale, clean and findings-heavy, JSON and text"
# In rounds: each round runs both bare parses and the four lints once, in turn, so that a
# machine that speeds up or slows down over minutes (a shared VM does, by half) moves the
# two sides of a ratio alike. A ratio is the median of the rounds' ratios.
say "$runs rounds (and 1 warmup) of: bare parse and lint (JSON, text), clean and findings-heavy"
python3 "$here/interleave.py" --rounds "$runs" --warmup 1 --out "$work/rounds.json" -- \
    "bare-clean=$(printf '%q %q > /dev/null' "$bare" "$hyper_x")" \
    "lint-clean-json=$(lint_cmd "$hyper_x" json)" "lint-clean-text=$(lint_cmd "$hyper_x" text)" \
    "bare-heavy=$(printf '%q %q > /dev/null' "$bare" "$hyper_h")" \
    "lint-heavy-json=$(lint_cmd "$hyper_h" json)" "lint-heavy-text=$(lint_cmd "$hyper_h" text)"
round_median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["median"])' "$work/rounds.json" "$1"; }
round_ratio() { python3 -c 'import json,sys; sys.path.insert(0, sys.argv[1]); import interleave; print(interleave.ratio(json.load(open(sys.argv[2])), sys.argv[3], sys.argv[4]))' "$here" "$work/rounds.json" "$1" "$2"; }
t_bare_x="$(round_median bare-clean)"
t_bare_h="$(round_median bare-heavy)"
declare -A t_lint r_lint rss
for design in clean heavy; do
    for format in json text; do
        t_lint[$design-$format]="$(round_median "lint-$design-$format")"
        r_lint[$design-$format]="$(round_ratio "lint-$design-$format" "bare-$design")"
    done
done
t_lint_x="${t_lint[clean-json]}"
# The same lint on one core (TOPOLINT_THREADS=1): what the work costs before the second core
# shares it.
t_serial="$(median lint-hyperscale-clean-json-serial 1 "$runs" "TOPOLINT_THREADS=1 $(lint_cmd "$hyper_x")")"

say "(b) peak memory of those lints"
size_x="$(stat -c %s "$hyper_x")"
size_h="$(stat -c %s "$hyper_h")"
for design in clean heavy; do
    file="$hyper_x"; [ "$design" = heavy ] && file="$hyper_h"
    for format in json text; do rss[$design-$format]="$(peak_rss "$file" "$format")"; done
done

say "(c) lint, pattern-form hyperscale"
t_lint_p="$(median lint-hyperscale-pattern 1 "$runs" "$(lint_cmd "$hyper_p")")"
size_p="$(stat -c %s "$hyper_p")"
rss_p_kib="$(peak_rss "$hyper_p")"

say "(d) scaling, large vs hyperscale (expanded)"
t_lint_l="$(median lint-large-expanded 1 "$runs" "$(lint_cmd "$large_x")")"
e_large="$(entities "$data/large.counts.json")"
e_hyper="$(entities "$data/hyperscale.counts.json")"
time_ratio="$(calc "$t_lint_x / $t_lint_l")"
entity_ratio="$(calc "$e_hyper / $e_large")"
ratio_d="$(calc "$time_ratio / $entity_ratio")"

# Wall time on a shared 2-core machine swings by ±20% run to run; instruction counts from
# callgrind are repeatable, so the same ratio is also given in instructions.
ir_lint="" ir_lint_h="" ir_bare="" ir_bare_h=""
if command -v valgrind > /dev/null 2>&1; then
    say "(a') instructions, lint vs bare parse, large expanded, clean and findings-heavy (callgrind)"
    instructions() { valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" > /dev/null 2> "$work/cg.log" || true
                     awk '/Collected :/ {print $NF}' "$work/cg.log"; }
    ir_lint="$(instructions "$topolint" lint "$large_x" --format json)"
    ir_bare="$(instructions "$bare" "$large_x")"
    ir_lint_h="$(instructions "$topolint" lint "$large_h" --format json)"
    ir_bare_h="$(instructions "$bare" "$large_h")"
fi

say "(e) lint vs yamllint on the largest example, $example"
t_lint_e="$(median lint-example 1 "$small_runs" "$(lint_cmd "$example")")"
t_yl_e="$(median yamllint-example 1 "$small_runs" "$(printf '%q %q > /dev/null || [ $? -eq 1 ]' "$yamllint" "$example")")"
ratio_e="$(calc "$t_lint_e / $t_yl_e")"

# One what-if step: the evaluation of a proposal (adding one migration domain, taking one
# away) after the file is loaded and linted as written, from TOPOLINT_TIMINGS' "what-if
# evaluation" stage; the median of the runs, against the full lint's median.
say "(f) what-if step vs full lint, expanded hyperscale"
whatif_ms=()
for _ in $(seq "$runs"); do
    status=0
    TOPOLINT_TIMINGS=1 "$topolint" what-if "$hyper_x" --migration-domain dc1-p01-cl01,dc2-p01-cl01 \
        --remove-migration-domain dr-far --format json > /dev/null 2> "$work/whatif.err" || status=$?
    [ "$status" -le 1 ] || { cat "$work/whatif.err" >&2; die "topolint what-if exited $status"; }
    whatif_ms+=("$(awk '/^timing what-if evaluation:/ {print $4}' "$work/whatif.err")")
done
t_step="$(python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]) / 1000)' "${whatif_ms[@]}")"
ratio_f="$(calc "$t_step / $t_lint_x")"

# ---------------------------------------------------------------------------------------
# Report

ms() { fmt "$(calc "$1 * 1000")" .1f; }
mib() { fmt "$(calc "$1 / 1048576")" .1f; }
cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
[ -n "$cpu" ] || cpu="$(uname -m)"
cores="$(nproc 2>/dev/null || echo '?')"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- 2>/dev/null; then commit="$commit (with uncommitted changes)"; fi
date_utc="$(date -u '+%Y-%m-%d %H:%M UTC')"
steal="$(printf '%s\n%s\n' "$stat_start" "$(cpu_times)" | awk '
    $1 == "cpu" { n++; total[n] = 0; for (i = 2; i <= NF; i++) total[n] += $i; stolen[n] = $9 }
    END { if (n == 2 && total[2] > total[1]) printf "%.0f%%", 100 * (stolen[2] - stolen[1]) / (total[2] - total[1]); else printf "unknown" }')"
swift_version="$(swift --version 2>/dev/null | head -1)"
hyperfine_version="$(hyperfine --version | head -1)"

ratio_row() { # label, lint seconds, parse seconds, median of the rounds' ratios
    local v; v="$(verdict "$4 <= 1.5")"
    echo "| a | \`topolint lint\` vs \`yaml-bare-parse\`, $1 (medians; ratio: median of $runs rounds') | $(ms "$2") ms vs $(ms "$3") ms; **$(fmt "$4" .2f)×** | ≤ 1.5× | $v |"
}
rss_row() { # label, KiB, file bytes
    local r v; r="$(calc "$2 * 1024 / $3")"; v="$(verdict "$r <= 3.0")"
    echo "| b | peak RSS of that lint vs file size, $1 | $(mib "$(($2 * 1024))") MiB vs $(mib "$3") MiB = **$(fmt "$r" .2f)×** | ≤ 3× | $v |"
}
ir_row() { # label, lint instructions, parse instructions
    local r v; r="$(calc "$2 / $3")"; v="$(verdict "$r <= 1.5")"
    echo "| a′ | the same in instructions (callgrind), $1 | $(python3 -c "print(f'{$2/1e9:.2f} G vs {$3/1e9:.2f} G')") = **$(fmt "$r" .2f)×** | ≤ 1.5× | $v |"
}
serial_row="| a | the same on one core (\`TOPOLINT_THREADS=1\`), clean hyperscale, JSON (median) | $(ms "$t_serial") ms vs $(ms "$t_bare_x") ms = **$(fmt "$(calc "$t_serial / $t_bare_x")" .2f)×** | (information) | — |"
rows_a="$(ratio_row "clean hyperscale, JSON" "${t_lint[clean-json]}" "$t_bare_x" "${r_lint[clean-json]}")
$(ratio_row "clean hyperscale, text" "${t_lint[clean-text]}" "$t_bare_x" "${r_lint[clean-text]}")
$(ratio_row "findings-heavy hyperscale, JSON" "${t_lint[heavy-json]}" "$t_bare_h" "${r_lint[heavy-json]}")
$(ratio_row "findings-heavy hyperscale, text" "${t_lint[heavy-text]}" "$t_bare_h" "${r_lint[heavy-text]}")
$serial_row"
if [ -n "$ir_lint" ] && [ -n "$ir_bare" ] && [ -n "$ir_lint_h" ] && [ -n "$ir_bare_h" ]; then
    rows_ir="$(ir_row "clean large, JSON" "$ir_lint" "$ir_bare")
$(ir_row "findings-heavy large, JSON" "$ir_lint_h" "$ir_bare_h")"
else
    rows_ir="| a′ | instructions (callgrind) | skipped: valgrind not installed | ≤ 1.5× | — |"
fi
rows_b="$(rss_row "clean, JSON" "${rss[clean-json]}" "$size_x")
$(rss_row "clean, text" "${rss[clean-text]}" "$size_x")
$(rss_row "findings-heavy, JSON" "${rss[heavy-json]}" "$size_h")
$(rss_row "findings-heavy, text" "${rss[heavy-text]}" "$size_h")"
# Every verdict, read back from the rows' last column (the rows are built in subshells).
verdicts=()
while read -r v; do verdicts+=("$v"); done < <(printf '%s\n%s\n%s\n' "$rows_a" "$rows_ir" "$rows_b" | awk -F'|' '{gsub(/ /, "", $6); print $6}')
v_d="$(verdict "$ratio_d <= 1.1")"
v_e="$(verdict "$ratio_e <= 1.0")"
v_f="$(verdict "$ratio_f <= 0.05")"
verdicts+=("$v_d" "$v_e" "$v_f")

table="| # | Figure | Measured | Target | Result |
| --- | --- | --- | --- | --- |
$rows_a
$rows_ir
$rows_b
| c | \`topolint lint\`, pattern-form hyperscale (median; peak RSS) | **$(ms "$t_lint_p") ms**; $(mib "$((rss_p_kib * 1024))") MiB for a $(mib "$size_p") MiB file | (information) | — |
| d | scaling: lint time large → hyperscale (expanded) vs entity ratio | $(ms "$t_lint_l") ms → $(ms "$t_lint_x") ms = $(fmt "$time_ratio" .2f)× for $(fmt "$entity_ratio" .2f)× entities ($e_large → $e_hyper) = **$(fmt "$ratio_d" .2f)×** | ≤ 1.1× | $v_d |
| e | \`topolint lint\` vs \`yamllint\`, $(basename "$example") (start-up included, median) | $(ms "$t_lint_e") ms vs $(ms "$t_yl_e") ms = **$(fmt "$ratio_e" .2f)×** | ≤ 1× | $v_e |
| f | one \`what-if\` step (evaluation after loading) vs a full lint, clean hyperscale (medians) | $(ms "$t_step") ms vs $(ms "$t_lint_x") ms = **$(fmt "$(calc "$ratio_f * 100")" .1f)%** | ≤ 5% | $v_f |"

{
    echo "# Benchmark results"
    echo
    echo "Written by \`Benchmarks/run.sh\`; see \`Benchmarks/README.md\` for what each figure means."
    echo
    echo "- Date: $date_utc"
    echo "- Commit: $commit"
    echo "- Machine: $cpu ($cores logical cores), $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) at the end of the run, CPU time stolen by the hypervisor during the measurements $steal"
    echo "- Toolchain: $swift_version; $hyperfine_version; yamllint $("$yamllint" --version | awk '{print $2}')"
    echo "- Data: \`topolint generate --seed $seed\`, profiles large and hyperscale, clean and \`--findings-heavy\`; $runs measured runs after 1 warmup ($small_runs for the example)"
    echo
    echo "$table"
    echo
    echo "Files: hyperscale expanded $(mib "$size_x") MiB ($findings_x findings), findings-heavy $(mib "$size_h") MiB ($findings_h findings), hyperscale pattern $(mib "$size_p") MiB, large expanded $(mib "$(stat -c %s "$large_x")") MiB."
} > "$results"

echo
echo "$table"
echo
echo "Machine: $cpu ($cores cores) | commit $commit | $date_utc"
echo "Written to ${results#"$root"/}"
if [ "${BENCH_STRICT:-0}" = 1 ] && printf '%s\n' "${verdicts[@]}" | grep -q FAIL; then
    echo "some figures miss their targets" >&2
    exit 1
fi
