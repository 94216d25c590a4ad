# The bot's image (README: "Running it"). Build it with scripts/build-bot-image.sh, which prepares the context:
# no registry is needed. The base image holds only this machine's Node binary and the libraries it links (made with
# `docker import`, as the Action's stand-in emulator is); the context holds the sources, the TypeScript compiler and
# the production dependencies (`npm ci --omit=dev`).
ARG BASE_IMAGE=localstack-guard-node:24

# ---- Stage 1: compile the bot (TypeScript → build/), without type checking: CI type-checks before it builds.
FROM ${BASE_IMAGE} AS build
WORKDIR /app
COPY toolchain/typescript ./toolchain/typescript
COPY tsconfig.image.json package.json ./
COPY src ./src
COPY bot ./bot
RUN ["/usr/bin/node", "toolchain/typescript/bin/tsc", "-p", "tsconfig.image.json"]

# ---- Stage 2: the runtime: compiled code, production dependencies, a non-root user, the state on a volume.
FROM ${BASE_IMAGE}
WORKDIR /app
COPY package.json app.yml ./
COPY node_modules ./node_modules
COPY --from=build /app/build ./build
# The SQLite state (GUARD_DATABASE_PATH) lives on this volume, owned by the bot's user; mount it to keep state.
COPY --chown=10001:10001 data /data
# NODE_OPTIONS sizes the main thread's V8 heap for the bot, not for the host (README: "Running it", memory). Left to
# itself, Node 24 on a 24 GiB host took a 4 GiB limit, 64 MiB semi-spaces, and V8's largest old-space growing factor
# (4x what survived the last full collection; a smaller limit scales it down: V8's src/heap/heap-controller.cc), so
# RSS climbed with each burst to the largest heap yet while only ~30 MiB was live. The 1 GiB ceiling still holds two
# of GitHub's 100 MB blobs being read at once (about 270 MB of strings each).
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=1024 --max-semi-space-size=16" \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json \
    GUARD_DATABASE_PATH=/data/localstack-guard.sqlite
VOLUME ["/data"]
EXPOSE 3000
USER 10001:10001
# Docker's own view of readiness (docker ps, Compose's service_healthy): the health endpoint, asked by node itself
# since the image has no shell or curl. It answers 200 only when the state store and the queue answer.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["/usr/bin/node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/localstack-guard/health', { signal: AbortSignal.timeout(2500) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# No shell in the image: the exec form, and SIGTERM reaches node directly (graceful shutdown).
ENTRYPOINT ["/usr/bin/node", "build/bot/main.js"]
