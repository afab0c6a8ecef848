#!/bin/sh
# Runs a test (inside with-xvfb.sh) on a desktop of its own: a private D-Bus session with
# a fresh, unlocked gnome-keyring (the Secret Service), Debian's dunst as the freedesktop
# notification server (notifications stay on screen until closed, so the test reads them
# back) and trayer as the X11 system tray. Nothing of the user's own session is touched.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
    XDG_RUNTIME_DIR="$tmp/run" HOME="$tmp/home" KINLIST_DESKTOP_DIR="$tmp"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR" "$HOME"
chmod 700 "$XDG_RUNTIME_DIR"
cat >"$tmp/dunstrc" <<'CONF'
[global]
    history_length = 100
    notification_limit = 20
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
CONF
status=0
dbus-run-session -- sh -c '
  printf kinlist-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  dunst -config "$KINLIST_DESKTOP_DIR/dunstrc" >"$KINLIST_DESKTOP_DIR/dunst.log" 2>&1 &
  dunst=$!
  trayer --edge bottom --align right --widthtype pixel --width 200 --height 32 \
      >"$KINLIST_DESKTOP_DIR/trayer.log" 2>&1 &
  trayer=$!
  export KINLIST_TRAYER_PID="$trayer" # (a test may take the tray away and bring it back)
  status=0
  "$@" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "with-desktop: dunst said:" >&2; cat "$KINLIST_DESKTOP_DIR/dunst.log" >&2
  fi
  kill "$dunst" "$trayer" 2>/dev/null
  exit "$status"' sh "$@" || status=$?
exit "$status"
