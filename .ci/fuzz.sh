#!/usr/bin/env bash
# Fuzzes the YAML reader and the topology loader with libFuzzer for a time budget:
#   .ci/fuzz.sh [SECONDS]        (default 300; hours by hand, a minute or so in CI)
# Builds Sources/topolint-fuzz with -sanitize=fuzzer,address into .build-fuzz, seeds the
# corpus with examples/ and designs from `topolint generate`, and runs. An input that
# crashes, hangs or runs out of memory is copied to Tests/TopolintTests/Fuzz/Inputs/, where the test
# suite replays every file: fix the fault, keep the input, commit both.
# Exit status: 0 nothing found, 1 a new finding (kept), 77 fuzzing cannot run here.
set -uo pipefail
cd "$(dirname "$0")/.."

budget=${1:-300}
scratch=.build-fuzz
inputs=Tests/TopolintTests/Fuzz/Inputs

if [ "$(uname -s)" != Linux ]; then echo "fuzzing needs Linux (libFuzzer in the Swift toolchain)"; exit 77; fi
if ! swift build --scratch-path "$scratch" --product topolint-fuzz \
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING; then
  # A toolchain without libFuzzer cannot link the target: say so, do not pass silently.
  if ! ls "$(dirname "$(readlink -f "$(command -v swiftc)")")"/../lib/swift/clang/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1; then
    echo "this Swift toolchain has no libFuzzer runtime"; exit 77
  fi
  echo "the fuzz target does not build"; exit 1
fi
fuzzer="$scratch/debug/topolint-fuzz"

# Seeds: the examples, every earlier finding, and generated designs (small profile, both
# forms, a few seeds) from the ordinary build of topolint.
corpus="$scratch/corpus"
mkdir -p "$corpus" "$scratch/artifacts"
cp examples/*.yaml "$corpus"/
[ -d "$inputs" ] && cp "$inputs"/* "$corpus"/ 2>/dev/null
swift build --product topolint >/dev/null || { echo "cannot build topolint for the seeds"; exit 1; }
for seed in 1 2 3; do
  .build/debug/topolint generate --profile small --seed "$seed" -o "$corpus/generated-$seed.yaml"
  .build/debug/topolint generate --profile small --seed "$seed" --expanded -o "$corpus/generated-$seed-expanded.yaml"
done

rm -f "$scratch"/artifacts/*
# Leak checking is off: Swift allocates a global (a `static let` table such as the format's
# key table) on first use, and LeakSanitizer reports that one-time allocation as a leak of
# whichever input first reaches it, so the check flags inputs at random. Memory errors,
# crashes, hangs and runaway memory are still caught.
# A hang is an input over 60 s. The fuzz build (debug, AddressSanitizer, coverage) runs
# about 30 times slower than a release build, and a tiny file may ask for up to the name
# budget's floor (a million names: under a second in release, 17 s here); 60 s leaves
# room for that and still catches work that grows faster than the file's budgets.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$fuzzer" "$corpus" -detect_leaks=0 -dict=.ci/fuzz.dict -max_total_time="$budget" -timeout=60 -rss_limit_mb=4096 \
  -max_len=262144 -print_final_stats=1 -artifact_prefix="$scratch/artifacts/"
status=$?
mkdir -p "$inputs"
found=0
# Crashes, leaks, hangs past -timeout and memory past -rss_limit_mb are findings; a "slow
# unit" (over 10 s under the sanitizers, often just a busy machine) is only reported.
for artifact in "$scratch"/artifacts/{crash,leak,timeout,oom}-*; do
  [ -f "$artifact" ] || continue
  name=$(basename "$artifact")
  if [ ! -e "$inputs/$name.yaml" ]; then
    cp "$artifact" "$inputs/$name.yaml"; found=$((found + 1))
    echo "kept $inputs/$name.yaml"
  fi
done
slow=$(ls "$scratch"/artifacts/slow-unit-* 2>/dev/null | wc -l)
echo "fuzzing: $budget s, libFuzzer exit $status, $found new input(s) kept, $slow slow unit(s) reported"
[ $found -eq 0 ] && [ $status -eq 0 ]
