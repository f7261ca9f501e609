#!/usr/bin/env bash
# Builds the images that stand in for registry images on a machine that reaches no image registry
# (docker-compose.yml, deploy/Dockerfile and the broker tests default to the official ones):
#   newsroom-local/debian:bookworm        debootstrap --variant=minbase, imported (about 50 s)
#   newsroom-local/rabbitmq:3-management  Debian's rabbitmq-server + management (deploy/images/rabbitmq)
#   newsroom-local/postgres:15            Debian's postgresql-15 (deploy/images/postgres)
#   newsroom-local/haproxy:2.6            Debian's haproxy, 2.6 in bookworm (deploy/images/haproxy)
#   newsroom-local/dotnet-sdk:10.0        this machine's .NET SDK and CA certificates (deploy/images/dotnet-sdk)
#   newsroom-local/dotnet-aspnet:10.0     this machine's .NET runtime only (deploy/images/dotnet-aspnet)
# It starts a Docker daemon when none answers. Each image is labelled with a hash of its recipe
# (its files, its base image, the host's .NET versions and certificates); an image whose label
# matches is kept, so a second run takes about a second. NEWSROOM_LOCAL_PREFIX renames them all
# (default newsroom-local); DEBIAN_MIRROR picks the mirror (default http://deb.debian.org/debian).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/deploy/scripts/common.sh"

prefix="${NEWSROOM_LOCAL_PREFIX:-newsroom-local}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
dotnet_root="${DOTNET_ROOT:-/usr/share/dotnet}"
label=org.newsroom.recipe
export DOCKER_BUILDKIT=0 # the legacy builder: buildx is not installed everywhere

say() { echo "[local-images] $*"; }

# Shows the lines of a long-running command that mark its progress, keeping the rest in a log.
progress() { tee -a "$1" | { grep --line-buffered -E "$2" || true; } | sed -u 's/^/    /'; }

fail() {
  local log="$1" what="$2"
  echo "[local-images] $what failed. The last lines of $log:" >&2
  tail -n 25 "$log" | sed 's/^/    /' >&2
  echo "[local-images] $3" >&2
  exit 1
}

recipe_of() { docker image inspect -f "{{ index .Config.Labels \"$label\" }}" "$1" 2>/dev/null || true; }
image_id() { docker image inspect -f '{{.Id}}' "$1" 2>/dev/null || true; }

# Removes the image a rebuild replaced, unless a container still uses it.
drop_replaced() {
  if [[ -n "$1" && "$1" != "$(image_id "$2")" ]]; then
    docker rmi "$1" >/dev/null 2>&1 || true
  fi
}

# The Debian base: every other local image starts from it.
debian_rootfs() {
  local rootfs="$1"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror"
  # What container images conventionally carry: no service starts while packages install,
  # downloaded packages are not kept, and security and point-release updates are installable.
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
  chmod 755 "$rootfs/usr/sbin/policy-rc.d"
  echo 'APT::Keep-Downloaded-Packages "false";' >"$rootfs/etc/apt/apt.conf.d/90newsroom-no-cache"
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s-security bookworm-security main\n' \
    "$mirror" "$mirror" "$mirror" >"$rootfs/etc/apt/sources.list"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/*
}

build_debian() {
  local image="$prefix/debian:bookworm" started recipe old log rootfs
  started=$(now)
  recipe=$( { declare -f debian_rootfs; echo "$mirror"; } | sha256sum | cut -c1-16)
  if [[ "$(recipe_of "$image")" == "$recipe" ]]; then
    say "$image is up to date ($(elapsed "$started"))"
    return
  fi
  command -v debootstrap >/dev/null || apt_install_missing debootstrap
  old=$(image_id "$image")
  log=$(mktemp /tmp/newsroom-debian.XXXXXX.log)
  rootfs=$(as_root mktemp -d /var/tmp/newsroom-debian.XXXXXX)
  say "Building $image with debootstrap from $mirror (one to two minutes; log: $log)"
  as_root bash -c "$(declare -f debian_rootfs); mirror='$mirror'; set -e; debian_rootfs '$rootfs'" 2>&1 \
    | progress "$log" '(required|base|core) (packages|system)\.\.\.$|Checking component|successfully|^[EW]: ' \
    || { as_root rm -rf "$rootfs"; fail "$log" "debootstrap" "Check that $mirror answers (set DEBIAN_MIRROR to another mirror) and that /var/tmp has 400 MB free."; }
  if ! as_root tar -C "$rootfs" -c . | docker import --change 'CMD ["bash"]' --change 'ENV LANG=C.UTF-8' \
      --change "LABEL $label=$recipe" - "$image" >>"$log" 2>&1; then
    as_root rm -rf "$rootfs"
    fail "$log" "docker import" "Check that the Docker daemon has disk space (docker system df)."
  fi
  as_root rm -rf "$rootfs"
  drop_replaced "$old" "$image"
  say "Built $image in $(elapsed "$started")"
}

# Builds deploy/images/<name> FROM the Debian base. The context is a tar stream: the recipe's
# files plus the extra paths given as "directory:relative path" pairs (parts of the host's .NET).
build_from_recipe() {
  local image="$1" name="$2" host_inputs="$3" hint="$4"
  shift 4
  local started recipe old log stage base_id
  started=$(now)
  base_id=$(image_id "$prefix/debian:bookworm")
  recipe=$( { (cd "$root/deploy/images/$name" && find . -type f | LC_ALL=C sort | xargs sha256sum); echo "$base_id"; echo "$host_inputs"; } | sha256sum | cut -c1-16)
  if [[ "$(recipe_of "$image")" == "$recipe" ]]; then
    say "$image is up to date ($(elapsed "$started"))"
    return
  fi
  old=$(image_id "$image")
  log=$(mktemp "/tmp/newsroom-$name.XXXXXX.log")
  stage=$(mktemp -d)
  cp -r "$root/deploy/images/$name/." "$stage/"
  mkdir -p "$stage/ca-certificates"
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$stage/ca-certificates/"
  fi
  local tar_args=(-C "$stage" .) pair
  for pair in "$@"; do
    tar_args+=(-C "${pair%%:*}" "${pair#*:}")
  done
  say "Building $image (a minute or two; log: $log)"
  if ! tar -c "${tar_args[@]}" | docker build --force-rm --build-arg "BASE_IMAGE=$prefix/debian:bookworm" \
      --label "$label=$recipe" -t "$image" - 2>&1 | progress "$log" '^Step [0-9]+/'; then
    rm -rf "$stage"
    fail "$log" "Building $image" "$hint"
  fi
  rm -rf "$stage"
  drop_replaced "$old" "$image"
  say "Built $image in $(elapsed "$started")"
}

dotnet_versions() {
  (cd "$dotnet_root" && ls -d "$@" 2>/dev/null) | LC_ALL=C sort
}

certificates_hash() {
  cat /usr/local/share/ca-certificates/*.crt 2>/dev/null | sha256sum
}

total=$(now)
ensure_docker_daemon
build_debian

build_from_recipe "$prefix/rabbitmq:3-management" rabbitmq "" \
  "apt-get in the container could not reach $mirror, or the package changed: read the log above."

build_from_recipe "$prefix/postgres:15" postgres "" \
  "apt-get in the container could not reach $mirror, or the package changed: read the log above."

build_from_recipe "$prefix/haproxy:2.6" haproxy "" \
  "apt-get in the container could not reach $mirror, or the package changed: read the log above."

if ! compgen -G "$dotnet_root/sdk/10.*" >/dev/null || ! compgen -G "$dotnet_root/shared/Microsoft.AspNetCore.App/10.*" >/dev/null; then
  echo "[local-images] No .NET 10 SDK at $dotnet_root: install it there (or set DOTNET_ROOT to where it is), then try again." >&2
  exit 1
fi

build_from_recipe "$prefix/dotnet-sdk:10.0" dotnet-sdk \
  "$(dotnet_versions 'sdk/*' 'shared/*/*' 'packs/*/*' 'host/fxr/*'; certificates_hash)" \
  "Check the log: apt-get needs $mirror, and the SDK copy needs about 1 GB free for Docker." \
  "$(dirname "$dotnet_root"):$(basename "$dotnet_root")"

runtime_parts=()
for part in dotnet LICENSE.txt ThirdPartyNotices.txt host shared/Microsoft.NETCore.App shared/Microsoft.AspNetCore.App; do
  [[ -e "$dotnet_root/$part" ]] && runtime_parts+=("$(dirname "$dotnet_root"):$(basename "$dotnet_root")/$part")
done
build_from_recipe "$prefix/dotnet-aspnet:10.0" dotnet-aspnet \
  "$(dotnet_versions 'host/fxr/*' 'shared/Microsoft.NETCore.App/*' 'shared/Microsoft.AspNetCore.App/*')" \
  "Check the log: apt-get needs $mirror; the runtime comes from $dotnet_root." \
  "${runtime_parts[@]}"

say "All local images are ready ($(elapsed "$total"))"
