#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (-fsanitize=fuzzer,address,undefined)
# and runs each one, in turn, for SECONDS (default 60) on the seed corpus:
#   bash tests/fuzz/run.sh 300            # 300 s per harness
#   BUILD=/tmp/f bash tests/fuzz/run.sh   # build somewhere else (default: build-fuzz)
#   HARNESSES="fuzz_rules" bash tests/fuzz/run.sh 600
# The repository's seeds (corpus/, the bundled rules, the test files) are read,
# never written: new inputs go to $BUILD/corpus/<harness>. A crash, a leak, a
# hang (-timeout) or a failed invariant stops the script with exit code 1 and
# leaves the input in $BUILD/artifacts/; add it to corpus/<dir>/ as regression-*.
# Prints, per harness, the executions, coverage (edges) and features reached.
set -euo pipefail
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build-fuzz}
jobs=${JOBS:-$(nproc)}

cmake -S "$here" -B "$build" -DCMAKE_CXX_COMPILER="${CXX:-clang++}" > /dev/null
cmake --build "$build" -j "$jobs" > "$build/build.log" 2>&1 || { cat "$build/build.log"; exit 1; }

seeds_fuzz_rules=("$here/corpus/rules" "$root/rules" "$root/tests/dsl/broken" "$root/tests/dsl/check_broken"
                  "$root/tests/cli/data" "$root/tests/cli_ask/data")
seeds_fuzz_batch_line=("$here/corpus/batch_line")
seeds_fuzz_ask_json=("$here/corpus/ask_json")
seeds_fuzz_ask_session=("$here/corpus/ask_session")

mkdir -p "$build/artifacts" "$build/logs"
status=0
summary=()
for harness in ${HARNESSES:-fuzz_rules fuzz_batch_line fuzz_ask_json fuzz_ask_session}; do
    seeds="seeds_${harness}[@]"
    dict=$here/json.dict
    [ "$harness" = fuzz_rules ] && dict=$here/rules.dict
    work=$build/corpus/$harness
    mkdir -p "$work"
    log=$build/logs/$harness.log
    echo "fuzzing $harness for ${seconds}s (log: $log)"
    # One process, one worker: the machines this runs on are small and shared.
    if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
         UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
         "$build/$harness" "$work" "${!seeds}" -dict="$dict" -max_total_time="$seconds" \
             -timeout=25 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
             -artifact_prefix="$build/artifacts/$harness-" > "$log" 2>&1; then
        status=1
        echo "FAILED: $harness; the input is in $build/artifacts/, the report in $log:"
        grep -a -E -A40 "ERROR|runtime error|fuzz:|deadly signal|timeout" "$log" | head -60
    fi
    runs=$(grep -a -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -a -oE '[0-9]+$' || echo "?")
    last=$(grep -a -E '#[0-9]+.*cov: ' "$log" | tail -1)
    cov=$(grep -a -oE 'cov: [0-9]+' <<< "$last" | grep -a -oE '[0-9]+' || echo "?")
    ft=$(grep -a -oE 'ft: [0-9]+' <<< "$last" | grep -a -oE '[0-9]+' || echo "?")
    corpus=$(grep -a -oE 'corp: [0-9]+' <<< "$last" | grep -a -oE '[0-9]+' || echo "?")
    summary+=("$(printf '%-18s %12s runs  %6s edges  %7s features  %6s corpus' "$harness" "$runs" "$cov" "$ft" "$corpus")")
done
printf '%s\n' "${summary[@]}"
exit $status
