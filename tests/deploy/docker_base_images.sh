#!/usr/bin/env bash
# Makes sure the base images the Dockerfiles start from — debian:bookworm and debian:bookworm-slim — are
# there. An image already present is left alone; a missing one is pulled, and where no image registry
# can be reached, made: a minimal Debian 12 (debootstrap's minbase) from the Debian mirror this machine's
# apt uses, `docker import`ed under the missing names. Making them needs root and debootstrap.
# Usage: docker_base_images.sh
set -euo pipefail

missing=()
for image in debian:bookworm debian:bookworm-slim; do
  if ! docker image inspect "$image" >/dev/null 2>&1 && ! docker pull -q "$image" >/dev/null 2>&1; then
    missing+=("$image")
  fi
done
((${#missing[@]})) || exit 0
command -v debootstrap >/dev/null || { echo "docker_base_images: ${missing[*]} cannot be pulled, and debootstrap is missing"; exit 1; }

# The mirror apt uses here (deb822 first, then the one-line format); Debian's own as the fallback.
mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
if [[ -z $mirror ]]; then
  mirror=$(awk '$1 == "deb" && $3 ~ /^bookworm$/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
fi
mirror=${mirror:-http://deb.debian.org/debian}

rootfs=$(mktemp -d /tmp/loopscope-bookworm.XXXXXX)
trap 'rm -rf "$rootfs" "$rootfs.log"' EXIT
echo "docker_base_images: debootstrap bookworm from $mirror for ${missing[*]}"
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
  || { tail -20 "$rootfs.log"; exit 1; }
rm -f "$rootfs.log"
# The same package sources as this machine (updates and security too), as the registry's images have.
if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
  cp /etc/apt/sources.list.d/debian.sources "$rootfs/etc/apt/sources.list.d/"
  rm -f "$rootfs/etc/apt/sources.list"
fi
# What the registry's image leaves out too: package lists and caches.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
tar -C "$rootfs" -c . | docker import --change 'CMD ["bash"]' - "${missing[0]}" >/dev/null
for image in "${missing[@]:1}"; do docker tag "${missing[0]}" "$image"; done
echo "docker_base_images: imported ${missing[*]}"
