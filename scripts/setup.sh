#!/usr/bin/env bash
# Installs what loopscope needs to build and run (`setup.sh`), or to build and test (`setup.sh --tests`),
# and nothing that is already there. Debian 12 (bookworm). Safe to run again: with everything present it
# only checks, and does no `apt-get update`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build, run and test dependencies, from Debian's archive only.
packages=(
  g++ cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-program-options1.81-dev
  libspdlog-dev libgtest-dev libgmock-dev libbenchmark-dev
)
# What only the tests use: python3 is the oracle, promtool checks /metrics, python3-websockets is the
# second, independent protocol client, chromium is the browser the page's tests drive, nginx is the
# proxy in front of two servers, python3-yaml reads the compose file and docker-compose checks it (its
# `config` needs no Docker engine, and none is installed), clang builds the fuzz target.
if [[ ${1:-} == --tests ]]; then
  packages+=(python3 python3-websockets python3-yaml docker-compose prometheus chromium nginx clang-14
             libclang-rt-14-dev)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# Node builds the page's bundle. A machine may have its own Node (with npm) installed another way:
# Debian's packages come only where the commands are missing.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The npm packages, pinned by package-lock.json: what the page's editor bundle is built from
# (`dependencies`: the editor and esbuild), and with --tests the browser tests' driver as well
# (`devDependencies`: playwright-core, which also needs a newer Node than Debian's; a build, such as the
# Docker image's, never installs it). Installed again only when the lock file changed, or when the tests
# need what a build-only install left out; the stamp records which of the two is installed.
if [[ -f package-lock.json ]]; then
  npm_scope=build npm_omit=(--omit=dev)
  if [[ ${1:-} == --tests ]]; then npm_scope=tests npm_omit=(); fi
  stamp=node_modules/.loopscope-setup
  if [[ ! -f $stamp || package-lock.json -nt $stamp || ( $npm_scope == tests && $(<"$stamp") != tests ) ]]; then
    echo "setup: installing npm packages (${npm_scope})"
    npm ci --no-audit --no-fund "${npm_omit[@]}"
    echo "$npm_scope" >"$stamp"
  fi
fi
