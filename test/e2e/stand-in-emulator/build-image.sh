#!/usr/bin/env bash
# Builds the stand-in LocalStack image for the e2e tests without any registry: a root filesystem holding
# this machine's Node binary, the shared libraries it links (incl. the dynamic loader) and emulator.mjs, imported
# with `docker import`. Usage: build-image.sh [TAG]   (default localstack-stand-in:test)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
tag="${1:-localstack-stand-in:test}"
node_bin="$(readlink -f "${NODE_BINARY:-$repo/node_modules/node/bin/node}")"
[ -x "$node_bin" ] || { echo "build-image: no node binary at $node_bin (run npm ci)" >&2; exit 1; }

rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT
mkdir -p "$rootfs/usr/bin" "$rootfs/tmp" "$rootfs/etc" "$rootfs/var/lib/localstack" "$rootfs/var/run"
chmod 1777 "$rootfs/tmp"
cp "$node_bin" "$rootfs/usr/bin/node"
cp "$here/emulator.mjs" "$rootfs/emulator.mjs"
# Every library `ldd` names, at the same path, so the ELF interpreter and rpath lookups work unchanged.
for lib in $(ldd "$node_bin" | grep -oE '/[^ ]+'); do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done
echo 'root:x:0:0:root:/root:/bin/false' > "$rootfs/etc/passwd"
echo "127.0.0.1 localhost" > "$rootfs/etc/hosts"

tar -C "$rootfs" -c . | docker import \
  --change 'ENTRYPOINT ["/usr/bin/node", "/emulator.mjs"]' \
  --change 'ENV PATH=/usr/bin' \
  - "$tag" >/dev/null
echo "build-image: built $tag from $node_bin"
