# Sourced by .ci/run: a throwaway PostgreSQL cluster in a temp dir, as a non-root user, on a
# local port; exports OPSDESK_TEST_PG_URL and removes the cluster on exit (pg_cleanup).
# Usage: source .ci/postgres.sh && pg_start   (needs Debian's postgresql package)

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] && echo "$d"
}

pg_install() {
  [ -n "$(pg_bin)" ] && return 0
  command -v apt-get >/dev/null 2>&1 || { echo "ci: no postgresql and no apt-get" >&2; return 1; }
  local SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "ci: installing postgresql"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  # Debian's package starts its own main cluster; this run does not need it.
  $SUDO pg_ctlcluster --help >/dev/null 2>&1 && for c in /etc/postgresql/*/main; do
    [ -d "$c" ] && $SUDO pg_ctlcluster "$(basename "$(dirname "$c")")" main stop 2>/dev/null || true
  done
  return 0
}

pg_as() {  # run a command as the cluster's (non-root) owner
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

pg_start() {
  pg_install || return 1
  local bin; bin=$(pg_bin)
  PG_USER=$(id -un); [ "$(id -u)" -eq 0 ] && PG_USER=postgres
  id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$PG_USER"
  PG_DIR=$(mktemp -d /tmp/opsdesk-pg.XXXXXX)
  chown "$PG_USER" "$PG_DIR"
  PG_PORT=${PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  pg_as "$bin/initdb" -D "$PG_DIR/data" -U opsdesk --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || pg_as "$bin/initdb" -D "$PG_DIR/data" -U opsdesk --auth=trust -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  pg_as "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  pg_as "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U opsdesk opsdesk_test
  export OPSDESK_TEST_PG_URL="postgresql+psycopg://opsdesk@127.0.0.1:$PG_PORT/opsdesk_test"
  echo "ci: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $PG_PORT ($PG_DIR)"
  trap pg_cleanup EXIT
}

pg_cleanup() {
  [ -n "${PG_DIR:-}" ] || return 0
  local bin; bin=$(pg_bin)
  pg_as "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
