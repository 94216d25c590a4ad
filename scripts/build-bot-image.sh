#!/usr/bin/env bash
# Builds the bot's image against the local Docker engine without any registry, then smoke-tests it: the container
# starts as a non-root user, /localstack-guard/health answers 200, and without WEBHOOK_SECRET it refuses to start.
# Usage: scripts/build-bot-image.sh [TAG]   (default localstack-guard:local). Needs `npm ci` done (node_modules).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tag="${1:-localstack-guard:local}"
base_tag="localstack-guard-node:24"
node_bin="$(readlink -f "${NODE_BINARY:-$repo/node_modules/node/bin/node}")"
[ -x "$node_bin" ] || { echo "build-bot-image: no node binary at $node_bin (run npm ci)" >&2; exit 1; }

work="$(mktemp -d)"
container=""
cleanup() {
  [ -n "$container" ] && docker rm -f "$container" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# 1. The base image: Node 24 and the libraries it links, an unprivileged user (10001), /tmp. Nothing else: no shell.
rootfs="$work/rootfs"
mkdir -p "$rootfs/usr/bin" "$rootfs/tmp" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"
cp "$node_bin" "$rootfs/usr/bin/node"
for lib in $(ldd "$node_bin" | grep -oE '/[^ ]+'); do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done
printf 'root:x:0:0:root:/root:/bin/false\nguard:x:10001:10001:localstack-guard:/app:/bin/false\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nguard:x:10001:\n' > "$rootfs/etc/group"
echo "127.0.0.1 localhost" > "$rootfs/etc/hosts"
tar -C "$rootfs" -c . | docker import --change 'ENV PATH=/usr/bin' - "$base_tag" >/dev/null
echo "build-bot-image: base $base_tag from $node_bin"

# 2. The build context: sources, the compiler, and the production dependencies only.
ctx="$work/context"
mkdir -p "$ctx/toolchain" "$ctx/data"
cp -r "$repo/Dockerfile" "$repo/package.json" "$repo/package-lock.json" "$repo/app.yml" "$repo/src" "$repo/bot" "$ctx/"
cp -rL "$repo/node_modules/typescript" "$ctx/toolchain/typescript"
cat > "$ctx/tsconfig.image.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2024", "lib": ["ES2024"], "module": "NodeNext", "moduleResolution": "NodeNext", "types": [],
    "noCheck": true, "skipLibCheck": true, "isolatedModules": true, "verbatimModuleSyntax": true,
    "resolveJsonModule": true, "outDir": "build", "rootDir": "."
  },
  "include": ["src", "bot"]
}
JSON
(cd "$ctx" && npm ci --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null)
rm -f "$ctx/package-lock.json"

# 3. The image.
docker build -q -t "$tag" --build-arg "BASE_IMAGE=$base_tag" "$ctx" >/dev/null
echo "build-bot-image: built $tag ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}'))"

# 4. Smoke test, on the host network (the CI engine runs without a bridge).
[ "$(docker image inspect -f '{{.Config.User}}' "$tag")" = "10001:10001" ] || { echo "build-bot-image: the image does not run as user 10001" >&2; exit 1; }
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
key="$(node -e "console.log(require('crypto').generateKeyPairSync('rsa',{modulusLength:2048}).privateKey.export({type:'pkcs1',format:'pem'}))")"
secret="$(node -e "console.log(require('crypto').randomBytes(20).toString('hex'))")"
common=(--network host -e "PORT=$port" -e APP_ID=1 -e "PRIVATE_KEY=$key" -e GUARD_REDELIVERY_INTERVAL_SECONDS=0)

if out="$(timeout 60 docker run --rm "${common[@]}" "$tag" 2>&1)"; then
  echo "build-bot-image: the image started without WEBHOOK_SECRET; it must refuse" >&2; exit 1
fi
grep -q 'refuses to start without a webhook secret' <<<"$out" || { echo "build-bot-image: unexpected refusal: $out" >&2; exit 1; }
echo "build-bot-image: without WEBHOOK_SECRET it refuses to start, and says so"

container="$(docker run -d "${common[@]}" -e "WEBHOOK_SECRET=$secret" "$tag")"
for _ in $(seq 1 60); do
  if body="$(curl -fsS "http://127.0.0.1:$port/localstack-guard/health" 2>/dev/null)"; then break; fi
  [ "$(docker inspect -f '{{.State.Running}}' "$container")" = true ] || break
  sleep 0.5
done
if ! grep -q '"status":"ok"' <<<"${body:-}"; then
  echo "build-bot-image: /localstack-guard/health did not answer ok; container log:" >&2
  docker logs "$container" 2>&1 | tail -n 30 >&2
  exit 1
fi
echo "build-bot-image: /localstack-guard/health answered $body"
for _ in $(seq 1 40); do
  status="$(docker inspect -f '{{.State.Health.Status}}' "$container")"
  [ "$status" = healthy ] && break
  sleep 1
done
[ "$status" = healthy ] || { echo "build-bot-image: Docker's health check says '$status', not healthy" >&2; docker inspect -f '{{json .State.Health}}' "$container" >&2; exit 1; }
echo "build-bot-image: Docker's health check says healthy"
curl -fsS "http://127.0.0.1:$port/metrics" | grep -q '^# TYPE localstack_guard_jobs_total counter' || { echo "build-bot-image: /metrics did not answer" >&2; exit 1; }
docker stop -t 10 "$container" >/dev/null
echo "build-bot-image: $tag passed its smoke test"
