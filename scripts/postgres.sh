# A throw-away PostgreSQL cluster on loopback for the second test pass. Sourced by scripts/test.
#
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` user. The app and the tests
# connect as the ordinary role `spielraum` (allowed to create databases: one per test), never as superuser.

start_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -x "$bin/initdb" ] || die "PostgreSQL is not installed (scripts/setup --test installs it)"
  PG_DIR="$(mktemp -d /tmp/spielraum-pg.XXXXXX)"
  PG_PORT="$(free_port)"
  PG_BIN="$bin"
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_DIR"
    run=(su postgres -s /bin/sh -c)
  else
    run=(sh -c)
  fi
  "${run[@]}" "'$bin/initdb' -D '$PG_DIR/data' -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8" > /dev/null
  "${run[@]}" "'$bin/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/log' -w -o \"-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" > /dev/null
  PG_RUN=("${run[@]}")
  "$bin/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c "CREATE ROLE spielraum LOGIN CREATEDB" > /dev/null
  POSTGRES_URL="postgres://spielraum@127.0.0.1:$PG_PORT/postgres"
  export POSTGRES_URL
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_RUN[@]}" "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast stop" > /dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
