#!/usr/bin/env bash
# kinlist-loadgen against 1, 2 and 3 kinlist-server nodes on one PostgreSQL 15 (durable:
# fsync on, synchronous_commit on), a fresh database per run; every room spans the nodes.
#   bash bench/multinode.sh [build dir] [loadgen options...]
# Default load: 200 rooms x 5 members, 1000,2500,5000,7500 ops/s, 10 s each.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--rooms 200 --members 5 --rates 1000,2500,5000,7500 --duration 10)
dir=$(mktemp -d /tmp/kinlist-bench-pg.XXXXXX)
trap 'bash tests/postgres/postgres.sh stop "$dir/pg"; rm -rf "$dir"' EXIT
KINLIST_PG_FSYNC=on bash tests/postgres/postgres.sh start "$dir/pg"
url=$(cat "$dir/pg/url")
for nodes in 1 2 3; do
  db="bench_$nodes"
  psql "$url" -qc "CREATE DATABASE $db"
  echo "== $nodes node(s) on PostgreSQL"
  "$build/bin/kinlist-loadgen" --server "$build/bin/kinlist-server" \
    --database "${url%/postgres}/$db" --nodes "$nodes" "${args[@]}" 2>/dev/null
done
