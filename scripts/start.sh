#!/usr/bin/env bash
# Installs the dependencies, builds Kinlist and starts it: kinlist-server with its
# embedded SQLite database. Usage: scripts/start.sh [kinlist-server options]
# The server listens on 127.0.0.1:8477 unless --listen says otherwise; data goes to
# ~/.local/share/kinlist-server unless --data says otherwise. Stop it with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2
exec ./build/bin/kinlist-server "$@"
