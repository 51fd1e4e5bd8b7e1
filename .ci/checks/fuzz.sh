#!/usr/bin/env bash
# A short fuzzing run of the YAML reader and the loader (TOPOLINT_FUZZ_SECONDS, default
# 60 s, plus about a minute to build): a smoke test that the target builds and finds
# nothing quickly. Long runs are by hand: .ci/fuzz.sh 3600. Skips (77) without libFuzzer.
exec bash "$(dirname "$0")/../fuzz.sh" "${TOPOLINT_FUZZ_SECONDS:-60}"
