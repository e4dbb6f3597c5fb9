# Sourced by .ci/run: starts a throwaway PostgreSQL cluster in a temporary
# directory, owned by a non-root user (postgres refuses to run as root),
# exports SUPPORTBOT_TEST_POSTGRES for the store's tests and stops the
# cluster when the sourcing shell exits. The store tests make their own
# schema per test, so one cluster serves every package at once.
#
# Locally: `. .ci/postgres.sh` in a shell of your own, then `go test ./store/...`.

pg_port="${SUPPORTBOT_PG_PORT:-55432}"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

pg_dir=$(mktemp -d /tmp/supportbot-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
  id pgtest >/dev/null 2>&1 || useradd -m pgtest
  chown pgtest "$pg_dir"
  pg_as() { su pgtest -s /bin/sh -c "cd / && $1"; }
else
  pg_as() { sh -c "$1"; }
fi

# fsync off: the cluster lives for one run and nothing in it must survive a crash.
pg_as "'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres -E UTF8 --no-locale >'$pg_dir/initdb.log'" \
  || { cat "$pg_dir/initdb.log"; return 1 2>/dev/null || exit 1; }
pg_as "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w \
  -o \"-k '$pg_dir' -p $pg_port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start >/dev/null" \
  || { cat "$pg_dir/server.log"; return 1 2>/dev/null || exit 1; }

supportbot_pg_stop() {
  pg_as "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate -w stop >/dev/null" || true
  rm -rf "$pg_dir"
}
trap supportbot_pg_stop EXIT

export SUPPORTBOT_TEST_POSTGRES="postgres://postgres@127.0.0.1:$pg_port/postgres?sslmode=disable"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (data in $pg_dir)"
