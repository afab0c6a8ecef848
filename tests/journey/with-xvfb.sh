#!/usr/bin/env bash
# Runs a command under an Xvfb of its own. The server picks a free display itself
# (-displayfd), so tests started in parallel, or by two CTest runs at once, never race
# for one (as xvfb-run -a can).
set -uo pipefail
dir=$(mktemp -d)
mkfifo "$dir/display"
Xvfb -displayfd 3 -screen 0 1600x1200x24 -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -rf "$dir"' EXIT
# (A timeout's SIGTERM ends the test and this script, never leaving the server behind.)
trap 'kill "${test:-}" 2>/dev/null; exit 143' TERM INT
if ! read -r -t 20 number <"$dir/display"; then
    echo "with-xvfb: Xvfb did not start:" >&2
    cat "$dir/xvfb.log" >&2
    exit 1
fi
DISPLAY=":$number" "$@" &
test=$!
wait "$test"
