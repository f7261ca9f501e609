#!/usr/bin/env bash
# Runs docker-compose.yml for real and checks it from the outside, as a user would:
#   1. the local base images (deploy/scripts/local-images.sh) unless RABBITMQ_IMAGE, POSTGRES_IMAGE,
#      HAPROXY_IMAGE, DOTNET_SDK_IMAGE and DOTNET_RUNTIME_IMAGE name others, and the newsroom CLI on
#      the host;
#   2. the services' image, then `up` on free host ports under a project name of its own, so a
#      stack a developer runs is never touched, with new random secrets (make-env.sh), and every
#      healthcheck (the gateway's waits for a query replica to pass HAProxy's check);
#   2b. access: ingest refuses a call without the API key (UNAUTHENTICATED over gRPC, 401 over
#      JSON); the ingest broker user may not read extraction's queue while extraction's may, and
#      may not use the management API;
#   3. the seed articles (../shared/corpus/seeds) through the ingest port, and their four gold
#      stories through the query port, the gateway's, over gRPC (002 and 003 one story; 000, 001,
#      004 alone);
#   4. three extraction replicas, each of which must take part of a batch of synthetic articles;
#   5. dedup killed (SIGKILL of its process) while a batch flows: it must come back through the
#      restart policy and every article must be indexed exactly once;
#   6. the seed stories through the JSON API (HTTP/1.1) of the query service, through the gateway;
#   7. the metrics for Prometheus; then deploy/compose.postgres.yml with two dedup replicas on
#      PostgreSQL: the active one decides the first part of a batch and is stopped, and the other
#      decides the rest, joining articles to the stories the first opened;
#   8. with it, three query replicas behind the gateway: each answers the same, and a watcher
#      connected to one hears of the changes every replica indexed;
# then `down -v`, also on failure or Ctrl+C. Prints the time of each stage.
# Without the seeds it skips stages 3 and 6 with a message, except under CI=true.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/deploy/scripts/common.sh"
cd "$root"

export COMPOSE_PROJECT_NAME="${COMPOSE_TEST_PROJECT:-newsroom-compose-test}"
export COMPOSE_FILE="$root/docker-compose.yml"
export DOCKER_BUILDKIT=0
export NEWSROOM_IMAGE="${COMPOSE_TEST_IMAGE:-newsroom-compose-test:local}"
local_prefix="${NEWSROOM_LOCAL_PREFIX:-newsroom-local}"
export RABBITMQ_IMAGE="${RABBITMQ_IMAGE:-$local_prefix/rabbitmq:3-management}"
export DOTNET_SDK_IMAGE="${DOTNET_SDK_IMAGE:-$local_prefix/dotnet-sdk:10.0}"
export DOTNET_RUNTIME_IMAGE="${DOTNET_RUNTIME_IMAGE:-$local_prefix/dotnet-aspnet:10.0}"
export POSTGRES_IMAGE="${POSTGRES_IMAGE:-$local_prefix/postgres:15}"
export HAPROXY_IMAGE="${HAPROXY_IMAGE:-$local_prefix/haproxy:2.6}"

seeds="$(cd "$root/.." && pwd)/shared/corpus/seeds"
cli="$root/tools/Newsroom.Cli/bin/Debug/net10.0/newsroom.dll"
work="$(mktemp -d)"
# The secrets docker-compose.yml requires, new for each run; the CLI sends the ingest key.
bash "$root/deploy/scripts/make-env.sh" "$work/env" >/dev/null
set -a
# shellcheck disable=SC1091 # written just above
source "$work/env"
set +a
export NEWSROOM_API_KEY="$NEWSROOM_INGEST_API_KEY"
health_limit=300
index_limit=240

say() { echo "[compose-test] $*"; }

# Runs one stage and prints how long it took.
stage() {
  local name="$1" started
  shift
  started=$(now)
  say "== $name"
  "$@"
  say "== $name: done in $(elapsed "$started")"
}

diagnose() {
  echo "---- docker-compose ps" >&2
  docker-compose ps >&2 || true
  echo "---- docker-compose logs (last 60 lines of each container)" >&2
  docker-compose logs --no-color --tail=60 >&2 || true
}

fail() {
  echo "[compose-test] FAILED: $*" >&2
  diagnose
  exit 1
}

project_resources() {
  local filter="label=com.docker.compose.project=$COMPOSE_PROJECT_NAME"
  docker ps -aq --filter "$filter"
  docker network ls -q --filter "$filter"
  docker volume ls -q --filter "$filter"
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  say "Removing the stack (docker-compose down -v)"
  docker-compose down -v --remove-orphans --timeout 30 >/dev/null 2>&1 || true
  rm -rf "$work"
  if [[ -n "$(project_resources)" ]]; then
    echo "[compose-test] docker-compose down -v left containers, networks or volumes of project $COMPOSE_PROJECT_NAME; remove them with: docker-compose -p $COMPOSE_PROJECT_NAME down -v" >&2
    ((status)) || status=1
  fi
  exit "$status"
}

newsroom() { dotnet "$cli" "$@"; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

prepare_images() {
  if [[ "$RABBITMQ_IMAGE$POSTGRES_IMAGE$HAPROXY_IMAGE$DOTNET_SDK_IMAGE$DOTNET_RUNTIME_IMAGE" == *"$local_prefix/"* ]]; then
    bash "$root/deploy/scripts/local-images.sh"
  else
    ensure_docker_daemon
  fi
}

prepare_cli() {
  if [[ -f "$cli" && -z "$(find "$root/tools/Newsroom.Cli" "$root/contracts" -newer "$cli" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.proto' \) -print -quit)" ]]; then
    say "The newsroom CLI is built ($cli)"
    return
  fi
  say "Building the newsroom CLI (tools/Newsroom.Cli)"
  dotnet build "$root/tools/Newsroom.Cli" --nologo -v quiet -clp:NoSummary
}

# Each build leaves the image it replaced and its build stages untagged (about 3 GB): they go, so
# that runs after runs do not fill the disk.
build_image() {
  local log="$work/build.log" old
  old=$(docker image inspect -f '{{.Id}}' "$NEWSROOM_IMAGE" 2>/dev/null || true)
  say "Building $NEWSROOM_IMAGE from deploy/Dockerfile on $DOTNET_SDK_IMAGE and $DOTNET_RUNTIME_IMAGE (full log: $log)"
  if ! docker-compose build 2>&1 | tee "$log" | { grep --line-buffered -E '^Step [0-9]+/|Successfully tagged' || true; } | sed -u 's/^/    /'; then
    tail -n 40 "$log" | sed 's/^/    /' >&2
    fail "building the services' image failed; the lines above say why (a compile error, or NuGet unreachable from the build container)."
  fi
  if [[ -n "$old" && "$old" != "$(docker image inspect -f '{{.Id}}' "$NEWSROOM_IMAGE")" ]]; then
    docker rmi "$old" >/dev/null 2>&1 || true
  fi
  docker image prune --force --filter label=org.newsroom.build-stage=services >/dev/null
}

# Waits until every container of the project is healthy, or has exited 0 (the topology import).
wait_healthy() {
  local started waiting
  started=$(date +%s)
  while true; do
    waiting=$(docker ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" \
      | xargs -r docker inspect -f '{{.Name}} {{.State.Status}} {{.State.ExitCode}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' \
      | awk '!(($2 == "running" && $4 == "healthy") || ($2 == "exited" && $3 == 0 && $4 == "none")) { sub("^/", "", $1); print $1 "(" $2 ($4 != "none" ? "," $4 : "") ")" }')
    [[ -z "$waiting" ]] && return 0
    if (($(date +%s) - started > health_limit)); then
      fail "not healthy within $health_limit s: $waiting. The logs below show why; a slow machine may need more time (healthcheck start_period in deploy/Dockerfile)."
    fi
    say "  waiting for ${waiting//$'\n'/ } ($(($(date +%s) - started)) s)"
    sleep 5
  done
}

# A run stopped before its cleanup (the machine restarted) leaves the project's volumes, and the
# next run's new passwords would not open them (PostgreSQL keeps the password it was created with).
remove_leftovers() {
  [[ -z "$(project_resources)" ]] && return 0
  say "Removing what an earlier run of project $COMPOSE_PROJECT_NAME left (it was stopped before its cleanup)"
  COMPOSE_FILE="$root/docker-compose.yml:$root/deploy/compose.postgres.yml" \
    docker-compose down -v --remove-orphans --timeout 30 >/dev/null 2>&1 || true
  docker volume ls -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" | xargs -r docker volume rm >/dev/null
  [[ -z "$(project_resources)" ]] \
    || fail "containers, networks or volumes of an earlier run of project $COMPOSE_PROJECT_NAME remain; remove them with: docker-compose -p $COMPOSE_PROJECT_NAME down -v"
}

start_stack() {
  export QUERY_PORT INGEST_PORT QUERY_HTTP_PORT INGEST_HTTP_PORT RABBITMQ_MANAGEMENT_PORT
  QUERY_PORT=$(free_port) INGEST_PORT=$(free_port) QUERY_HTTP_PORT=$(free_port)
  INGEST_HTTP_PORT=$(free_port) RABBITMQ_MANAGEMENT_PORT=$(free_port)
  query="http://127.0.0.1:$QUERY_PORT"
  ingest="http://127.0.0.1:$INGEST_PORT"
  say "Project $COMPOSE_PROJECT_NAME: query gRPC $QUERY_PORT, JSON $QUERY_HTTP_PORT (the gateway); ingest gRPC $INGEST_PORT; RabbitMQ console $RABBITMQ_MANAGEMENT_PORT"
  remove_leftovers
  docker-compose up -d || fail "docker-compose up failed (see above)."
  wait_healthy
}

# What the probe says when a broker user asks for a message of a queue (amqp-probe.py, run in the
# broker's container, which has python3); its exit code is 0 when allowed.
amqp_get() { # user password queue
  docker-compose exec -T rabbitmq python3 - 127.0.0.1 5672 "$@" <"$root/deploy/scripts/amqp-probe.py"
}

check_access() {
  local article="$work/access.txt" out status
  printf 'Access check\n\nAn article sent without the API key must be refused.\n' >"$article"
  status=0
  out=$(NEWSROOM_API_KEY= newsroom --server "$ingest" ingest "$article" 2>&1) || status=$?
  ((status == 1)) && [[ "$out" == *"error: UNAUTHENTICATED"*"--api-key"* ]] \
    || fail "ingest without an API key should fail with UNAUTHENTICATED and a hint to pass --api-key (exit $status): $out"
  status=$(curl -s -o "$work/access.json" -w '%{http_code}' -H 'content-type: application/json' \
    -d '{"clientRef": "access", "text": "No key."}' "http://127.0.0.1:$INGEST_HTTP_PORT/v1/articles")
  [[ "$status" == 401 ]] && jq -e '.code == 16 and (.message | contains("x-api-key"))' "$work/access.json" >/dev/null \
    || fail "JSON ingest without an API key should answer 401 with code 16; it answered $status: $(cat "$work/access.json")"
  say "  ingest without the key: UNAUTHENTICATED over gRPC, 401 over JSON"

  out=$(amqp_get ingest "$INGEST_BROKER_PASSWORD" extraction) \
    && fail "the ingest broker user could read the extraction queue: $out"
  [[ "$out" == *ACCESS_REFUSED* ]] || fail "the ingest broker user's read of the extraction queue failed, but not as refused: $out"
  say "  ingest's broker user reading extraction's queue: $out"
  out=$(amqp_get extraction "$EXTRACTION_BROKER_PASSWORD" extraction) \
    || fail "the extraction broker user could not read its own queue: $out"
  out=$(amqp_get extraction "wrong-$EXTRACTION_BROKER_PASSWORD" extraction) \
    && fail "the extraction broker user got in with a wrong password: $out"
  [[ "$out" == refused:* ]] || fail "a login with a wrong password failed, but not as refused: $out"
  say "  extraction's broker user reads its queue; a wrong password is refused"
  status=$(curl -s -o /dev/null -w '%{http_code}' -u "ingest:$INGEST_BROKER_PASSWORD" "http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/api/overview")
  [[ "$status" == 401 ]] || fail "the RabbitMQ console should refuse the ingest service's user; it answered $status."
  say "  the RabbitMQ console refuses the services' users (HTTP $status)"
}

# Sends files to ingest through its gRPC port; all must be accepted. Writes the article ids to
# <name>.ids and "file-name article-id" lines to <name>.refs in the work folder.
ingest_files() {
  local name="$1" out="$work/$1.ingest.json"
  shift
  newsroom --server "$ingest" ingest "$@" --json >"$out" || true
  jq -e '.results | length > 0 and all(.outcome == "OUTCOME_ACCEPTED")' "$out" >/dev/null \
    || fail "ingest did not accept every article: $(cat "$out")"
  jq -r '.results[] | "\(.clientRef) \(.articleId)"' "$out" >"$work/$name.refs"
  awk '{ print $2 }' "$work/$name.refs" >"$work/$name.ids"
}

# One "article-id stage story-id" line per article id read from stdin (three CLI calls at a time).
statuses() {
  xargs -r -P 3 -I{} sh -c 'if status=$(dotnet "$1" --server "$2" status "$3" --json 2>/dev/null); then
      echo "$status" | jq -r "[.articleId, .stage, .storyId // \"-\"] | join(\" \")"
    else
      echo "$3 not-in-query -"
    fi' _ "$cli" "$query" {}
}

# Waits until the pipeline's queues are empty (one cheap look instead of a CLI call per article),
# then checks that every article in the file is indexed; leaves "article story" lines in
# <file>.stories.
wait_indexed() {
  local ids="$1" started depths pending
  started=$(date +%s)
  while true; do
    depths=$(docker-compose exec -T rabbitmq rabbitmqctl -q list_queues name messages | awk '$1 ~ /^(extraction|dedup|query)$/ { printf "%s %s, ", $1, $2 }')
    if [[ -n "$depths" && "$depths" != *[1-9]* ]]; then
      statuses <"$ids" >"$work/status"
      pending=$(awk '$2 != "PIPELINE_STAGE_INDEXED"' "$work/status" | wc -l)
      if ((pending == 0)); then
        awk '{ print $1, $3 }' "$work/status" >"$ids.stories"
        return 0
      fi
      depths="$pending articles not indexed"
    fi
    if (($(date +%s) - started > index_limit)); then
      fail "articles not indexed within $index_limit s ($depths): $(awk '$2 != "PIPELINE_STAGE_INDEXED" { print $1 " " $2 }' "$work/status" 2>/dev/null | head -5 | tr '\n' ';')"
    fi
    say "  waiting for the pipeline: ${depths%, } ($(($(date +%s) - started)) s)"
    sleep 3
  done
}

# The story of the seed whose file name starts with the given number.
seed_story() {
  local article
  article=$(awk -v seed="$1" 'substr($1, 1, 3) == seed { print $2 }' "$work/seeds.refs")
  awk -v id="$article" '$1 == id { print $2 }' "$work/seeds.ids.stories"
}

check_seeds() {
  ingest_files seeds "$seeds"/*.txt
  wait_indexed "$work/seeds.ids"
  local s000 s001 s002 s003 s004
  s000=$(seed_story 000) s001=$(seed_story 001) s002=$(seed_story 002) s003=$(seed_story 003) s004=$(seed_story 004)
  say "  stories: 000 $s000, 001 $s001, 002 $s002, 003 $s003, 004 $s004"
  [[ "$s002" == "$s003" ]] || fail "seeds 002 and 003 report one event but are in two stories ($s002, $s003)."
  [[ $(printf '%s\n' "$s000" "$s001" "$s002" "$s004" | sort -u | wc -l) -eq 4 ]] \
    || fail "seeds 000, 001, 002+003 and 004 are four events but share stories: $s000 $s001 $s002 $s004."

  pair_story="$s002"
  local pair_ids story count
  pair_ids=$(awk '$1 ~ /^00[23]/ { print $2 }' "$work/seeds.refs" | sort | tr '\n' ' ')
  story=$(newsroom --server "$query" story "$pair_story" --json) || fail "newsroom story $pair_story failed."
  [[ "$(jq -r '[.articles[].articleId] | sort | join(" ")' <<<"$story") " == "$pair_ids" ]] \
    || fail "story $pair_story should hold exactly $pair_ids; it holds $(jq -c '[.articles[].articleId]' <<<"$story")."
  for single in "$s000" "$s001" "$s004"; do
    count=$(newsroom --server "$query" story "$single" --json | jq '.articles | length')
    [[ "$count" == 1 ]] || fail "story $single should hold one seed article; it holds $count."
  done
  [[ "$(newsroom --server "$query" search suspend --json | jq -r '.hits[0].story.storyId')" == "$pair_story" ]] \
    || fail "a search for 'suspend' does not rank the suspension story $pair_story first."
  say "  gRPC: 002+003 are story $pair_story; 000, 001 and 004 are stories of their own; 'suspend' finds $pair_story first"
}

# Writes <count> made-up articles that carry the batch's marker word. They are alike enough for
# dedup to merge many of them; what counts is that each lands in one story, once.
synthetic_articles() {
  local folder="$1" marker="$2" count="$3"
  mkdir -p "$folder"
  python3 - "$folder" "$marker" "$count" <<'EOF'
import sys
folder, marker, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
towns = ["Arlen", "Brisk", "Corvale", "Dunmore", "Elston", "Fairhold", "Glenrock", "Harwick", "Ivydale", "Jessup", "Kelbrook"]
works = ["bridge", "library", "water plant", "rail depot", "hospital wing", "ferry terminal", "school", "power line", "market hall"]
for i in range(count):
    town, work = towns[i % len(towns)], works[i // len(towns) % len(works)]
    with open(f"{folder}/{marker}-{i:03d}.txt", "w") as article:
        article.write(
            f"{town} opens its {work} number {i} ({marker})\n\n"
            f"The {town} council opened the new {work} on day {i % 28 + 1} of the month after {i + 2} years of work, "
            f"council leader Ana Velt{i} told reporters. The {work} cost {i * 3 + 7} million and employs {i + 40} people. "
            f"Ledger entry {marker} {i}.\n\nResidents of {town} had waited since {1990 + i % 30} for it; "
            f"the vote was {i % 9 + 3} to 2.\n")
EOF
}

# How many log lines of each container of a service contain a text.
log_counts() { # service text
  local container
  for container in $(docker-compose ps -q "$1"); do
    echo "$(docker inspect -f '{{.Name}}' "$container" | sed 's#^/##') $(docker logs "$container" 2>&1 | grep -c -- "$2" || true)"
  done
}

check_scale_out() {
  docker-compose up -d --scale extraction=3 || fail "docker-compose up --scale extraction=3 failed."
  wait_healthy
  local consumers
  consumers=$(docker-compose exec -T rabbitmq rabbitmqctl -q list_queues name consumers | awk '$1 == "extraction" { print $2 }')
  [[ "$consumers" == 3 ]] || fail "the extraction queue has $consumers consumers, not 3."
  local unnamed
  unnamed=$(docker-compose ps -q | xargs docker inspect -f '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}}{{"\n"}}{{end}}{{end}}' \
    | grep -v -e "^${COMPOSE_PROJECT_NAME}_" -e '^$' || true)
  [[ -z "$unnamed" ]] || fail "containers use volumes that docker-compose.yml does not name (a VOLUME line in an image?): $unnamed"
  synthetic_articles "$work/scale" scaleout 30
  ingest_files scale "$work/scale"
  wait_indexed "$work/scale.ids"
  local id_pattern
  id_pattern="Extracted article \\($(paste -sd'|' "$work/scale.ids" | sed 's/|/\\|/g')\\)"
  log_counts extraction "$id_pattern" >"$work/scale.counts"
  say "  articles extracted by each replica: $(tr '\n' ' ' <"$work/scale.counts")"
  [[ $(wc -l <"$work/scale.counts") == 3 ]] || fail "expected 3 extraction containers, found $(wc -l <"$work/scale.counts")."
  awk '$2 == 0 { exit 1 }' "$work/scale.counts" || fail "an extraction replica took no article: $(tr '\n' ' ' <"$work/scale.counts")"
  [[ $(awk '{ n += $2 } END { print n }' "$work/scale.counts") == 30 ]] \
    || fail "the 30 articles were extracted $(awk '{ n += $2 } END { print n }' "$work/scale.counts") times in all, not once each."
}

# Kills dedup's process the way a crash would, so the restart policy must bring it back; without
# the rights for that, `docker kill` stops it as an operator would (Docker restarts such a
# container under no policy) and the test starts it again. Sets restarts_expected.
crash_dedup() {
  local container="$1" pid
  pid=$(docker inspect -f '{{.State.Pid}}' "$container")
  restarts_expected=$(($(docker inspect -f '{{.RestartCount}}' "$container") + 1))
  if [[ $(id -u) -eq 0 ]] || sudo -n true 2>/dev/null; then
    as_root kill -KILL "$pid"
    say "  killed dedup's process $pid (SIGKILL)"
  else
    docker kill "$container" >/dev/null
    say "  not root: docker kill, then docker start (the restart policy is not tested)"
    docker start "$container" >/dev/null
    restarts_expected=$((restarts_expected - 1))
  fi
}

# Dedup logs a run of decisions once it commits them (up to 64 at a time), so the batch is several runs
# long: a batch of 40 once arrived as one run and was all logged before the kill could land.
check_dedup_crash() {
  local container before processed total=200 started restarts_expected
  container=$(docker-compose ps -q dedup)
  before=$(docker logs "$container" 2>&1 | grep -c -- '-> story' || true)
  synthetic_articles "$work/crash" crashcheck "$total"
  ingest_files crash "$work/crash" &
  local ingesting=$!
  started=$(date +%s)
  until processed=$(($(docker logs "$container" 2>&1 | grep -c -- '-> story' || true) - before)) && ((processed > 0)); do
    (($(date +%s) - started < 120)) || fail "dedup processed none of the batch within 120 s."
    sleep 0.2
  done
  crash_dedup "$container"
  wait "$ingesting" || fail "ingesting the batch failed."
  ((processed < total)) || fail "dedup had finished all $total articles before it was killed; the batch must be larger to test a crash mid-stream."
  say "  dedup had clustered $processed of $total articles when it died"
  started=$(date +%s)
  until [[ "$(docker inspect -f '{{.RestartCount}} {{.State.Running}}' "$container")" == "$restarts_expected true" ]]; do
    (($(date +%s) - started < 60)) || fail "dedup did not come back within 60 s (restart policy in docker-compose.yml)."
    sleep 0.5
  done
  say "  dedup came back (restart count $restarts_expected) after $(($(date +%s) - started)) s"
  wait_healthy
  wait_indexed "$work/crash.ids"

  assert_indexed_once crash crashcheck "after dedup's crash"
}

# Every article of a batch in exactly one story, once: across the stories that hold the batch
# (found by its marker word, and each article's own story), each article appears once.
assert_indexed_once() { # name marker when
  local name="$1" marker="$2" when="$3" twice missing
  newsroom --server "$query" search "$marker" --limit 100 --json | jq -r '.hits[].story.storyId' >"$work/$name.found"
  awk '{ print $2 }' "$work/$name.ids.stories" | cat - "$work/$name.found" | sort -u >"$work/$name.stories"
  xargs -r -P 3 -I{} sh -c 'dotnet "$1" --server "$2" story "$3" --json | jq -r ".articles[].articleId" || echo "unreadable story $3"' \
    _ "$cli" "$query" {} <"$work/$name.stories" | sort >"$work/$name.members"
  grep -q '^unreadable story' "$work/$name.members" && fail "$(grep '^unreadable story' "$work/$name.members" | head -3 | tr '\n' ' ')could not be read."
  twice=$(grep -Fxf "$work/$name.ids" "$work/$name.members" | uniq -d | head -5 | tr '\n' ' ')
  missing=$(sort "$work/$name.ids" | comm -23 - <(sort -u "$work/$name.members") | head -5 | tr '\n' ' ')
  [[ -z "$twice" ]] || fail "articles indexed more than once $when: $twice"
  [[ -z "$missing" ]] || fail "articles in no story $when: $missing"
  say "  all $(wc -l <"$work/$name.ids") articles indexed once, in $(wc -l <"$work/$name.stories") stories"
}

# Dedup on PostgreSQL (deploy/compose.postgres.yml), two replicas: the one the broker lets consume
# decides a first part of a batch and is stopped; the other decides the rest from the shared state,
# so articles of the rest join stories the stopped one opened.
check_dedup_standby() {
  export COMPOSE_FILE="$root/docker-compose.yml:$root/deploy/compose.postgres.yml"
  docker-compose up -d --scale dedup=2 --scale extraction=3 --scale query=3 \
    || fail "docker-compose up with deploy/compose.postgres.yml, --scale dedup=2 and --scale query=3 failed (see above)."
  wait_healthy
  local active counts joined
  synthetic_articles "$work/standby" standbycheck 40
  mkdir -p "$work/standby/first" "$work/standby/rest"
  find "$work/standby" -maxdepth 1 -name '*.txt' | sort | head -n 12 | xargs mv -t "$work/standby/first"
  find "$work/standby" -maxdepth 1 -name '*.txt' | xargs mv -t "$work/standby/rest"
  ingest_files standby-first "$work/standby/first"
  wait_indexed "$work/standby-first.ids"
  active=$(log_counts dedup '-> story' | awk '$2 > 0 { print $1; exit }')
  [[ -n "$active" ]] || fail "neither dedup replica logged a decision for the first part of the batch."
  docker stop --time 0 "$active" >/dev/null
  say "  stopped the active dedup, $active, after the first 12 articles"
  ingest_files standby-rest "$work/standby/rest"
  wait_indexed "$work/standby-rest.ids"
  counts=$(log_counts dedup '-> story')
  awk -v active="$active" '$1 != active && $2 > 0 { found = 1 } END { exit !found }' <<<"$counts" \
    || fail "the standby dedup decided none of the batch after $active stopped: ${counts//$'\n'/, }"
  joined=$(awk 'NR == FNR { first[$2] = 1; next } ($2 in first) { n++ } END { print n + 0 }' "$work/standby-first.ids.stories" "$work/standby-rest.ids.stories")
  ((joined > 0)) || fail "no article after the switch joined a story of the first 12: the standby did not continue from the shared state."
  say "  decisions by replica: ${counts//$'\n'/, }; $joined of the 28 later articles joined stories opened before the switch"
  cat "$work/standby-first.ids" "$work/standby-rest.ids" >"$work/standby.ids"
  cat "$work/standby-first.ids.stories" "$work/standby-rest.ids.stories" >"$work/standby.ids.stories"
  assert_indexed_once standby standbycheck "after the active dedup stopped"
}

# Three query replicas on the PostgreSQL read model behind the gateway (the stack of the previous
# stage): each answers exactly what the others answer, and a watcher connected through the gateway,
# to one replica, hears of every story change, also those the other replicas indexed.
check_query_replicas() {
  local replicas container address watcher story body first="" indexers
  replicas=$(docker-compose ps -q query)
  (($(wc -l <<<"$replicas") == 3)) || fail "expected three query replicas, found: $replicas"
  newsroom --server "$query" watch --json >"$work/watch.jsonl" 2>"$work/watch.err" &
  watcher=$!
  # The CLI says so once the server has taken the call, and the replica's watcher is subscribed.
  for _ in $(seq 1 60); do
    grep -q "Watching for story updates" "$work/watch.err" && break
    sleep 1
  done
  grep -q "Watching for story updates" "$work/watch.err" || fail "newsroom watch through the gateway did not start within 60 s: $(cat "$work/watch.err")"
  synthetic_articles "$work/watched" watchcheck 9
  ingest_files watched "$work/watched"
  wait_indexed "$work/watched.ids"
  sleep 2
  kill "$watcher" 2>/dev/null || true
  while read -r article story; do
    jq -e -s --arg article "$article" --arg story "$story" 'any(.[]; .articleId == $article and .story.storyId == $story)' "$work/watch.jsonl" >/dev/null \
      || fail "the watcher (one replica, through the gateway) did not hear that $article joined $story: $(head -c 600 "$work/watch.jsonl") $(cat "$work/watch.err")"
  done <"$work/watched.ids.stories"
  # One read of each replica's log: the replicas that logged indexing any of the batch.
  indexers=$(for container in $replicas; do
      if docker logs "$container" 2>&1 | grep -F "Indexed article" | grep -Ff "$work/watched.ids" >/dev/null; then echo "$container"; fi
    done | wc -l)
  for container in $replicas; do
    address=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$container")
    body=$(for story in $(awk '{ print $2 }' "$work/standby.ids.stories" "$work/watched.ids.stories" | sort -u); do
        newsroom --server "http://$address:8080" story "$story" --json
      done
      newsroom --server "http://$address:8080" search standbycheck --json
      newsroom --server "http://$address:8080" search watchcheck council --json) \
      || fail "query replica $container ($address) did not answer."
    if [[ -z "$first" ]]; then
      first="$body"
    elif [[ "$body" != "$first" ]]; then
      diff <(echo "$first") <(echo "$body") | head -20 >&2
      fail "query replica $container answers differently from the first replica (diff above): they should share the PostgreSQL read model."
    fi
  done
  say "  3 replicas give the same stories and searches; the watcher heard all 9 changes, indexed by $indexers replicas"
}

check_json_api() {
  local http="http://127.0.0.1:$QUERY_HTTP_PORT" body
  body=$(curl -fsS "$http/v1/stories:search?query=suspend") \
    || fail "the query service's JSON API ($http/v1/stories:search) did not answer; it is served on Http__Url (container port 8081)."
  [[ "$(jq -r '.hits[0].story.storyId' <<<"$body")" == "$pair_story" ]] \
    || fail "JSON search for 'suspend' does not rank story $pair_story first: $body"
  body=$(curl -fsS "$http/v1/stories/$pair_story") || fail "GET $http/v1/stories/$pair_story failed."
  [[ "$(jq '.articles | length' <<<"$body")" == 2 ]] || fail "JSON story $pair_story should hold 2 articles: $body"
  say "  JSON: /v1/stories:search finds $pair_story first, /v1/stories/$pair_story holds 002 and 003"
}

check_metrics() {
  local service port page indexed accepted
  for service in ingest query; do
    port=$([[ $service == ingest ]] && echo "$INGEST_HTTP_PORT" || echo "$QUERY_HTTP_PORT")
    page=$(curl -fsS "http://127.0.0.1:$port/metrics") \
      || fail "$service's metrics for Prometheus (http://127.0.0.1:$port/metrics) did not answer; they are served on Http__Url (container port 8081)."
    printf '%s\n' "$page" >"$work/metrics.$service"
  done
  accepted=$(awk '/^newsroom_ingest_submissions_total\{.*outcome="accepted"/ { n += $NF } END { print n + 0 }' "$work/metrics.ingest")
  indexed=$(awk '/^newsroom_articles_total\{.*stage="indexed"/ { n += $NF } END { print n + 0 }' "$work/metrics.query")
  ((accepted > 0 && indexed > 0)) \
    || fail "/metrics should count the articles ingest accepted ($accepted) and query indexed ($indexed): $(grep '^newsroom' "$work/metrics.ingest" "$work/metrics.query" | head -10)"
  say "  /metrics: ingest counts $accepted accepted, query $indexed indexed (since their last start)"
}

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck disable=SC2046 # one package name a word
apt_install_missing $(packages_for_missing_commands jq=jq curl=curl python3=python3)
if [[ ! -f "$seeds/expected.json" ]]; then
  [[ "${CI:-}" == true ]] && fail "the seed articles are missing ($seeds): CI needs ../shared/corpus beside the checkout."
  say "The seed stories will be skipped: $seeds is missing (put the shared corpus beside the checkout)."
fi
total_started=$(now)
stage "Base images" prepare_images
stage "newsroom CLI" prepare_cli
stage "Services image" build_image
stage "Start the stack" start_stack
stage "Access control" check_access
if [[ -f "$seeds/expected.json" ]]; then
  stage "Seed articles over gRPC" check_seeds
fi
stage "Three extraction replicas" check_scale_out
stage "Dedup crash mid-stream" check_dedup_crash
if [[ -n "${pair_story:-}" ]]; then
  stage "Seed stories over JSON" check_json_api
fi
stage "Metrics for Prometheus" check_metrics
stage "Dedup standby on PostgreSQL" check_dedup_standby
stage "Query replicas on PostgreSQL" check_query_replicas
say "All compose checks passed in $(elapsed "$total_started")"
