#!/usr/bin/env bash
# A CouchDB-compatible server on 127.0.0.1 for the sync tests: pouchdb-server from .ci/couch (kept out
# of the extension's dependencies: as a devDependency npm would build sqlite3 from source), in memory,
# run from a fresh temporary folder (it writes admins to ./config.json there).
#   scripts/couch-server.sh start [port]   installs it if needed, starts it, waits until it answers
#   scripts/couch-server.sh stop  [port]   stops the one started for that port
# Default port 5993 (COUCH_PORT). It gets an admin, admin / $COUCH_ADMIN_PASSWORD (default
# coursepulse-ci), as a CouchDB server has: test/couch.ts creates users and databases with it.
# Users run real CouchDB: see the README's Sync section.
set -euo pipefail
cd "$(dirname "$0")/.."
action="${1:-}"
port="${2:-${COUCH_PORT:-5993}}"
state="${TMPDIR:-/tmp}/coursepulse-couch-$port"
bin=.ci/couch/node_modules/pouchdb-server/bin/pouchdb-server
admin_password="${COUCH_ADMIN_PASSWORD:-coursepulse-ci}"

# HTTP with Node's fetch: a fresh CI machine has Node but maybe no curl.
answers() {
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}
make_admin() {
  node -e 'fetch(process.argv[1], { method: "PUT", body: JSON.stringify(process.argv[2]) })
    .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "http://127.0.0.1:$port/_config/admins/admin" "$admin_password"
}

case "$action" in
  start)
    if answers "http://127.0.0.1:$port/"; then echo "couch: already on $port"; exit 0; fi
    [ -x "$bin" ] || npm ci --prefix .ci/couch --no-audit --no-fund --omit=optional >/dev/null
    rm -rf "$state" && mkdir -p "$state"
    (cd "$state" && exec node "$OLDPWD/$bin" --in-memory --host 127.0.0.1 --port "$port" --no-stdout-logs \
      >"$state/server.out" 2>&1) &
    echo $! >"$state/pid"
    for _ in $(seq 1 150); do
      if answers "http://127.0.0.1:$port/"; then
        # Databases are created with these credentials only: pouchdb-server crashes when an
        # unauthenticated client creates one once an admin exists (research/sync.md).
        make_admin || { echo "couch: could not create the admin"; exit 1; }
        echo "couch: on 127.0.0.1:$port"; exit 0
      fi
      kill -0 "$(cat "$state/pid")" 2>/dev/null || break
      sleep 0.2
    done
    echo "couch: did not start on $port"; cat "$state/server.out" 2>/dev/null; exit 1
    ;;
  stop)
    [ -f "$state/pid" ] && kill "$(cat "$state/pid")" 2>/dev/null || true
    rm -rf "$state"
    ;;
  *)
    echo "usage: scripts/couch-server.sh start|stop [port]"; exit 2
    ;;
esac
