#!/usr/bin/env bash
# Installs the dependencies, builds Kinlist and starts it: kinlist-server with its
# embedded SQLite database, and the Kinlist app connected to it.
# Usage: scripts/start.sh [kinlist-server options]
# The server listens on 127.0.0.1:8477 unless --listen says otherwise; its data goes to
# ~/.local/share/kinlist-server unless --data says otherwise. Closing the app stops the
# server. Without a display the server runs alone until Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2

listen=127.0.0.1:8477
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = "--listen" ] && listen="${args[$((i + 1))]:-$listen}"
done

./build/bin/kinlist-server "$@" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do
  curl -fsS "http://$listen/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "kinlist-server did not start" >&2; exit 1; }
  sleep 0.1
done

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Starting Kinlist; create an account on $listen. Start a second one for another"
  echo "device with: ./build/bin/kinlist --data /tmp/kinlist-second --server $listen"
  ./build/bin/kinlist --server "$listen"
else
  echo "No display here: kinlist-server runs on $listen. On a desktop, start the app with"
  echo "  ./build/bin/kinlist --server $listen"
  wait "$server"
fi
