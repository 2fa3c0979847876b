#!/usr/bin/env bash
# Everything a fresh machine with only Node 20 and npm lacks to run the tests:
# Debian's Chromium for the browser tests, Debian's PostgreSQL for the API suite on PostgreSQL
# (scripts/with-postgres.sh runs a throwaway server), then the workspace's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

npx -y pnpm@12.4.2 install --frozen-lockfile
