#!/bin/sh
# A private PostgreSQL 15 for the tests, from Debian's binaries.
#   postgres.sh start DIR   initdb and start on a free loopback port below 32768 (the
#                           ephemeral range starts there); writes DIR/url, a superuser's
#                           postgresql://kinlist@127.0.0.1:PORT/postgres
#   postgres.sh stop DIR    stop it at once and remove it
# initdb and pg_ctl refuse to run as root: as root they run as the postgres user, and the
# cluster lives in a directory of its own under /tmp (the build tree may be where postgres
# cannot go, such as /root); DIR/cluster says where. Without the binaries it says so and
# writes no url; the suites that need it then skip. Tests run it with fsync off;
# KINLIST_PG_FSYNC=on (bench/multinode.sh) keeps PostgreSQL's durability.
set -eu
cmd=$1
dir=$2
bin=/usr/lib/postgresql/15/bin

run() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

stop() {
  if [ -f "$dir/cluster" ]; then
    cluster=$(cat "$dir/cluster")
    if [ -f "$cluster/data/postmaster.pid" ]; then
      run "$bin/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$cluster"
  fi
  rm -rf "$dir"
}

case $cmd in
start)
  stop
  mkdir -p "$dir"
  if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "postgres.sh: $bin/initdb is missing (install postgresql-15: scripts/install-deps.sh)"
    exit 0
  fi
  cluster=$(mktemp -d /tmp/kinlist-pg.XXXXXX)
  echo "$cluster" >"$dir/cluster"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$cluster"; fi
  run "$bin/initdb" -D "$cluster/data" -U kinlist -A trust -E UTF8 --no-sync \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  tries=0
  while [ "$tries" -lt 20 ]; do
    tries=$((tries + 1))
    port=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 12000))
    if run "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w -t 30 \
        -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=${KINLIST_PG_FSYNC:-off} -c max_connections=300" \
        start >/dev/null 2>&1; then
      echo "postgresql://kinlist@127.0.0.1:$port/postgres" >"$dir/url"
      echo "postgres.sh: PostgreSQL 15 on 127.0.0.1:$port ($cluster)"
      exit 0
    fi
  done
  echo "postgres.sh: PostgreSQL did not start:" >&2
  cat "$cluster/log" >&2 || true
  exit 1
  ;;
stop)
  stop
  ;;
*)
  echo "usage: postgres.sh start|stop DIR" >&2
  exit 2
  ;;
esac
