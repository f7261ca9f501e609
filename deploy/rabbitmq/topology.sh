#!/bin/sh
# The rabbitmq-topology one-shot of docker-compose.yml: declares the exchanges, queues and bindings
# of definitions.json, then one broker user per service with only the permissions it needs on the
# virtual host. Runs as the administrator (RABBITMQ_DEFAULT_USER); declaring what exists changes
# nothing, and a changed password replaces the old one.
#
# MassTransit declares at start what each service uses, so configure rights must cover it: the
# event exchanges it publishes to or binds from, its receive endpoint (exchange and queue of the
# same name) with <queue>_error and <queue>_skipped, the MassTransit:Fault--... exchanges it
# publishes faults to, and the temporary endpoint of every process, <host>_<process>_bus_<id>.
# Binding a source to a destination needs read on the source and write on the destination.
set -eu

admin() { rabbitmqadmin --host=rabbitmq --username="$RABBITMQ_DEFAULT_USER" --password="$RABBITMQ_DEFAULT_PASS" "$@"; }

# user NAME PASSWORD CONFIGURE WRITE READ: each pattern must match a whole name.
user() {
  admin declare user name="$1" password="$2" tags= >/dev/null
  admin declare permission vhost=/ user="$1" configure="^($3)\$" write="^($4)\$" read="^($5)\$" >/dev/null
  echo "broker user $1: configure ^($3)\$ write ^($4)\$ read ^($5)\$"
}

events='Newsroom\.Contracts\.Events'
bus='[^:]*_bus_[^:]*'
faults='MassTransit:Fault.*'
# Ingest consumes nothing; its temporary connection-watch endpoint makes its health follow the broker.
watch='[^:]*_connection-watch_[^:]*'

admin import /etc/rabbitmq/definitions.json

# Publishes only.
user ingest "$INGEST_BROKER_PASSWORD" \
  "$events:(ArticleIngested|ArticleRejected)|$bus|$watch" \
  "$events:(ArticleIngested|ArticleRejected)|$bus|$watch" \
  "$bus|$watch"

# consumer NAME PASSWORD QUEUE CONSUMED PUBLISHED: reads its queue (bound from the consumed event
# exchanges) and writes the published events and its faults.
consumer() {
  endpoint="$3|$3_error|$3_skipped"
  user "$1" "$2" \
    "$endpoint|$events:($4|$5)|$faults|$bus" \
    "$endpoint|$events:($5)|$faults|$bus" \
    "$endpoint|$events:($4)|$bus"
}
consumer extraction "$EXTRACTION_BROKER_PASSWORD" extraction ArticleIngested ArticleExtracted
consumer dedup "$DEDUP_BROKER_PASSWORD" dedup ArticleExtracted StoryUpdated
consumer query "$QUERY_BROKER_PASSWORD" query 'ArticleIngested|ArticleExtracted|StoryUpdated' ArticleIndexed
