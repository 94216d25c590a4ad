// The world of one bench:scale run: a real redis-server, the fake GitHub (in this process) with 50 ms added to every
// answer, 20 installations of 5 repositories each, and N replicas of the built bot sharing the Redis.
import { startBot, type BotProcess } from '../e2e/bot/bot-process.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github/index.js'
import { generateTestAppKey, type TestAppKey } from '../support/generate-test-app-key.js'
import { startRedisServer, type RedisServer } from '../support/redis-server.js'
import type { BenchRepo } from './bench-bot-world.js'
import { isIdle } from './bench-bot-world.js'

export const APP_ID = 4343
export const INSTALLATIONS = 20
export const REPOS_PER_INSTALLATION = 5
export const LATENCY_MS = 50
/**
 * Jobs per replica at once (`BENCH_SCALE_WORKERS`, default 4). The fake GitHub, the senders and every replica share
 * this machine's cores: with the production default of 16, one replica already saturates a 2-core machine and a
 * second one can only share the same cores. With 4, a replica's throughput is bounded by its workers waiting 50 ms per
 * call, as a replica on its own machine is by GitHub's latency, so the run measures what a replica adds.
 */
export const WORKERS = process.env['BENCH_SCALE_WORKERS'] ?? '4'

export interface ScaleWorld {
  readonly gh: FakeGitHub
  readonly replicas: readonly BotProcess[]
  readonly repos: readonly BenchRepo[]
  /** Health of every replica: all `ok`, and the shared queue empty. */
  isIdle(): Promise<boolean>
  close(): Promise<void>
}

let key: TestAppKey | undefined

export async function startScaleWorld(replicaCount: number): Promise<ScaleWorld> {
  key ??= generateTestAppKey()
  const appKey = key
  const redis: RedisServer = await startRedisServer()
  const gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey.publicKeyPem, latencyMs: LATENCY_MS })
  const repos: BenchRepo[] = []
  for (let i = 1; i <= INSTALLATIONS; i++) {
    const account = `org-${String(i).padStart(2, '0')}`
    const installationId = 1000 + i
    const created = []
    for (let r = 1; r <= REPOS_PER_INSTALLATION; r++) {
      const repo = gh.createRepository(`${account}/repo-${r}`, { defaultBranch: 'main' })
      repo.commit({ files: { 'README.md': `# ${repo.fullName}\n` }, message: 'Initial commit' })
      created.push(repo)
      repos.push({ repo, installationId })
    }
    gh.addInstallation({ id: installationId, account, repositories: created })
  }
  // Replicas run with the image's NODE_OPTIONS; BENCH_SCALE_NODE_OPTIONS adds to them (a later flag wins): with
  // '--max-old-space-size=96' it shows whether memory is held (a leak) or only not yet collected.
  const nodeOptions = process.env['BENCH_SCALE_NODE_OPTIONS'] ?? ''
  // BENCH_SCALE_ENV='MALLOC_ARENA_MAX=2 …' adds variables to the replicas' environment, for experiments.
  const extra = Object.fromEntries((process.env['BENCH_SCALE_ENV'] ?? '').split(' ').filter((kv) => kv.includes('=')).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
  const env = { REDIS_URL: redis.url, GUARD_WORKERS: WORKERS, LOG_LEVEL: 'info', GUARD_REDELIVERY_INTERVAL_SECONDS: '0', ...(nodeOptions === '' ? {} : { NODE_OPTIONS: nodeOptions }), ...extra }
  const replicas: BotProcess[] = []
  try {
    for (let n = 0; n < replicaCount; n++) replicas.push(await startBot(gh, appKey, { appId: APP_ID, env }))
  } catch (error: unknown) {
    for (const replica of replicas) await replica.stop()
    await gh.close()
    await redis.stop()
    throw error
  }
  return {
    gh,
    replicas,
    repos,
    async isIdle() {
      for (const replica of replicas) {
        const health = (await (await fetch(new URL('/localstack-guard/health', replica.url))).json()) as { status: string; jobs: Record<string, number> }
        if (health.status !== 'ok' || !isIdle(health.jobs)) return false
      }
      return true
    },
    async close() {
      for (const replica of replicas) await replica.stop()
      await gh.close()
      await redis.stop()
    },
  }
}
