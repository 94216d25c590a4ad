import { startFakeGitHub, type FakeGitHub, type FakeRepository } from '../../fakes/fake-github/index.js'
import { generateToken } from '../../support/generate-token.js'
import { startRedisServer, type RedisServer } from '../../support/redis-server.js'
import { APP_ID, appKey, headOf, INSTALLATION_ID } from './bot-fixture.js'
import { startBot, type BotProcess } from './bot-process.js'

/** Waits until no replica reports a pending or running job (they share one queue, so one answer suffices). */
async function settle(bot: BotProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const health = (await (await fetch(new URL('/localstack-guard/health', bot.url))).json()) as { backend: string; jobs: Record<string, number> }
    expect(health.backend).toBe('redis')
    if ((health.jobs['pending'] ?? 0) === 0 && (health.jobs['running'] ?? 0) === 0) return
    if (Date.now() > deadline) throw new Error(`jobs still queued after ${timeoutMs} ms: ${JSON.stringify(health.jobs)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('the scaled mode: two replicas sharing state and queue in a real redis-server', () => {
  let redis: RedisServer
  let gh: FakeGitHub
  let replicas: BotProcess[]
  let repos: FakeRepository[]
  const tokens: string[] = []

  beforeEach(async () => {
    redis = await startRedisServer()
    gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem, limits: { retryAfterSeconds: 1 } })
    repos = ['acme/app', 'acme/api', 'acme/web'].map((name) => gh.createRepository(name, { defaultBranch: 'main' }))
    for (const repo of repos) repo.commit({ files: { 'README.md': '# readme\n' } })
    gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: repos })
    const env = { REDIS_URL: redis.url, GUARD_WORKERS: '2' }
    replicas = [await startBot(gh, appKey(), { appId: APP_ID, env }), await startBot(gh, appKey(), { appId: APP_ID, env })]
  })

  afterEach(async () => {
    const sent = gh.requests.map((request) => `${request.path} ${JSON.stringify(request.query)} ${request.body}`).join('\n')
    const printed = replicas.map((replica) => replica.output()).join('\n')
    for (const replica of replicas) await replica.stop()
    await gh.close()
    await redis.stop()
    expect(gh.violations).toEqual([])
    for (const raw of tokens) {
      expect(sent).not.toContain(raw)
      expect(printed).not.toContain(raw)
    }
    tokens.length = 0
  })

  it('makes one incident of one token pushed through different replicas, and ignores a redelivery to the other one', async () => {
    const leaked = generateToken('lsci-')
    tokens.push(leaked)
    const pushes = repos.map((repo) => {
      const before = headOf(repo)
      const after = repo.commit({ files: { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
      return gh.pushPayload(repo, { ref: 'refs/heads/main', before, after })
    })
    const answers = await Promise.all(pushes.map((payload, index) => replicas[index % 2]!.deliver('push', `scaled-${index}`, payload)))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200])
    await settle(replicas[0]!)
    const requestsBefore = gh.requests.filter((request) => request.operation !== 'GET /app/hook/deliveries').length
    expect((await replicas[1]!.deliver('push', 'scaled-0', pushes[0])).status).toBe(200)
    await settle(replicas[0]!)
    expect(gh.requests.filter((request) => request.operation !== 'GET /app/hook/deliveries').length).toBe(requestsBefore)
    const issues = repos.flatMap((repo) => gh.issues(repo))
    expect(issues).toHaveLength(1)
    // One issue, in the first repository: it lists only that repository's locations (readers of one private
    // repository do not learn the file names of another) and counts the rest.
    const listed = repos.filter((repo) => issues[0]?.body?.includes(`/${repo.fullName}/blob/`))
    expect(listed).toHaveLength(1)
    expect(issues[0]?.body).toContain('Seen in 2 more places in repositories whose readers may differ')
    expect(repos.map((repo) => gh.checkRuns(repo).length)).toEqual([1, 1, 1])
  })

  it('shares a burst between replicas: every leak gets exactly one incident and one check run', async () => {
    const deliveries = Array.from({ length: 12 }, (_, index) => {
      const repo = repos[index % repos.length]!
      const leaked = generateToken(index % 2 === 0 ? 'ls-' : 'lsci-')
      tokens.push(leaked)
      const before = headOf(repo)
      const after = repo.commit({ files: { [`config/${index}.env`]: `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
      return gh.pushPayload(repo, { ref: 'refs/heads/main', before, after })
    })
    const answers = await Promise.all(deliveries.map((payload, index) => replicas[index % 2]!.deliver('push', `burst-${index}`, payload)))
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
    await settle(replicas[1]!)
    expect(repos.flatMap((repo) => gh.issues(repo))).toHaveLength(12)
    expect(repos.flatMap((repo) => gh.checkRuns(repo))).toHaveLength(12)
    // Both replicas did work: the queue is shared, not merely replicated.
    for (const replica of replicas) expect(replica.output()).toContain('scan.completed')
  })
})
