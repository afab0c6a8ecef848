#!/usr/bin/env bash
# The sanitizer and fuzzing half of the tests: an AddressSanitizer + UndefinedBehaviorSanitizer
# build (clang, in build-asan/) of the libraries, kinlist-server and the server and client
# test suites, run through CTest; then every libFuzzer target in tests/fuzz for
# FUZZ_SECONDS each (default 60; 0 skips it), from its checked-in seed corpus. Any finding fails:
# a sanitizer report, a leak (suppressions only for named system-library leaks, in
# tests/sanitizers/lsan.supp), a crash or a broken invariant of a fuzz target, whose
# input is kept in build-asan/fuzz-findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
FUZZ_SECONDS=${FUZZ_SECONDS:-60}

CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS=-O1 -DKINLIST_SANITIZE=ON >/dev/null
tests=(tst_core tst_protocol tst_convergence tst_server_auth tst_server_sync tst_server_isolation
    tst_server_badinput tst_server_hardening tst_server_bounds tst_server_process
    tst_server_transport tst_server_households tst_localstore tst_syncclient tst_syncclient_random
    tst_credentials tst_syncclient_process tst_websocket)
fuzzers=(fuzz_protocol fuzz_op fuzz_fracindex fuzz_server fuzz_websocket)
cmake --build build-asan -j2 --target kinlist-server "${tests[@]}" "${fuzzers[@]}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp
regex="^($(IFS='|'; echo "${tests[*]}")|tst_credentials_keychain|fuzz_.*_seeds)\$"
(cd build-asan && QT_QPA_PLATFORM=offscreen ctest -j2 --output-on-failure --timeout 600 -R "$regex")

if [ "$FUZZ_SECONDS" -le 0 ]; then
    echo "fuzz: skipped (FUZZ_SECONDS=$FUZZ_SECONDS)"
    exit 0
fi

# Two fuzzers at a time (two cores), each on a copy of its seeds so the checkout stays as
# it is. The server's target keeps state between inputs (its database), which libFuzzer's
# per-input leak check would take for a leak each time: LeakSanitizer checks it at exit.
findings=build-asan/fuzz-findings
rm -rf "$findings" build-asan/fuzz-corpus
mkdir -p "$findings"
run_fuzzer() {
    local name=$1 extra=()
    [ "$name" = fuzz_server ] && extra=(-detect_leaks=0)
    mkdir -p "build-asan/fuzz-corpus/$name"
    QT_QPA_PLATFORM=offscreen "build-asan/fuzz/$name" -max_total_time="$FUZZ_SECONDS" -timeout=10 \
        -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$findings/$name-" "${extra[@]}" \
        "build-asan/fuzz-corpus/$name" "tests/fuzz/corpus/$name" >"build-asan/$name.log" 2>&1
}
status=0
for ((i = 0; i < ${#fuzzers[@]}; i += 2)); do
    pids=()
    for name in "${fuzzers[@]:i:2}"; do
        run_fuzzer "$name" & pids+=($!)
    done
    for j in "${!pids[@]}"; do
        name=${fuzzers[$((i + j))]}
        if wait "${pids[$j]}"; then
            echo "fuzz: $name clean: $(grep -E '^stat::number_of_executed_units' "build-asan/$name.log" | awk '{print $2}') runs in ${FUZZ_SECONDS} s, $(grep -oE 'cov: [0-9]+' "build-asan/$name.log" | tail -1)"
        else
            echo "fuzz: $name FOUND SOMETHING (input in $findings):"
            grep -E 'ERROR|SUMMARY|runtime error|fuzz_server:|#[0-9]+ .* in (kinlist|LLVMFuzzer)' "build-asan/$name.log" | head -30
            status=1
        fi
    done
done
exit $status
