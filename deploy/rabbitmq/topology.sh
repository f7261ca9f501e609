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

# The cluster profile (deploy/compose.cluster.yml) sets CLUSTER_NODES and QUORUM_QUEUES=true: every
# node must have joined before the queues are declared, or a quorum queue gets fewer replicas.
if [ -n "${CLUSTER_NODES:-}" ]; then
  running=$(admin -f tsv -q list nodes name running | awk '$2 == "True"' | wc -l)
  if [ "$running" -ne "$CLUSTER_NODES" ]; then
    echo "topology: $running of the $CLUSTER_NODES RabbitMQ nodes run in one cluster; 'docker-compose logs rabbitmq-2 rabbitmq-3' says why a node did not join (a different RABBITMQ_ERLANG_COOKIE, or a data volume from another cluster)." >&2
    exit 1
  fi
fi

# Declares every queue of definitions.json as a quorum queue when QUORUM_QUEUES=true (the services'
# Bus__QuorumQueues must say the same). RabbitMQ cannot change the type of a queue that exists, and
# an import leaves such a queue as it is, so this stops, naming them, when an endpoint's queue or its
# _error or _skipped queue exists with the other type. On a cluster it also stops when a quorum queue
# of a single node (dedup's) lacks replicas on the nodes that joined since.
definitions=/tmp/definitions.json
admin -f raw_json list queues name type members | python3 -c '
import json, sys
definitions_file, quorum, out, nodes = sys.argv[1], sys.argv[2] == "true", sys.argv[3], int(sys.argv[4] or 0)
definitions = json.load(open(definitions_file))
queues = json.load(sys.stdin)
existing = {queue["name"]: queue.get("type", "classic") for queue in queues}
short = []
for queue in queues:
    replicas = len(queue.get("members", []))
    if 0 < replicas < nodes:
        short.append(queue["name"] + " (on " + str(replicas) + ")")
if short:
    sys.exit("topology: these quorum queues have replicas on fewer than the " + str(nodes) + " nodes: " + ", ".join(short) + ". "
             "Add the missing ones, for each node that joined: docker-compose exec rabbitmq rabbitmq-queues grow rabbit@rabbitmq-2 all (and rabbit@rabbitmq-3), then run up again.")
wrong = []
for queue in definitions["queues"]:
    if quorum:
        queue["arguments"]["x-queue-type"] = "quorum"
    wanted = queue["arguments"].get("x-queue-type", "classic")
    for name in (queue["name"], queue["name"] + "_error", queue["name"] + "_skipped"):
        if existing.get(name, wanted) != wanted:
            wrong.append(f"{name} is {existing[name]}, needs {wanted}")
if wrong:
    sys.exit("topology: these queues exist with another type than QUORUM_QUEUES=" + sys.argv[2] + " needs: " + "; ".join(wrong) + ". "
             "RabbitMQ cannot change a queue'"'"'s type. Let the running services empty them (docker-compose stop ingest first; move or purge parked "
             "messages of _error queues in the console), stop the services, delete these queues (docker-compose exec rabbitmq rabbitmqctl delete_queue NAME), "
             "and run up again. README, \"RabbitMQ cluster\", has the steps.")
json.dump(definitions, open(out, "w"))
' /etc/rabbitmq/definitions.json "${QUORUM_QUEUES:-false}" "$definitions" "${CLUSTER_NODES:-}"
admin import "$definitions"

# Publishes only.
user ingest "$INGEST_BROKER_PASSWORD" \
  "$events:(ArticleIngested|ArticleRejected)|$bus|$watch" \
  "$events:(ArticleIngested|ArticleRejected)|$bus|$watch" \
  "$bus|$watch"

# consumer NAME PASSWORD QUEUE CONSUMED PUBLISHED [HEARD]: reads its queue (bound from the consumed
# event exchanges, and from the fault exchanges of HEARD events) and writes the published events and its faults.
consumer() {
  endpoint="$3|$3_error|$3_skipped"
  heard="${6:+|MassTransit:Fault--$events:($6)--}"
  user "$1" "$2" \
    "$endpoint|$events:($4|$5)|$faults|$bus" \
    "$endpoint|$events:($5)|$faults|$bus" \
    "$endpoint|$events:($4)$heard|$bus"
}
consumer extraction "$EXTRACTION_BROKER_PASSWORD" extraction ArticleIngested ArticleExtracted
# Dedup hears extraction's faults, so an article parked there holds up none after it.
consumer dedup "$DEDUP_BROKER_PASSWORD" dedup ArticleExtracted StoryUpdated ArticleIngested
consumer query "$QUERY_BROKER_PASSWORD" query 'ArticleIngested|ArticleExtracted|StoryUpdated' ArticleIndexed
