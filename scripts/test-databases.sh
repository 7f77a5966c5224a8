#!/usr/bin/env sh
# Starts the database servers the storage tests use, if they are installed and not running:
# PostgreSQL on 127.0.0.1:5432 and MariaDB on 127.0.0.1:3306. Waits until both answer.
# Tests read LIUSHOU_TEST_PG_URL and LIUSHOU_TEST_MYSQL_URL and skip (visibly) without them.
set -eu

if command -v pg_ctlcluster >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  version="$(ls /etc/postgresql | sort -n | tail -1)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
fi
if command -v mariadbd >/dev/null 2>&1 && ! mariadb-admin -h 127.0.0.1 -u root ping >/dev/null 2>&1; then
  start-stop-daemon --start --oknodo --background --exec "$(command -v mariadbd)" -- --user=mysql || true
fi

for _ in $(seq 1 30); do
  pg_ok=1
  my_ok=1
  if command -v pg_isready >/dev/null 2>&1; then pg_isready -q -h 127.0.0.1 -p 5432 || pg_ok=0; fi
  if command -v mariadb-admin >/dev/null 2>&1; then
    mariadb-admin -h 127.0.0.1 -u root ping >/dev/null 2>&1 || my_ok=0
  fi
  [ "$pg_ok" = 1 ] && [ "$my_ok" = 1 ] && exit 0
  sleep 1
done
echo "test databases did not come up (PostgreSQL ok: $pg_ok, MariaDB ok: $my_ok)" >&2
exit 1
