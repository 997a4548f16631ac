#!/usr/bin/env bash
# The image and the compose file against a real Docker engine, as a user meets them: the base images
# (made with debootstrap where no registry answers), `docker build`, `docker run` until HEALTHCHECK says
# healthy, a websocket gather through the published port, `docker stop` during a live run (exit 0, fast),
# then compose with each Compose there is (docker-compose 1.29, `docker compose`): up, a gather through
# nginx, one replica killed and every next request through nginx answered within 3 s, down.
# Everything is reached on 127.0.0.1 (published ports); the containers talk among themselves on the
# engine's own bridge networks.
#
# Usage: docker_smoke.sh [--ctest]
#   Where no Docker engine answers it says why it skips and exits 0 (77 with --ctest, CTest's
#   SKIP_RETURN_CODE). With --ctest it also skips unless LOOPSCOPE_DOCKER_TESTS=1: the image's build
#   takes 15-20 minutes on two cores, too long for every run of the suite (README, "Docker").
#   EXTRA_CA_CERTS: PEM text passed to the builds (docker/Dockerfile says why). Unset, the certificates
#   this host trusts beyond Node's own are passed: a TLS-intercepting proxy's CA where there is one.
set -euo pipefail
cd "$(dirname "$0")/../.."

skip_status=0
[[ ${1:-} == --ctest ]] && skip_status=77
skip() { echo "docker_smoke: SKIPPED: $*"; exit "$skip_status"; }
fail() { echo "docker_smoke: FAILED: $*"; exit 1; }
say() { echo "docker_smoke: [${SECONDS}s] $*"; }

if [[ ${1:-} == --ctest && ${LOOPSCOPE_DOCKER_TESTS:-} != 1 ]]; then
  skip "LOOPSCOPE_DOCKER_TESTS=1 is not set (it builds the image: 15-20 minutes on two cores)"
fi
command -v docker >/dev/null || skip "there is no docker command (Debian: apt-get install docker.io, start dockerd)"
engine=$(timeout 20 docker version --format '{{.Server.Version}}' 2>/dev/null) \
  || skip "no Docker engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock} (start dockerd)"

composes=()
if docker compose version >/dev/null 2>&1; then composes+=("docker compose"); fi
if command -v docker-compose >/dev/null; then composes+=("docker-compose"); fi
((${#composes[@]})) || fail "neither docker-compose nor docker compose is installed (Debian: apt-get install docker-compose)"
python=${PYTHON:-/usr/bin/python3}
"$python" -c "import websockets" 2>/dev/null \
  || fail "$python cannot import websockets (scripts/setup.sh --tests installs python3-websockets)"
client() { PYTHONPATH=tests/support "$python" tests/deploy/docker_smoke_client.py "$@"; }
free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Polls a condition once a second until it holds or `seconds` have passed.
wait_until() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    ((SECONDS < deadline)) || fail "$what: not within ${seconds} s"
    sleep 1
  done
}
healthy() { [[ $(docker inspect -f '{{.State.Health.Status}}' "$1" 2>/dev/null) == healthy ]]; }

logs=$(mktemp -d /tmp/loopscope-docker-smoke.XXXXXX)
container=loopscope-smoke-$$
project=loopscope-smoke-$$
compose_up=()
cleanup() {
  docker rm -f "$container" >/dev/null 2>&1 || true
  if ((${#compose_up[@]})); then "${compose_up[@]}" down --remove-orphans >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'echo "docker_smoke: FAILED at line ${LINENO} of $0"' ERR
say "Docker engine ${engine}; Compose: ${composes[*]}; logs in ${logs}"

# Base images, and the CA for the builds' npm.
tests/deploy/docker_base_images.sh
if [[ -z ${EXTRA_CA_CERTS+set} ]]; then
  EXTRA_CA_CERTS=""
  if command -v node >/dev/null && [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then
    EXTRA_CA_CERTS=$(node tests/deploy/extra_ca_certs.mjs /etc/ssl/certs/ca-certificates.crt)
  fi
fi
export EXTRA_CA_CERTS
say "base images there; passing $(grep -c 'BEGIN CERTIFICATE' <<<"$EXTRA_CA_CERTS" || true) extra CA certificates to the builds"

# The image on its own.
docker build --build-arg EXTRA_CA_CERTS -f docker/Dockerfile -t loopscope:latest . >"$logs/build.log" 2>&1 \
  || { tail -40 "$logs/build.log"; fail "docker build (the whole log: $logs/build.log)"; }
say "built loopscope:latest ($(docker image inspect -f '{{.Size}}' loopscope:latest | awk '{ printf "%.0f MB", $1 / 1e6 }'))"
docker run -d --name "$container" -p 127.0.0.1::8080 loopscope:latest >/dev/null
port=$(docker port "$container" 8080/tcp | head -1)
port=${port##*:}
started=$SECONDS
wait_until 60 "the container becomes healthy" healthy "$container"
say "docker run: healthy after $((SECONDS - started)) s, published on 127.0.0.1:${port}"
client gather "$port"
client stop-with-live-run "$port" "$container"
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$container")
[[ $exit_code == 0 ]] || { docker logs "$container" | tail -20; fail "the container exited with ${exit_code}"; }
say "the container exited 0; its last log line: $(docker logs "$container" 2>&1 | tail -1)"
docker rm "$container" >/dev/null

# Two replicas behind nginx, with each Compose there is.
for compose in "${composes[@]}"; do
  read -ra tool <<<"$compose"
  publish=$(free_port)
  compose_up=(env LOOPSCOPE_PUBLISH="127.0.0.1:${publish}" "${tool[@]}" -p "$project" -f docker/compose.yaml)
  "${compose_up[@]}" up -d --build >"$logs/compose-up.log" 2>&1 \
    || { tail -40 "$logs/compose-up.log"; fail "$compose up (the whole log: $logs/compose-up.log)"; }
  replica_a=$("${compose_up[@]}" ps -q loopscope-a)
  replica_b=$("${compose_up[@]}" ps -q loopscope-b)
  started=$SECONDS
  wait_until 60 "both replicas become healthy" eval 'healthy "$replica_a" && healthy "$replica_b"'
  wait_until 30 "nginx answers /healthz" client answers "$publish"
  say "$compose up: both replicas healthy and nginx answering after $((SECONDS - started)) s on 127.0.0.1:${publish}"
  client gather "$publish"
  client requests "$publish" 4
  docker kill "$replica_a" >/dev/null
  say "killed loopscope-a; at once:"
  client requests "$publish" 12
  client gather "$publish"
  say "loopscope-a is now: $(docker inspect -f '{{.State.Status}}, restarted {{.RestartCount}} times' "$replica_a")"
  started=$SECONDS
  "${compose_up[@]}" down --remove-orphans >"$logs/compose-down.log" 2>&1 \
    || { cat "$logs/compose-down.log"; fail "$compose down"; }
  compose_up=()
  say "$compose down: exit 0 after $((SECONDS - started)) s"
done
say "PASSED"
rm -rf "$logs"
