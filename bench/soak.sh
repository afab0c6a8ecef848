#!/usr/bin/env bash
# SIGKILL soak of kinlist-server (issue 11): builds, then kills the real server 100 times
# (or $1) while four devices keep editing through the sync client library, and checks that
# every change is in the log exactly once, seqs are gap-free and every replica converges.
# Prints "name value" lines; exits non-zero on any loss, duplicate, gap or divergence.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target kinlist-soak kinlist-server
QT_QPA_PLATFORM=offscreen build/bin/kinlist-soak --server build/bin/kinlist-server \
    --cycles "${1:-100}" --devices "${DEVICES:-4}" --rate "${RATE:-50}" --seed "${SEED:-1}"
