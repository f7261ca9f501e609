#!/usr/bin/env bash
# Writes the secrets docker-compose.yml requires, each a new random value, to a .env file beside
# it (or to the file given), for `docker-compose up`. Refuses to overwrite an existing file: the
# broker keeps the administrator password of its first start on its data volume.
#   bash deploy/scripts/make-env.sh [FILE]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
file="${1:-$root/.env}"
if [[ -e "$file" ]]; then
  echo "$file exists; edit it, or remove it first (and the stack's volumes with 'docker-compose down -v' when it held the broker's first password)." >&2
  exit 1
fi
# 24 random bytes as hex: URL-safe, as the AMQP URIs need.
secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
umask 077
cat >"$file" <<ENV
RABBITMQ_PASSWORD=$(secret)
INGEST_BROKER_PASSWORD=$(secret)
EXTRACTION_BROKER_PASSWORD=$(secret)
DEDUP_BROKER_PASSWORD=$(secret)
QUERY_BROKER_PASSWORD=$(secret)
NEWSROOM_INGEST_API_KEY=$(secret)
RABBITMQ_ERLANG_COOKIE=$(secret)
POSTGRES_PASSWORD=$(secret)
ENV
echo "Wrote $file (readable by you only). Give clients NEWSROOM_INGEST_API_KEY as their NEWSROOM_API_KEY."
