import { Worker } from 'node:worker_threads'
import { request as httpRequest } from 'node:http'
import { sign } from '@octokit/webhooks-methods'
import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateToken } from '../../support/generate-token.js'
import { startRedisServer } from '../../support/redis-server.js'
import { closeAndCheck, headOf, startWorld, type BotWorld } from './bot-fixture.js'
import { WEBHOOK_SECRET } from './bot-process.js'

/** Every probe of /health while a hostile push is processed: each must answer, and within HEALTH_BOUND_MS. */
interface Probes {
  readonly latenciesMs: number[]
  readonly failures: string[]
  stop(): Promise<void>
}

/**
 * /health answers in a few milliseconds when the event loop is free. 1 s is a bound two orders of magnitude above
 * that, so only a blocked event loop (a scan on the main thread: seconds to minutes) can break it, not a busy CI host.
 */
const HEALTH_BOUND_MS = 1000

/**
 * Probes run on a worker thread, with an event loop of their own: the fake GitHub shares this test's main thread, and
 * its work (building a 6 MB push) must not be counted as the bot's answer time.
 */
const PROBE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const latenciesMs = []
const failures = []
let running = true
parentPort.on('message', () => { running = false })
;(async () => {
  while (running) {
    const started = performance.now()
    try {
      const response = await fetch(new URL('/localstack-guard/health', workerData.url), { signal: AbortSignal.timeout(5000) })
      await response.text()
      if (response.status !== 200) failures.push('status ' + response.status)
    } catch (error) {
      failures.push(String(error))
    }
    latenciesMs.push(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, workerData.intervalMs))
  }
  parentPort.postMessage({ latenciesMs, failures })
})()
`

function probeHealth(url: string, intervalMs = 100): Probes {
  const latenciesMs: number[] = []
  const failures: string[] = []
  const worker = new Worker(PROBE_WORKER, { eval: true, workerData: { url, intervalMs } })
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', (result: { latenciesMs: number[]; failures: string[] }) => {
      latenciesMs.push(...result.latenciesMs)
      failures.push(...result.failures)
      resolve()
    })
    worker.once('error', reject)
  })
  return {
    latenciesMs,
    failures,
    async stop() {
      worker.postMessage('stop')
      await done
      await worker.terminate()
    },
  }
}

/** Sends raw bytes to the bot, for what `fetch` will not send (a lying content-length, a body that never ends). */
function rawPost(url: string, options: { path: string; headers: Record<string, string>; body?: string; keepOpen?: boolean; timeoutMs?: number }): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path, url)
    const req = httpRequest(target, { method: 'POST', headers: options.headers })
    const timer = setTimeout(() => {
      req.destroy()
      reject(new Error(`no answer from ${options.path} within ${options.timeoutMs ?? 5000} ms`))
    }, options.timeoutMs ?? 5000)
    req.on('response', (response) => {
      clearTimeout(timer)
      response.resume()
      resolve({ status: response.statusCode ?? 0 })
      req.destroy()
    })
    req.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    if (options.body !== undefined) req.write(options.body)
    if (options.keepOpen !== true) req.end()
  })
}

async function signedHeaders(event: string, deliveryId: string, body: string): Promise<Record<string, string>> {
  return {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-github-delivery': deliveryId,
    'x-hub-signature-256': await sign(WEBHOOK_SECRET, body),
  }
}

describe('hostile input to the bot (npm start against a fake GitHub)', () => {
  let world: BotWorld
  /** Set by a scenario that closed its world itself (the Redis one has no SQLite file to search). */
  let closedByScenario = false
  const tokens: string[] = []
  const token = (prefix = 'lsci-') => {
    const generated = generateToken(prefix)
    tokens.push(generated)
    return generated
  }

  afterEach(async () => {
    if (!closedByScenario) await closeAndCheck(world, tokens)
    closedByScenario = false
    tokens.length = 0
  })

  describe('with the default world', () => {
    beforeEach(async () => {
      world = await startWorld()
    })

    it('reports a real leak beside a file of 130,000 decoys, and /health answers within 1 s throughout', async () => {
      const before = headOf(world.app)
      const real = token()
      const decoy = token()
      const after = world.app.commit({ files: { 'deploy/.env': `LOCALSTACK_AUTH_TOKEN=${real}\n`, 'data/decoys.txt': `X=${decoy}\n`.repeat(130_000) } })
      const probes = probeHealth(world.bot.url)
      expect(await world.push(world.app, { before, after })).toBe(200)
      await world.settle(120_000)
      await probes.stop()
      expect(probes.failures).toEqual([])
      expect(probes.latenciesMs.length).toBeGreaterThan(0)
      expect(Math.max(...probes.latenciesMs)).toBeLessThan(HEALTH_BOUND_MS)
      const bodies = world.gh.issues('acme/app').map((issue) => issue.body ?? '')
      expect(bodies.some((body) => body.includes(fingerprintToken(real)))).toBe(true)
      const [check] = world.gh.checkRuns('acme/app')
      expect(check).toMatchObject({ headSha: after, conclusion: 'failure' })
      expect(check?.output.summary).toMatch(/further occurrences were found and not listed/)
    })

    it('refuses a glob that backtracks, still finds the leak with the defaults, and /health answers within 1 s throughout', async () => {
      const before = headOf(world.app)
      const config = "ignore-paths:\n  - '**/*a*a*a*a*a*a*b'\n"
      const after = world.app.commit({ files: { '.github/localstack-guard.yml': config, [`src/${'a'.repeat(110)}`]: `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
      const probes = probeHealth(world.bot.url)
      await world.push(world.app, { before, after })
      await world.settle(60_000)
      await probes.stop()
      expect(probes.failures).toEqual([])
      expect(Math.max(...probes.latenciesMs)).toBeLessThan(HEALTH_BOUND_MS)
      const runs = world.gh.checkRuns('acme/app')
      const configRun = runs.find((run) => run.name.endsWith(': configuration'))
      expect(configRun?.output.summary).toMatch(/ignore-paths\[0\]: has 7 "\*" in one path segment/)
      expect(world.gh.issues('acme/app')).toHaveLength(1)
    })

    it('leaves Probot\'s own middleware unreachable: a signed push to its old path is not taken', async () => {
      const payload = world.gh.pushPayload(world.app, { ref: 'refs/heads/main', before: headOf(world.app), after: headOf(world.app) })
      const body = JSON.stringify(payload)
      for (const path of ['/.probot-middleware-unused', '/api/github/webhooks']) {
        const answer = await rawPost(world.bot.url, { path, headers: await signedHeaders('push', `hidden-${path.length}`, body), body })
        expect(answer.status).toBe(404)
      }
      await world.settle()
      expect(world.gh.requests.filter((request) => request.path.startsWith('/repos/'))).toEqual([])
    })

    it('logs a failing handler\'s delivery id, event and message, never its payload', async () => {
      const leaked = token()
      const payload = { ...world.gh.pushPayload(world.app, { ref: "refs/heads/main", before: headOf(world.app), after: headOf(world.app) }), commits: 'not a list', head_commit: { message: `deploy with ${leaked}` } }
      const answer = await world.bot.deliver('push', 'failing-handler-1', payload)
      expect(answer.status).toBe(500)
      await world.settle()
      const line = world.bot.output().split('\n').find((printed) => printed.includes('webhook.handler-failed'))
      expect(line).toMatch(/"deliveryId":"failing-handler-1"/)
      expect(line).toMatch(/"eventName":"push"/)
    })

    it('refuses a body larger than its declared limit before reading it, and bounds the bodies read at once', async () => {
      const headers = await signedHeaders('push', 'huge-1', '{}')
      const declaredHuge = await rawPost(world.bot.url, { path: '/', headers: { ...headers, 'content-length': String(200 * 1024 * 1024) }, body: '{', keepOpen: true })
      expect(declaredHuge.status).toBe(413)
      // Three bodies of 24 MB declared and never finished: the first two are read (within the 64 MB budget), the third is refused at once.
      const held = [0, 1].map((i) => rawPost(world.bot.url, { path: '/', headers: { ...headers, 'x-github-delivery': `held-${i}`, 'content-length': String(24 * 1024 * 1024) }, body: '{', keepOpen: true, timeoutMs: 20_000 }).catch(() => ({ status: 0 })))
      await new Promise((resolve) => setTimeout(resolve, 300))
      const third = await rawPost(world.bot.url, { path: '/', headers: { ...headers, 'x-github-delivery': 'held-2', 'content-length': String(24 * 1024 * 1024) }, body: '{', keepOpen: true })
      expect(third.status).toBe(503)
      // The held bodies are given up after the body timeout (10 s): they get 408, not a hung connection.
      expect((await Promise.all(held)).map((answer) => answer.status)).toEqual([408, 408])
    })

    it('scans a blob past the cap up to the cap, and says so on the check run', async () => {
      const before = headOf(world.app)
      const early = token()
      const filler = `${'x'.repeat(99)}\n`.repeat(90_000)
      const after = world.app.commit({ files: { 'dump/big.sql': `-- LOCALSTACK_AUTH_TOKEN=${early}\n${filler}` } })
      await world.push(world.app, { before, after })
      await world.settle(60_000)
      const [check] = world.gh.checkRuns('acme/app')
      expect(check?.conclusion).toBe('failure')
      expect(check?.output.summary).toMatch(/only the first 8\.0 MiB of 8\.6 MiB were scanned/)
    })

    it('reports tokens in a file name, a branch name and a commit message, and never writes them raw', async () => {
      const inName = token()
      const inBranch = token()
      const inMessage = token()
      const base = headOf(world.app)
      const branch = `feature/${inBranch}`
      world.app.createBranch(branch, base)
      const after = world.app.commit({ branch, files: { [`keys/${inName}.txt`]: 'nothing here\n' }, message: `add key ${inMessage}` })
      expect(await world.push(world.app, { ref: `refs/heads/${branch}`, before: base, after })).toBe(200)
      await world.settle()
      const bodies = world.gh.issues('acme/app').map((issue) => issue.body ?? '')
      for (const leaked of [inName, inBranch, inMessage]) expect(bodies.some((body) => body.includes(fingerprintToken(leaked)))).toBe(true)
      const [check] = world.gh.checkRuns('acme/app')
      expect(check?.conclusion).toBe('failure')
    })

    it('answers an unsigned request 401, a null payload and an event named __proto__ 400, and refuses a replay under a new id', async () => {
      const unsigned = await rawPost(world.bot.url, { path: '/', headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': 'unsigned-1' }, body: '{}' })
      expect(unsigned.status).toBe(401)
      expect((await world.bot.deliver('push', 'null-1', null)).status).toBe(400)
      expect((await world.bot.deliver('__proto__', 'proto-1', { zen: 'x' })).status).toBe(400)
      const before = headOf(world.app)
      const after = world.app.commit({ files: { 'x.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
      const payload = world.gh.pushPayload(world.app, { ref: 'refs/heads/main', before, after })
      expect((await world.bot.deliver('push', 'original-1', payload)).status).toBe(200)
      expect((await world.bot.deliver('push', 'original-1', payload)).status).toBe(200)
      expect((await world.bot.deliver('push', 'replayed-1', payload)).status).toBe(409)
      await world.settle()
      expect(world.gh.checkRuns('acme/app')).toHaveLength(1)
      expect(world.bot.output()).toContain('webhook.replay-rejected')
    })
  })

  it('writes no request body to the log at debug level: the migration pull request\'s content stays out', async () => {
    world = await startWorld({ permissions: { metadata: 'read', contents: 'write', pull_requests: 'write', checks: 'write', issues: 'write', secrets: 'read', secret_scanning_alerts: 'read' } })
    const before = headOf(world.app)
    const config = 'migration: pull-request\n'
    const leaked = token()
    const script = `export LOCALSTACK_API_KEY=\${LOCALSTACK_API_KEY}\n# old: LOCALSTACK_AUTH_TOKEN=${leaked}\n`
    const after = world.app.commit({ files: { '.github/localstack-guard.yml': config, 'ci/start.sh': script } })
    await world.push(world.app, { before, after })
    await world.settle()
    expect(world.gh.pullRequests('acme/app')).toHaveLength(1)
    expect(world.bot.output()).toMatch(/GitHub request: PUT/)
  })

  it('answers a push and /health with 503 within seconds when Redis is down', async () => {
    const redis = await startRedisServer()
    try {
      world = await startWorld({ botEnv: { REDIS_URL: redis.url, GUARD_WORKERS: '2' } })
      await redis.stop()
      const before = headOf(world.app)
      const after = world.app.commit({ files: { 'README.md': '# changed\n' } })
      const started = performance.now()
      expect(await world.push(world.app, { before, after })).toBe(503)
      const health = await fetch(new URL('/localstack-guard/health', world.bot.url), { signal: AbortSignal.timeout(8000) })
      expect(health.status).toBe(503)
      // GitHub waits 10 s for an answer; both came well within it (3 s dispatch bound, 2 s health bound).
      expect(performance.now() - started).toBeLessThan(9000)
      const printed = world.bot.output()
      await world.close()
      closedByScenario = true
      for (const raw of tokens) expect(printed).not.toContain(raw)
    } finally {
      await redis.stop().catch(() => undefined)
    }
  })
})
