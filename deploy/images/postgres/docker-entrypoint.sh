#!/bin/bash
# First start: creates the cluster in $PGDATA with POSTGRES_USER (default postgres) as superuser,
# password authentication over the network, and POSTGRES_DB; all before the server listens, so a
# client that connects finds them. Later starts reuse the cluster as it is.
set -euo pipefail

if [[ "${1:-}" == -* ]]; then
  set -- postgres "$@"
fi

if [[ "${1:-}" == postgres && ! -s "$PGDATA/PG_VERSION" ]]; then
  user="${POSTGRES_USER:-postgres}"
  database="${POSTGRES_DB:-$user}"
  if [[ -z "${POSTGRES_PASSWORD:-}" ]]; then
    echo "docker-entrypoint: set POSTGRES_PASSWORD (the superuser's password for connections over the network)." >&2
    exit 1
  fi
  password_file=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  initdb --username="$user" --pwfile="$password_file" --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$password_file"
  {
    echo "listen_addresses = '*'"
  } >>"$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  if [[ "$database" != postgres ]]; then
    # Single-user mode: nothing listens until the database exists.
    echo "CREATE DATABASE \"${database//\"/\"\"}\";" | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
  echo "docker-entrypoint: created the cluster with user $user and database $database"
fi

exec "$@"
