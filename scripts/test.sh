#!/usr/bin/env bash
# Installs the dependencies, builds Kinlist and runs every test: Qt Test and Qt Quick Test
# through CTest (headless, in parallel; each test uses its own loopback port and temporary
# directory), then the Debian packages, built, installed, run and purged
# (scripts/test-packages.sh; it needs root or sudo), then the server and client suites
# again under ASan and UBSan, and a bounded run of every fuzz target
# (scripts/test-sanitizers.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2
(cd build && QT_QPA_PLATFORM=offscreen ctest -j2 --output-on-failure --timeout 300)
bash scripts/test-packages.sh build
bash scripts/test-sanitizers.sh
