#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: initdb in a temporary folder, pg_ctl start on
# a free loopback port, WEGWIJZER_TEST_DATABASE_URL exported, the command run, the server stopped
# and the folder deleted. Uses an existing WEGWIJZER_TEST_DATABASE_URL as is.
#   bash scripts/with-postgres.sh npx vitest run --project postgres
set -euo pipefail

if [ -n "${WEGWIJZER_TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

bin=""
for d in /usr/lib/postgresql/*/bin; do
  [ -x "$d/initdb" ] && bin="$d"
done
if [ -z "$bin" ] && command -v initdb >/dev/null 2>&1; then bin="$(dirname "$(command -v initdb)")"; fi
if [ -z "$bin" ]; then
  echo "with-postgres: PostgreSQL is not installed (bash scripts/setup.sh installs it)" >&2
  exit 1
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/wegwijzer-pg-XXXXXX")"
# PostgreSQL refuses to run as root: run the server as the postgres (or nobody) user then.
as=()
if [ "$(id -u)" -eq 0 ]; then
  user=postgres
  id "$user" >/dev/null 2>&1 || user=nobody
  chown "$user" "$dir"
  as=(runuser -u "$user" --)
fi
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

cleanup() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

"${as[@]}" "$bin/initdb" -D "$dir/data" --username=postgres --auth=trust --encoding=UTF8 \
  --locale=C >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export WEGWIJZER_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
set +e
"$@"
status=$?
set -e
exit $status
