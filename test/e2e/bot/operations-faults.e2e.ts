import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub, type FakeRepository } from '../../fakes/fake-github/index.js'
import { generateToken } from '../../support/generate-token.js'
import { startRedisServer, type RedisServer } from '../../support/redis-server.js'
import { APP_ID, appKey, headOf, INSTALLATION_ID } from './bot-fixture.js'
import { startBot, waitFor, type BotProcess } from './bot-process.js'

/** Waits until a replica reports a healthy store and an empty queue (a 503 during an outage does not count). */
async function settle(bot: BotProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last: string
  for (;;) {
    try {
      const response = await fetch(new URL('/localstack-guard/health', bot.url), { signal: AbortSignal.timeout(5000) })
      last = await response.text()
      const health = JSON.parse(last) as { status: string; jobs: Record<string, number> }
      if (health.status === 'ok' && (health.jobs['pending'] ?? 0) === 0 && (health.jobs['running'] ?? 0) === 0) return
    } catch (error: unknown) {
      last = String(error)
    }
    if (Date.now() > deadline) throw new Error(`not settled after ${timeoutMs} ms: ${last}\n${bot.output().slice(-3000)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function leakCommit(repo: FakeRepository, tokens: string[], path = 'ci.env'): { before: string; after: string } {
  const token = generateToken('lsci-')
  tokens.push(token)
  const before = headOf(repo)
  return { before, after: repo.commit({ files: { [path]: `LOCALSTACK_AUTH_TOKEN=${token}\n` } }) }
}

describe('faults, with real parts', () => {
  let gh: FakeGitHub
  let redis: RedisServer | undefined
  let bots: BotProcess[] = []
  let dir: string
  const tokens: string[] = []

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guard-faults-'))
  })

  afterEach(async () => {
    const sent = gh.requests.map((request) => `${request.path} ${request.body}`).join('\n')
    const printed = bots.map((bot) => bot.output()).join('\n')
    for (const bot of bots) await bot.stop()
    await redis?.stop()
    await gh.close()
    rmSync(dir, { recursive: true, force: true })
    expect(gh.violations).toEqual([])
    for (const token of tokens) {
      expect(sent).not.toContain(token)
      expect(printed).not.toContain(token)
    }
    tokens.length = 0
    bots = []
    redis = undefined
  })

  async function world(latencyMs: number, repoNames: string[]): Promise<FakeRepository[]> {
    gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem, latencyMs, limits: { retryAfterSeconds: 1 } })
    const repos = repoNames.map((name) => gh.createRepository(name, { defaultBranch: 'main' }))
    for (const repo of repos) repo.commit({ files: { 'README.md': '# readme\n' } })
    gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: repos })
    return repos
  }

  it.each(['sqlite', 'redis'] as const)('kill -9 right after answering a delivery, then a restart: the leak still gets its incident (%s)', async (mode) => {
    const [repo] = await world(200, ['acme/app'])
    if (mode === 'redis') redis = await startRedisServer()
    const env: Record<string, string> = mode === 'redis' ? { REDIS_URL: redis!.url } : {}
    const options = { appId: APP_ID, env, databasePath: join(dir, 'state.sqlite') }
    const first = await startBot(gh, appKey(), options)
    bots.push(first)
    const { before, after } = leakCommit(repo!, tokens)
    expect((await first.deliver('push', 'kill-1', gh.pushPayload(repo!, { ref: 'refs/heads/main', before, after }))).status).toBe(200)
    await first.kill()
    expect(gh.issues(repo!)).toHaveLength(0)
    const second = await startBot(gh, appKey(), options)
    bots.push(second)
    await settle(second, 60_000)
    expect(gh.issues(repo!)).toHaveLength(1)
    expect(gh.checkRuns(repo!).map((run) => run.headSha)).toEqual([after])
  })

  it('Redis restarted in the middle of a burst: the replicas reconnect and finish, nothing lost, nothing done twice', async () => {
    const repos = await world(50, ['acme/app', 'acme/api', 'acme/web'])
    const dataDir = join(dir, 'redis')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(dataDir)
    redis = await startRedisServer({ dataDir })
    const port = Number(new URL(redis.url).port)
    const env = { REDIS_URL: redis.url, GUARD_WORKERS: '4' }
    bots = [await startBot(gh, appKey(), { appId: APP_ID, env }), await startBot(gh, appKey(), { appId: APP_ID, env })]
    const commits: string[] = []
    const payloads = Array.from({ length: 24 }, (_, index) => {
      const repo = repos[index % repos.length]!
      const { before, after } = leakCommit(repo, tokens, `config/${index}.env`)
      commits.push(after)
      return gh.pushPayload(repo, { ref: 'refs/heads/main', before, after })
    })
    const answers = await Promise.all(payloads.map((payload, index) => bots[index % 2]!.deliver('push', `burst-${index}`, payload)))
    expect(answers.map((answer) => answer.status)).toEqual(payloads.map(() => 200))
    const checkRuns = () => repos.flatMap((repo) => gh.checkRuns(repo))
    await waitFor(() => checkRuns().length >= 3, { timeoutMs: 30_000, what: () => 'the burst to start' })
    await redis.stop()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    redis = await startRedisServer({ port, dataDir })
    await settle(bots[0]!, 120_000)
    await settle(bots[1]!, 10_000)
    expect(repos.flatMap((repo) => gh.issues(repo))).toHaveLength(24)
    expect(checkRuns().map((run) => run.headSha).sort()).toEqual([...commits].sort())
    for (const bot of bots) expect(bot.output()).toContain('scan.completed')
  })
})
