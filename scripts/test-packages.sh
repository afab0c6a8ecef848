#!/usr/bin/env bash
# Builds Kinlist's two Debian packages, installs them with apt on this machine, runs what
# they installed, then removes and purges them, checking what is left on disk after each
# step: after "remove" only the server's data and configuration, after "purge" nothing.
#
#   scripts/test-packages.sh [BUILD_DIR]      (default: build; needs root or sudo)
#
# It installs and purges packages system-wide, so it refuses to run where Kinlist's
# packages, its "kinlist" user or its directories are already there (purging would delete
# that server's data).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
work=$(mktemp -d)
server_pid=""
server_pattern="kinlist-server --config /etc/kinlist/kinlist-server.conf --listen 127.0.0.1:0"
installed=""
cleanup() {
  if [ -n "$server_pid" ]; then
    $SUDO pkill -TERM -u kinlist -f "$server_pattern" 2>/dev/null || true
  fi
  # A failed run does not leave its packages behind.
  if [ -n "$installed" ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q kinlist kinlist-server >/dev/null 2>&1 || $SUDO dpkg --purge kinlist kinlist-server >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "test-packages: FAIL: $*" >&2; exit 1; }
step() { echo "test-packages: $*"; }

for p in kinlist kinlist-server; do
  state=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  if [ -n "$state" ] && [ "$state" != "not-installed" ]; then
    fail "$p is on this machine ($state); this test would purge it and its data. Purge it first, or run on a throw-away machine."
  fi
done
if getent passwd kinlist >/dev/null || [ -e /var/lib/kinlist ] || [ -e /etc/kinlist ]; then
  fail "a kinlist user, /var/lib/kinlist or /etc/kinlist exists; this test would delete it. Run on a throw-away machine."
fi

step "building the packages"
cmake --build "$build" >/dev/null
rm -rf "$build/packages"
(cd "$build" && cpack -G DEB >/dev/null)
app_deb=$(ls "$build"/packages/kinlist_*.deb)
server_deb=$(ls "$build"/packages/kinlist-server_*.deb)
version=$(dpkg-deb -f "$app_deb" Version)

step "checking that kinlist depends on what Qt loads at run time"
# dpkg-shlibdeps sees only linked libraries: every QML module the screens import, the
# SQLite driver and the on-screen keyboard's input method must be named by hand.
depends=" $(dpkg-deb -f "$app_deb" Depends | sed 's/([^)]*)//g; s/[,|]/ /g') "
qt=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/qt6
needed=$(grep -h -o -E '^import [A-Za-z.]+' "$here"/qml/*.qml | awk '{print $2}' | sort -u |
  grep -v '^Kinlist$' | tr . / | sed "s|^|$qt/qml/|; s|$|/qmldir|")
needed="$needed $qt/plugins/sqldrivers/libqsqlite.so $qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so"
for file in $needed; do
  package=$(dpkg -S "$file" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$package" ] || fail "no installed package has $file"
  case "$depends" in
    *" $package "*) ;;
    *) fail "kinlist needs $package (for $file) but does not depend on it" ;;
  esac
done

# Every file and directory a package could touch, by name (contents change under dpkg's
# own bookkeeping, caches and logs, which are left out).
# (A file vanishing mid-walk is not an error; what other services churn is left out.)
snapshot() {
  { $SUDO find /usr /etc /var /opt /srv \
      \( -path /var/lib/dpkg -o -path /var/lib/apt -o -path /var/cache -o -path /var/log \
         -o -path /var/tmp -o -path /var/backups -o -path /var/mail -o -path /var/spool \
         -o -path /var/lib/docker -o -path /var/lib/containerd -o -path /var/lib/snapd \
         -o -path /var/lib/systemd/timers -o -path /var/lib/dhcp -o -path /var/lib/NetworkManager \) \
      -prune -o -print 2>/dev/null || true; } |
    grep -v -E '^/etc/(passwd|group|shadow|gshadow|subuid|subgid)-$' | sort
}
packages() { dpkg-query -W -f='${Package}\n' | sort; }

snapshot >"$work/before.files"
packages >"$work/before.packages"

step "installing $(basename "$app_deb") and $(basename "$server_deb") with apt"
installed=yes
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "$app_deb" "$server_deb" >"$work/apt-install.log" 2>&1 || { cat "$work/apt-install.log"; fail "apt-get install"; }

step "checking the installed files"
# (By path: not some other copy on the PATH.)
[ "$(/usr/bin/kinlist --version)" = "kinlist $version" ] || fail "kinlist --version said '$(/usr/bin/kinlist --version)'"
[ "$(/usr/bin/kinlist-server --version)" = "kinlist-server $version" ] || fail "kinlist-server --version"
desktop-file-validate /usr/share/applications/org.kinlist.Kinlist.desktop \
  /usr/share/kinlist/autostart/org.kinlist.Kinlist.Kiosk.desktop || fail "desktop entries"
appstreamcli validate --no-net /usr/share/metainfo/org.kinlist.Kinlist.metainfo.xml >/dev/null ||
  fail "AppStream metainfo"
for size in 16 24 32 48 64 128 256; do
  [ -s "/usr/share/icons/hicolor/${size}x${size}/apps/org.kinlist.Kinlist.png" ] || fail "icon ${size}px"
done
[ -s /usr/share/icons/hicolor/scalable/apps/org.kinlist.Kinlist.svg ] || fail "SVG icon"
systemd-analyze verify /usr/lib/systemd/system/kinlist-server.service || fail "systemd unit"
# The template of the nodes on PostgreSQL (an instance of it: the port).
systemd-analyze verify /usr/lib/systemd/system/kinlist-server@8481.service || fail "node unit"
[ -s /usr/share/doc/kinlist-server/multinode.md ] && [ -s /usr/share/doc/kinlist-server/haproxy-kinlist.cfg ] ||
  fail "multinode documentation"
getent passwd kinlist >/dev/null || fail "no kinlist user"
[ "$(id -u kinlist)" -lt 1000 ] || fail "kinlist is not a system user"
[ "$(stat -c '%U %a' /var/lib/kinlist)" = "kinlist 750" ] || fail "/var/lib/kinlist: $(stat -c '%U %a' /var/lib/kinlist)"
[ -f /etc/kinlist/kinlist-server.conf ] || fail "no /etc/kinlist/kinlist-server.conf"

step "starting the installed app headless (its QML modules come from the dependencies)"
mkdir -p "$work/app" && chmod 700 "$work/app"
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/app" timeout 60 \
  /usr/bin/kinlist --data "$work/app" --screenshot "$work/app/window.png" --after 1500 >"$work/app.log" 2>&1 ||
  { cat "$work/app.log"; fail "the installed app did not start"; }
[ -s "$work/app/window.png" ] || fail "the installed app drew nothing"

step "starting the installed server with its configuration, on a loopback port"
if [ -d /run/systemd/system ]; then
  # Where systemd runs, postinst has started the service (on 8477, as configured).
  for _ in $(seq 1 50); do
    $SUDO systemctl is-active --quiet kinlist-server && break
    sleep 0.2
  done
  $SUDO systemctl is-active --quiet kinlist-server || fail "the service is not active"
  # (Beside the service, not in its database.)
  data_args=(--data /var/lib/kinlist/test-packages)
else
  data_args=()
fi
# The installed binary as the service runs it (its user, its configuration), but on a
# loopback port of its own, so that it is surely this server that answers.
$SUDO runuser -u kinlist -- /usr/bin/kinlist-server --config /etc/kinlist/kinlist-server.conf \
  --listen 127.0.0.1:0 "${data_args[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$work/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
line=$(grep -o -m1 "listening on ws://[^ /]*" "$work/server.log" | head -n1) ||
  { cat "$work/server.log"; fail "the server did not start"; }
url="http://${line#listening on ws://}"
health=$(curl -fsS --max-time 5 "$url/healthz") || fail "no answer from $url/healthz"
echo "$health" | grep -q '"status":"ok"' || fail "healthz said $health"
[ -n "$($SUDO find /var/lib/kinlist -user kinlist -name '*.db')" ] ||
  fail "the server's database is not in /var/lib/kinlist"
$SUDO pkill -TERM -u kinlist -f "$server_pattern" || true
wait "$server_pid" || true
server_pid=""
echo "  $url/healthz: $health"

step "removing: only the server's data and configuration may stay"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q kinlist kinlist-server >/dev/null
snapshot >"$work/removed.files"
left=$(comm -13 "$work/before.files" "$work/removed.files" |
  grep -v -E '^/var/lib/kinlist(/|$)|^/etc/kinlist(/kinlist-server\.conf)?$|kinlist-server\.service|deb-systemd-helper-enabled(/multi-user\.target\.wants)?$' || true)
[ -z "$left" ] || fail "left behind after remove: $left"
[ -n "$($SUDO find /var/lib/kinlist -name '*.db')" ] || fail "remove deleted the data"
[ ! -e /usr/bin/kinlist ] && [ ! -e /usr/bin/kinlist-server ] || fail "the programs are still installed"

step "purging: nothing may stay"
# (dpkg: apt knows no candidate for a removed package installed from a file.) The app
# has no configuration, so "remove" has already removed it completely.
for p in kinlist kinlist-server; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q config-files; then
    $SUDO dpkg --purge "$p" >/dev/null
  fi
done
installed=""
snapshot >"$work/purged.files"
left=$(comm -13 "$work/before.files" "$work/purged.files" || true)
[ -z "$left" ] || fail "left behind after purge: $left"
gone=$(comm -23 "$work/before.files" "$work/purged.files" || true)
[ -z "$gone" ] || fail "missing after purge: $gone"
! getent passwd kinlist >/dev/null || fail "the kinlist user is still there"
packages >"$work/after.packages"
diff "$work/before.packages" "$work/after.packages" >/dev/null ||
  fail "the set of installed packages changed: $(diff "$work/before.packages" "$work/after.packages")"

step "ok: both packages installed, ran, served /healthz, removed and purged cleanly"
