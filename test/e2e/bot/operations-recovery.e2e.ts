import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub } from '../../fakes/fake-github/index.js'
import { freePort } from '../../support/free-port.js'
import { generateToken } from '../../support/generate-token.js'
import { startRedisServer, type RedisServer } from '../../support/redis-server.js'
import { APP_ID, appKey, closeAndCheck, headOf, INSTALLATION_ID, startWorld, type BotWorld } from './bot-fixture.js'
import { waitFor } from './bot-process.js'
import { spawnBot, type SpawnedBot } from './spawn-bot.js'

const SECRET = 'operations-e2e-webhook-secret'

async function text(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
  return { status: response.status, body: await response.text() }
}

describe('recovering what was missed', () => {
  let gh: FakeGitHub | undefined
  let bot: SpawnedBot | undefined
  let dir: string | undefined
  let world: BotWorld | undefined
  let redis: RedisServer | undefined

  afterEach(async () => {
    await bot?.stop()
    await gh?.close()
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
    if (world !== undefined) await world.close()
    await redis?.stop()
    gh = bot = dir = world = redis = undefined
  })

  it('redelivers, once started, the deliveries that failed while it was down', async () => {
    gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem })
    const repos = ['acme/app', 'acme/api'].map((name) => gh!.createRepository(name, { defaultBranch: 'main' }))
    const befores = repos.map((repo) => repo.commit({ files: { 'README.md': '# readme\n' } }))
    gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: repos })
    const port = await freePort()
    gh.setWebhook({ url: `http://127.0.0.1:${port}/api/github/webhooks`, secret: SECRET })
    const tokens = repos.map(() => generateToken('lsci-'))
    for (const [index, repo] of repos.entries()) {
      const after = repo.commit({ files: { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${tokens[index]}\n` } })
      const delivered = await gh.deliverWebhook('push', gh.pushPayload(repo, { ref: 'refs/heads/main', before: befores[index]!, after }))
      expect(delivered.status).toBe('failed to connect to host')
    }
    dir = mkdtempSync(join(tmpdir(), 'guard-redelivery-'))
    const env = { APP_ID: String(APP_ID), PRIVATE_KEY: appKey().privateKeyPem, WEBHOOK_SECRET: SECRET, GHE_HOST: gh.host, GHE_PROTOCOL: 'http', GUARD_DATABASE_PATH: join(dir, 'state.sqlite') }
    bot = await spawnBot({ env, port })
    const fake = gh
    const started = bot
    await waitFor(() => repos.every((repo) => fake.issues(repo).length === 1), { timeoutMs: 30_000, what: () => `both incidents after redelivery:\n${started.output().slice(-3000)}` })
    const redeliveries = gh.hookDeliveries.filter((delivery) => delivery.redelivery)
    expect(redeliveries.map((delivery) => delivery.status)).toEqual(['OK', 'OK'])
    expect(new Set(redeliveries.map((delivery) => delivery.guid))).toEqual(new Set(gh.hookDeliveries.filter((delivery) => !delivery.redelivery).map((delivery) => delivery.guid)))
    expect(bot.output()).toContain('webhook.redelivery-requested')
    expect(gh.violations).toEqual([])
    for (const token of tokens) expect(bot.output()).not.toContain(token)
  })

  it('catches, on its periodic ref sweep, a leak that no push event announced (four tags pushed at once send none)', async () => {
    world = await startWorld({ botEnv: { GUARD_REF_SWEEP_INTERVAL_SECONDS: '2' } })
    const leaked = generateToken('lsci-')
    world.app.createBranch('release', headOf(world.app))
    const after = world.app.commit({ branch: 'release', files: { 'deploy.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    for (const tag of ['v1.0.0', 'v1.0.1', 'v1.0.2', 'v1.0.3']) world.app.tag(tag, after)
    const current = world
    await waitFor(() => current.gh.issues('acme/app').length === 1, { timeoutMs: 20_000, what: () => `the swept incident:\n${current.bot.output().slice(-3000)}` })
    await world.settle()
    expect(world.gh.checkRuns('acme/app').map((run) => run.headSha)).toEqual([after])
    expect(world.bot.output()).toContain('"event":"ref-sweep.completed"')
    const readsBefore = world.gh.requests.filter((request) => request.path.includes('/commits') || request.path.includes('/compare')).length
    await waitFor(() => (current.bot.output().match(/"event":"ref-sweep.completed"/g) ?? []).length >= 2, { timeoutMs: 10_000, what: () => 'a second sweep' })
    await world.settle()
    // A second sweep finds every head scanned: it costs its listing reads only, no diff and no write.
    expect(world.gh.requests.filter((request) => request.path.includes('/commits') || request.path.includes('/compare')).length).toBe(readsBefore)
    expect(world.gh.issues('acme/app')).toHaveLength(1)
    world = undefined
    await closeAndCheck(current, [leaked])
  })

  it.each(['sqlite', 'redis'] as const)('dead-letters a job that fails every attempt: a log line, a metric, and a failed check run saying the commit was not scanned (%s)', async (mode) => {
    redis = mode === 'redis' ? await startRedisServer() : undefined
    world = await startWorld({ botEnv: { GUARD_JOB_ATTEMPTS: '2', GUARD_JOB_RETRY_BASE_MS: '50', ...(redis === undefined ? {} : { REDIS_URL: redis.url }) } })
    // 422, not 5xx: Octokit's retry plugin would spend 14 s on each attempt's 5xx before the queue saw it fail.
    world.gh.injectFault({ pathIncludes: '/repos/acme/app/commits', status: 422 })
    world.gh.injectFault({ pathIncludes: '/repos/acme/app/compare', status: 422 })
    const leaked = generateToken('lsci-')
    const before = headOf(world.app)
    const after = world.app.commit({ files: { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    expect(await world.push(world.app, { before, after })).toBe(200)
    const current = world
    await waitFor(() => current.gh.checkRuns('acme/app').length === 1, { timeoutMs: 20_000, what: () => `the dead-letter note:\n${current.bot.output().slice(-3000)}` })
    expect(world.gh.checkRuns('acme/app')[0]).toMatchObject({ headSha: after, conclusion: 'failure', output: { title: 'The scan could not finish' } })
    expect(world.bot.output()).toContain('"event":"job.dead-lettered"')
    const health = JSON.parse((await text(new URL('/localstack-guard/health', world.bot.url).href)).body) as { jobs: Record<string, number> }
    expect(health.jobs['failed']).toBe(1)
    const metrics = (await text(new URL('/metrics', world.bot.url).href)).body
    expect(metrics).toContain('localstack_guard_jobs_total{type="scan-push",outcome="retried"} 1')
    expect(metrics).toContain('localstack_guard_jobs_total{type="scan-push",outcome="dead_lettered"} 1')
    expect(metrics).toContain('localstack_guard_queue_jobs{state="failed"} 1')
    world = undefined
    current.gh.violations.length = 0
    if (mode === 'sqlite') return closeAndCheck(current, [leaked])
    expect(current.bot.output()).not.toContain(leaked)
    await current.close()
  })

  it('serves Prometheus metrics: deliveries, jobs, API calls and rate-limit headroom per installation, writes, incidents by state', async () => {
    world = await startWorld()
    const leaked = generateToken('lsci-')
    const before = headOf(world.app)
    const after = world.app.commit({ files: { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    await world.push(world.app, { before, after })
    await world.settle()
    const health = await text(new URL('/localstack-guard/health', world.bot.url).href)
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', backend: 'sqlite' })
    const metrics = (await text(new URL('/metrics', world.bot.url).href)).body
    expect(metrics).toContain('# TYPE localstack_guard_webhook_deliveries_total counter')
    expect(metrics).toContain('localstack_guard_webhook_deliveries_total{event="scan-push",outcome="queued"} 1')
    expect(metrics).toContain('localstack_guard_jobs_total{type="scan-push",outcome="succeeded"} 1')
    expect(metrics).toMatch(new RegExp(`localstack_guard_github_api_calls_total\\{installation="${INSTALLATION_ID}",status="200"\\} \\d+`))
    expect(metrics).toMatch(new RegExp(`localstack_guard_github_rate_limit_remaining\\{installation="${INSTALLATION_ID}"\\} \\d+`))
    expect(metrics).toMatch(new RegExp(`localstack_guard_github_writes_total\\{installation="${INSTALLATION_ID}"\\} [1-9]`))
    expect(metrics).toMatch(/localstack_guard_incidents\{state="[a-z_-]+"\} 1/)
    expect(metrics).toContain('localstack_guard_queue_oldest_ready_age_seconds 0')
    const current = world
    world = undefined
    await closeAndCheck(current, [leaked])
  })
})
