#!/bin/sh
# Runs a test in its own D-Bus session with a fresh, unlocked gnome-keyring: a real
# Secret Service for QtKeychain, isolated from the user's own keyring and from other tests.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" HOME="$tmp/home"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$HOME"
chmod 700 "$XDG_RUNTIME_DIR"
status=0
dbus-run-session -- sh -c \
  'printf kinlist-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
  sh "$@" || status=$?
exit "$status"
