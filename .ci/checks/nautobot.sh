#!/usr/bin/env bash
# `topolint import nautobot` against a real Nautobot: PostgreSQL and Redis from Debian,
# Nautobot from PyPI, all on loopback with their own data under a temporary folder. Loads a
# two-site design through the REST API, imports it, and checks the broadcast domains and
# findings. Stops and removes everything it started. Exit 77 when something cannot be
# installed. The venv is kept in .venv-nautobot/ (git-ignored) between local runs.
set -uo pipefail
cd "$(dirname "$0")/../.."
NAUTOBOT_VERSION=2.4.44
bin=$PWD/.build/debug/topolint
venv=$PWD/.venv-nautobot
started=$(date +%s)
skip() { echo "skipped: $*"; exit 77; }
[ -x "$bin" ] || { echo "no $bin: run swift build first"; exit 1; }

# Debian packages: PostgreSQL (initdb, pg_ctl) and redis-server.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pgbin" ] || ! command -v redis-server >/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql redis-server; } >/dev/null 2>&1 \
    || skip "cannot install postgresql and redis-server from Debian"
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
[ -n "$pgbin" ] || skip "no PostgreSQL binaries"
if [ ! -x "$venv/bin/nautobot-server" ] || ! "$venv/bin/pip" show -q "nautobot" 2>/dev/null | grep -q "^Version: $NAUTOBOT_VERSION"; then
  "$venv/bin/python" -c 'import nautobot' 2>/dev/null && [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("nautobot"))')" = "$NAUTOBOT_VERSION" ] || {
    python3 -m venv "$venv" >/dev/null 2>&1 || skip "python3 venv unavailable"
    "$venv/bin/pip" install -q "nautobot==$NAUTOBOT_VERSION" >/dev/null 2>&1 || skip "cannot install nautobot $NAUTOBOT_VERSION from PyPI"
  }
fi
echo "setup: $(( $(date +%s) - started )) s"

tmp=$(mktemp -d /tmp/topolint-nautobot.XXXXXX)
chmod 755 "$tmp"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -f "$tmp/redis.pid" ] && kill "$(cat "$tmp/redis.pid")" 2>/dev/null
  [ -d "$tmp/pg" ] && runas "$pgbin/pg_ctl" -D "$tmp/pg" -m fast -w stop >/dev/null 2>&1
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
# PostgreSQL refuses to run as root: run it as the postgres user the package created.
runas() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port); REDISPORT=$(free_port); WEBPORT=$(free_port)

mkdir -p "$tmp/pg" "$tmp/sock"
[ "$(id -u)" = 0 ] && chown postgres "$tmp/pg" "$tmp/sock"
runas "$pgbin/initdb" -D "$tmp/pg" -A trust -U nautobot >/dev/null || { echo "initdb failed"; exit 1; }
runas "$pgbin/pg_ctl" -D "$tmp/pg" -w -l "$tmp/sock/pg.log" \
  -o "-p $PGPORT -k $tmp/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$tmp/sock/pg.log"; exit 1; }
runas "$pgbin/createdb" -h 127.0.0.1 -p "$PGPORT" -U nautobot nautobot || exit 1
redis-server --bind 127.0.0.1 --port "$REDISPORT" --save "" --appendonly no --daemonize yes \
  --pidfile "$tmp/redis.pid" --dir "$tmp" --logfile "$tmp/redis.log" || exit 1

export NAUTOBOT_ROOT=$tmp/nautobot NAUTOBOT_DB_HOST=127.0.0.1 NAUTOBOT_DB_PORT=$PGPORT NAUTOBOT_DB_USER=nautobot \
  NAUTOBOT_DB_NAME=nautobot NAUTOBOT_DB_PASSWORD="" NAUTOBOT_REDIS_HOST=127.0.0.1 NAUTOBOT_REDIS_PORT=$REDISPORT \
  NAUTOBOT_ALLOWED_HOSTS="127.0.0.1 localhost" NAUTOBOT_SECRET_KEY=topolint-check-not-secret-0123456789abcdefghij \
  NAUTOBOT_INSTALLATION_METRICS_ENABLED=false NAUTOBOT_CONFIG=$tmp/nautobot/nautobot_config.py
server="$venv/bin/nautobot-server"
mkdir -p "$NAUTOBOT_ROOT"
"$server" init --disable-installation-metrics "$NAUTOBOT_CONFIG" >/dev/null 2>&1 || { echo "nautobot-server init failed"; exit 1; }
# Migrating an empty database takes minutes; a dump of the result is kept in the venv
# folder, so later local runs restore it in seconds.
cache=$venv/migrated-$NAUTOBOT_VERSION.dump
TOKEN=0123456789abcdef0123456789abcdef01234567
t=$(date +%s)
if [ -s "$cache" ]; then
  runas "$pgbin/pg_restore" -h 127.0.0.1 -p "$PGPORT" -U nautobot -d nautobot --no-owner <"$cache" \
    || { echo "cannot restore $cache"; exit 1; }
  echo "restore: $(( $(date +%s) - t )) s (from $cache)"
else
  "$server" migrate >"$tmp/migrate.log" 2>&1 || { tail -20 "$tmp/migrate.log"; exit 1; }
  "$server" nbshell >/dev/null 2>&1 <<PYEOF || { echo "cannot create the API user"; exit 1; }
from nautobot.users.models import User, Token
u = User.objects.create_superuser("topolint", "topolint@example.invalid", "topolint-check")
Token.objects.create(user=u, key="$TOKEN")
PYEOF
  echo "migrate: $(( $(date +%s) - t )) s"
  runas "$pgbin/pg_dump" -h 127.0.0.1 -p "$PGPORT" -U nautobot -Fc nautobot >"$cache.partial" && mv "$cache.partial" "$cache"
fi
"$server" runserver "127.0.0.1:$WEBPORT" --noreload >"$tmp/web.log" 2>&1 &
pids+=($!)
url=http://127.0.0.1:$WEBPORT
for _ in $(seq 1 120); do
  curl -fsS -H "Authorization: Token $TOKEN" "$url/api/status/" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS -H "Authorization: Token $TOKEN" "$url/api/status/" >/dev/null || { tail -30 "$tmp/web.log"; exit 1; }

t=$(date +%s)
"$venv/bin/python" .ci/checks/nautobot/load_design.py "$url" "$TOKEN" || { tail -30 "$tmp/web.log"; exit 1; }
echo "load: $(( $(date +%s) - t )) s"

export NAUTOBOT_TOKEN=$TOKEN
out=$tmp/imported.yaml
t=$(date +%s)
"$bin" import nautobot --url "$url" --overlay .ci/checks/nautobot/overlay.yaml --platform-map vsphere=vsphere-6.7 \
  --name two-sites -o "$out" 2>"$tmp/import.err" || { cat "$tmp/import.err"; exit 1; }
echo "import: $(( $(date +%s) - t )) s"
cat "$tmp/import.err"
"$bin" import nautobot --url "$url" --overlay .ci/checks/nautobot/overlay.yaml --platform-map vsphere=vsphere-6.7 \
  --name two-sites -o "$out.again" 2>/dev/null
cmp -s "$out" "$out.again" || { echo "FAIL: a second import of unchanged data differs"; diff "$out" "$out.again"; exit 1; }

"$bin" domains "$out" --format json >"$tmp/domains.json" || { cat "$out"; exit 1; }
"$bin" lint "$out" --format json >"$tmp/lint.json"; rc=$?
[ $rc -eq 1 ] || { echo "FAIL: lint exited $rc, expected 1 (findings)"; cat "$out"; exit 1; }
"$venv/bin/python" .ci/checks/nautobot/expect.py "$out" "$tmp/domains.json" "$tmp/lint.json"; rc=$?
bad_token=$(NAUTOBOT_TOKEN=wrong "$bin" import nautobot --url "$url" -o "$tmp/never.yaml" 2>&1); brc=$?
if [ $brc -ne 2 ] || [ -e "$tmp/never.yaml" ] || ! grep -q "403\|401" <<<"$bad_token"; then
  echo "FAIL: a wrong token should exit 2 with 401/403 and write nothing (exit $brc: $bad_token)"; rc=1
else echo "wrong token: exit 2, nothing written: $bad_token"; fi
echo "total: $(( $(date +%s) - started )) s"
exit $rc
