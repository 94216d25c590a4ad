import { existsSync, readFileSync } from 'node:fs'
import { fingerprintToken } from '../../../src/tokens/index.js'
import { startFakeGitHub, type FakeGitHub, type FakeRepository } from '../../fakes/fake-github/index.js'
import { FakeRotationService } from '../../fakes/fake-rotation-service.js'
import { generateToken } from '../../support/generate-token.js'
import { APP_ID, appKey, headOf, INSTALLATION_ID } from './bot-fixture.js'
import { startBot, waitFor, type BotProcess } from './bot-process.js'

const ROTATION_SECRET = 'e2e-rotation-secret'
const ALERT_SECRET = 'e2e-alert-secret'
const PERMISSIONS = {
  metadata: 'read',
  contents: 'read',
  checks: 'write',
  issues: 'write',
  secrets: 'write',
  environments: 'write',
  organization_secrets: 'write',
  members: 'read',
  secret_scanning_alerts: 'read',
} as const

/** The world of a leak: acme/app (private), acme/site (public), acme/security (private), acme/.github with the organisation's configuration. */
interface LeakWorld {
  gh: FakeGitHub
  app: FakeRepository
  site: FakeRepository
  bot: BotProcess
  service: FakeRotationService
  alerts: FakeRotationService
  settle(timeoutMs?: number): Promise<void>
  push(repo: FakeRepository, files: Record<string, string>): Promise<string>
  comment(repo: FakeRepository, issueNumber: number, login: string, body: string): Promise<void>
}

let deliveries = 0

async function startLeakWorld(options: { orgConfig?: string; repoConfig?: string; watchSeconds?: number } = {}): Promise<LeakWorld> {
  const service = await new FakeRotationService(ROTATION_SECRET).start()
  const alerts = await new FakeRotationService(ALERT_SECRET).start()
  const gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem, limits: { retryAfterSeconds: 1 } })
  const app = gh.createRepository('acme/app', { private: true })
  const site = gh.createRepository('acme/site', { private: false })
  const security = gh.createRepository('acme/security', { private: true })
  const org = gh.createRepository('acme/.github', { private: true })
  app.commit({ files: { 'README.md': '# app\n', ...(options.repoConfig === undefined ? {} : { '.github/localstack-guard.yml': options.repoConfig }) } })
  site.commit({ files: { 'README.md': '# site\n' } })
  security.commit({ files: { 'README.md': '# incidents\n' } })
  org.commit({ files: { '.github/localstack-guard.yml': (options.orgConfig ?? '').replaceAll('ROTATION_URL', service.url).replaceAll('ALERT_URL', alerts.url) } })
  gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: [app, site, security, org], permissions: { ...PERMISSIONS }, events: ['push', 'issue_comment', 'secret_scanning_alert'] })
  const env = { GUARD_ROTATION_SECRET: ROTATION_SECRET, GUARD_ALERT_SECRET: ALERT_SECRET, GUARD_OUTBOUND_RETRY_MS: '50', GUARD_INCIDENT_WATCH_SECONDS: String(options.watchSeconds ?? 0) }
  const bot = await startBot(gh, appKey(), { appId: APP_ID, env })
  const world: LeakWorld = {
    gh,
    app,
    site,
    bot,
    service,
    alerts,
    async settle(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const health = (await (await fetch(new URL('/localstack-guard/health', bot.url))).json()) as { jobs: Record<string, number> }
        if ((health.jobs['pending'] ?? 0) === 0 && (health.jobs['running'] ?? 0) === 0) return
        if (Date.now() > deadline) throw new Error(`jobs still queued after ${timeoutMs} ms: ${JSON.stringify(health.jobs)}\n${bot.output().slice(-3000)}`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
    async push(repo, files) {
      const before = headOf(repo)
      const after = repo.commit({ files })
      const answer = await bot.deliver('push', `leak-${++deliveries}`, gh.pushPayload(repo, { ref: 'refs/heads/main', before, after }))
      expect(answer.status).toBe(200)
      await world.settle()
      return after
    },
    async comment(repo, issueNumber, login, body) {
      const issue = gh.issues(repo).find((i) => i.number === issueNumber)
      const payload = {
        action: 'created',
        issue: { number: issueNumber, title: issue?.title ?? '', body: issue?.body ?? '', state: issue?.state ?? 'open' },
        comment: { id: ++deliveries, body, user: { login, type: 'User' } },
        repository: { id: repo.id, name: repo.name, full_name: repo.fullName, private: repo.isPrivate, owner: { login: repo.owner.login }, default_branch: repo.defaultBranch },
        installation: { id: INSTALLATION_ID },
        sender: { login, type: 'User' },
      }
      expect((await bot.deliver('issue_comment', `comment-${deliveries}`, payload)).status).toBe(200)
      await world.settle()
    },
  }
  return world
}

const WEBHOOK_ROTATION = (extra = '') => `rotation:\n  provider: webhook\n  url: ROTATION_URL\n  timeout-seconds: 1\n${extra}alerts:\n  webhook:\n    url: ALERT_URL\n`

describe('leak response: rotation, propagation and alerts over HTTP', () => {
  let world: LeakWorld | undefined
  const planted: string[] = []
  const token = (prefix = 'lsci-') => {
    const generated = generateToken(prefix)
    planted.push(generated)
    return generated
  }

  afterEach(async () => {
    if (world === undefined) return
    const sent = world.gh.requests.map((r) => `${r.path} ${JSON.stringify(r.query)} ${r.body}`).join('\n')
    const alerted = world.alerts.received.map((r) => r.body).join('\n')
    await world.bot.stop()
    const printed = world.bot.output()
    const stored = ['', '-wal'].map((suffix) => `${world?.bot.databasePath}${suffix}`).filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('\n')
    const violations = [...world.gh.violations]
    await world.gh.close()
    await world.service.close()
    await world.alerts.close()
    world = undefined
    expect(violations).toEqual([])
    // No raw token (leaked or new) in any request to GitHub, any alert, any log line or any stored byte: the only
    // places one may travel are the opt-in send-token body and the sealed secret, neither of which is checked here.
    for (const raw of planted) {
      expect(sent).not.toContain(raw)
      expect(alerted).not.toContain(raw)
      expect(printed).not.toContain(raw)
      expect(stored).not.toContain(raw)
    }
    planted.length = 0
  })

  it('manual flow: rotate command, a secret updated after the leak confirms it, resolve closes it; each step alerted', async () => {
    world = await startLeakWorld({ orgConfig: 'alerts:\n  webhook:\n    url: ALERT_URL\n', watchSeconds: 0.3 })
    const leaked = token()
    await world.push(world.app, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` })
    const [issue] = world.gh.issues(world.app)
    expect(issue?.body).toContain('- [x] **Alerted** (current)')
    world.gh.leakResponse().grant('acme/app', 'alice', 'admin')
    await world.comment(world.app, 1, 'alice', '/localstack-guard rotate')
    expect(issue?.comments.at(-1)?.body).toContain('https://app.localstack.cloud/settings/auth-tokens')
    world.app.secrets.put('LOCALSTACK_AUTH_TOKEN', undefined, new Date(Date.now() + 1000))
    await waitFor(() => world?.gh.issues(world.app)[0]?.body?.includes('**Rotated: a new token is in place** (current)') === true, { timeoutMs: 15_000, what: () => `the watch to confirm the rotation:\n${world?.bot.output().slice(-2000)}` })
    await world.settle()
    await world.comment(world.app, 1, 'alice', '/localstack-guard resolve')
    expect(world.gh.issues(world.app)[0]?.state).toBe('closed')
    expect(world.gh.issues(world.app)[0]?.body).toMatch(/\| secret update .*LOCALSTACK.*AUTH.*TOKEN.* \| Rotation requested → Rotated \|/)
    await waitFor(() => world?.alerts.received.length === 4, { timeoutMs: 5000, what: () => `4 alerts, got ${world?.alerts.received.map((r) => r.json['event']).join(',')}` })
    expect(world.alerts.received.map((r) => [r.json['event'], r.isSignatureValid])).toEqual([
      ['opened', true],
      ['rotation-requested', true],
      ['rotated', true],
      ['resolved', true],
    ])
    expect(new Set(world.alerts.received.map((r) => r.idempotencyKey)).size).toBe(4)
  })

  it('webhook flow, immediate: the new token lands sealed in the repository, environment and organisation secrets, visibility kept', async () => {
    const secrets = 'secrets:\n  - name: LOCALSTACK_AUTH_TOKEN\n  - name: LOCALSTACK_AUTH_TOKEN\n    organization: true\n  - name: LOCALSTACK_AUTH_TOKEN\n    repository: acme/app\n    environment: production\n'
    world = await startLeakWorld({ orgConfig: `${WEBHOOK_ROTATION('  dry-run: false\n')}${secrets}` })
    const seeded = world.gh.leakResponse().organization('acme')
    seeded.store.put('LOCALSTACK_AUTH_TOKEN', undefined, new Date(0))
    seeded.visibility.set('LOCALSTACK_AUTH_TOKEN', { visibility: 'selected', selectedRepositoryIds: [world.app.id] })
    const leaked = token()
    const fresh = token()
    world.service.script({ kind: 'token', token: fresh })
    await world.push(world.app, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` })
    world.gh.leakResponse().grant('acme/app', 'maria', 'maintain')
    await world.comment(world.app, 1, 'maria', '/localstack-guard rotate')
    const [request] = world.service.received
    expect(request?.isSignatureValid).toBe(true)
    expect(request?.json).toMatchObject({ action: 'rotate', dryRun: false, fingerprint: fingerprintToken(leaked), kind: 'ci-token', repository: 'acme/app' })
    expect(request?.json['token']).toBeUndefined()
    expect(world.app.secrets.secrets.get('LOCALSTACK_AUTH_TOKEN')?.value).toBe(fresh)
    expect(world.gh.leakResponse().environment('acme/app', 'production').secrets.get('LOCALSTACK_AUTH_TOKEN')?.value).toBe(fresh)
    const org = world.gh.leakResponse().organization('acme')
    expect(org.store.secrets.get('LOCALSTACK_AUTH_TOKEN')?.value).toBe(fresh)
    expect(org.visibility.get('LOCALSTACK_AUTH_TOKEN')).toEqual({ visibility: 'selected', selectedRepositoryIds: [world.app.id] })
    expect(world.gh.issues(world.app)[0]?.body).toContain('**Rotated: a new token is in place** (current)')

    // A later sighting of the rotated token: recorded on its incident, no new issue, no new alarm.
    const alertsBefore = world.alerts.received.length
    await world.push(world.app, { 'later.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` })
    expect(world.gh.issues(world.app)).toHaveLength(1)
    expect(world.gh.issues(world.app)[0]?.comments.at(-1)?.body).toMatch(/already rotated, so it is dead: recorded here, no new alarm/)
    expect(world.gh.checkRuns(world.app).at(-1)?.conclusion).toBe('neutral')
    expect(world.alerts.received.length).toBe(alertsBefore)
  })

  it('webhook flow, deferred: 202, then a signed callback writes the token; a replay and a bad signature are refused', async () => {
    world = await startLeakWorld({ orgConfig: WEBHOOK_ROTATION('  dry-run: false\n') })
    const leaked = token()
    const fresh = token()
    world.service.script({ kind: 'accept' })
    await world.push(world.app, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` })
    world.gh.leakResponse().grant('acme/app', 'alice', 'admin')
    await world.comment(world.app, 1, 'alice', '/localstack-guard rotate')
    expect(world.gh.issues(world.app)[0]?.comments.at(-1)?.body).toMatch(/accepted the request \(202\)/)
    const callbackUrl = new URL('/localstack-guard/rotation-callback', world.bot.url).toString()
    const body = JSON.stringify({ incidentId: `${INSTALLATION_ID}:${fingerprintToken(leaked)}`, status: 'rotated', token: fresh, timestamp: Math.floor(Date.now() / 1000) })
    expect((await world.service.callback(callbackUrl, undefined, { body, secret: 'not-the-secret' })).status).toBe(401)
    expect(world.app.secrets.secrets.get('LOCALSTACK_AUTH_TOKEN')?.value).toBeUndefined()
    expect(await world.service.callback(callbackUrl, undefined, { body })).toEqual({ status: 200, body: '{"outcome":"rotated"}' })
    expect(world.app.secrets.secrets.get('LOCALSTACK_AUTH_TOKEN')?.value).toBe(fresh)
    expect((await world.service.callback(callbackUrl, undefined, { body })).status).toBe(409)
    const stale = JSON.stringify({ incidentId: `${INSTALLATION_ID}:${fingerprintToken(leaked)}`, status: 'rotated', token: fresh, timestamp: Math.floor(Date.now() / 1000) - 3600 })
    expect((await world.service.callback(callbackUrl, undefined, { body: stale })).status).toBe(401)
    expect(world.gh.issues(world.app)[0]?.body).toContain('**Rotated: a new token is in place** (current)')
  })

  it('retries a failing service (500 three times, then a token) and asks once per fingerprint', async () => {
    world = await startLeakWorld({ orgConfig: WEBHOOK_ROTATION('  dry-run: false\n') })
    const fresh = token()
    world.service.script({ kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'token', token: fresh })
    await world.push(world.app, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` })
    world.gh.leakResponse().grant('acme/app', 'alice', 'admin')
    await world.comment(world.app, 1, 'alice', '/localstack-guard rotate')
    expect(world.service.received).toHaveLength(4)
    expect(new Set(world.service.received.map((r) => r.idempotencyKey)).size).toBe(1)
    expect(world.app.secrets.secrets.get('LOCALSTACK_AUTH_TOKEN')?.value).toBe(fresh)
    await world.comment(world.app, 1, 'alice', '/localstack-guard rotate')
    expect(world.service.received).toHaveLength(4)
    expect(world.gh.issues(world.app)[0]?.comments.at(-1)?.body).toMatch(/never asks twice|nothing to rotate/)
  })

  it('a service that never answers is a failed rotation after the timeouts: said on the incident and alerted, nothing written', async () => {
    world = await startLeakWorld({ orgConfig: WEBHOOK_ROTATION('  dry-run: false\n') })
    world.service.script({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' })
    await world.push(world.app, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` })
    world.gh.leakResponse().grant('acme/app', 'alice', 'admin')
    await world.comment(world.app, 1, 'alice', '/localstack-guard rotate')
    expect(world.gh.issues(world.app)[0]?.comments.at(-1)?.body).toMatch(/Rotation failed: the rotation service did not answer after 4 attempts \(timeout/)
    expect(world.app.secrets.secrets.size).toBe(0)
    await waitFor(() => world?.alerts.received.some((r) => r.json['event'] === 'failed') === true, { timeoutMs: 5000, what: () => 'a failed alert' })
  })

  it('dry-run (the default): asks with dryRun and no token, writes nothing, says what would have been written', async () => {
    world = await startLeakWorld({ orgConfig: `${WEBHOOK_ROTATION('  send-token: true\n')}` })
    world.service.script({ kind: 'token', token: token() })
    await world.push(world.app, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` })
    world.gh.leakResponse().grant('acme/app', 'alice', 'admin')
    await world.comment(world.app, 1, 'alice', '/localstack-guard rotate')
    expect(world.service.received[0]?.json).toMatchObject({ dryRun: true })
    expect(world.service.received[0]?.json['token']).toBeUndefined()
    expect(world.app.secrets.secrets.size).toBe(0)
    expect(world.gh.issues(world.app)[0]?.comments.at(-1)?.body).toContain('acme/app: LOCALSTACK_AUTH_TOKEN: would be written (dry run: nothing was written)')
  })

  it('sends the raw token only to a service configured with send-token: true', async () => {
    world = await startLeakWorld({ orgConfig: WEBHOOK_ROTATION('  dry-run: false\n  send-token: true\n') })
    const leaked = token()
    world.service.script({ kind: 'accept' })
    await world.push(world.app, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` })
    world.gh.leakResponse().grant('acme/app', 'alice', 'admin')
    await world.comment(world.app, 1, 'alice', '/localstack-guard rotate')
    expect(world.service.received[0]?.json['token']).toBe(leaked)
  })

  it.each([
    ['a developer token', () => generateToken('ls-'), /personal Developer Auth Token/],
    ['a malformed token', () => `${generateToken('lsci-').slice(0, -4)}zzzz`, /not a well-formed CI Auth Token/],
    ['the leaked token itself', (leaked: string) => leaked, /returned the leaked token itself/],
  ])('refuses %s from the service and writes nothing', async (_name, make, why) => {
    world = await startLeakWorld({ orgConfig: WEBHOOK_ROTATION('  dry-run: false\n') })
    const leaked = token()
    const answer = make(leaked)
    planted.push(answer)
    world.service.script({ kind: 'token', token: answer })
    await world.push(world.app, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` })
    world.gh.leakResponse().grant('acme/app', 'alice', 'admin')
    await world.comment(world.app, 1, 'alice', '/localstack-guard rotate')
    expect(world.gh.issues(world.app)[0]?.comments.at(-1)?.body).toMatch(why)
    expect(world.app.secrets.secrets.size).toBe(0)
  })

  it('refuses a command from a user without rights, and says why', async () => {
    world = await startLeakWorld()
    await world.push(world.app, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` })
    world.gh.leakResponse().grant('acme/app', 'mallory', 'write')
    await world.comment(world.app, 1, 'mallory', '/localstack-guard false-positive')
    const [issue] = world.gh.issues(world.app)
    expect(issue?.comments.at(-1)?.body).toBe('@mallory `false-positive` was not run: it needs admin or maintain rights on acme/app, and you have write rights.')
    expect(issue?.state).toBe('open')
  })

  it('a leak in a public repository opens no public issue: the incident goes to the private security repository', async () => {
    world = await startLeakWorld({ orgConfig: 'alerts:\n  repository: acme/security\n' })
    await world.push(world.site, { 'deploy/ci.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` })
    expect(world.gh.issues(world.site)).toEqual([])
    const [incident] = world.gh.issues('acme/security')
    expect(incident?.body).toContain('**Severity: critical**. Exposure: public repository, default branch.')
    const run = world.gh.checkRuns(world.site)[0]
    expect(run?.conclusion).toBe('failure')
    expect(JSON.stringify(run)).not.toContain('acme/security')
    expect(run?.annotations.map((a) => [a.path, a.start_line])).toEqual([['deploy/ci.env', 1]])
  })

  it('without a private security repository, a public leak says so in the check run and the alert', async () => {
    world = await startLeakWorld({ orgConfig: 'alerts:\n  webhook:\n    url: ALERT_URL\n' })
    await world.push(world.site, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` })
    expect(world.gh.issues(world.site)).toEqual([])
    expect(world.gh.checkRuns(world.site)[0]?.output.summary).toMatch(/no incident issue.*no private `alerts.repository` is configured/s)
    await waitFor(() => world?.alerts.received.length === 1, { timeoutMs: 5000, what: () => 'the opened alert' })
    expect(world.alerts.received[0]?.json['detail']).toMatch(/^No incident issue: the repository is public/)
  })

  it('a repository cannot redirect its incidents: alerts.repository in its own file is ignored', async () => {
    world = await startLeakWorld({ repoConfig: 'alerts:\n  repository: acme/site\n  repository-for: all\n' })
    await world.push(world.app, { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` })
    expect(world.gh.issues(world.site)).toEqual([])
    expect(world.gh.issues(world.app)).toHaveLength(1)
  })

  it('escapes a pushed file name that tries to plant a heading and a link in the incident issue', async () => {
    world = await startLeakWorld()
    const path = 'notes\n# URGENT: verify the token at [the portal](https://evil.example) @everyone.env'
    await world.push(world.app, { [path]: `LOCALSTACK_AUTH_TOKEN=${token()}\n` })
    const body = world.gh.issues(world.app)[0]?.body ?? ''
    expect(body).not.toMatch(/^# URGENT/m)
    expect(body).not.toContain('[the portal](https://evil.example)')
    expect(body).toContain('notes\\u000a\\# URGENT')
  })

  it('opens one summary incident for a push of many distinct tokens, and caps the annotations', async () => {
    world = await startLeakWorld({ repoConfig: 'alerts:\n  max-issues-per-push: 5\n' })
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`dump/t${i}.env`, Array.from({ length: 10 }, () => `LOCALSTACK_AUTH_TOKEN=${token()}`).join('\n')]))
    await world.push(world.app, files)
    const issues = world.gh.issues(world.app)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.title).toBe('120 LocalStack credentials leaked in one push to acme/app')
    const run = world.gh.checkRuns(world.app)[0]
    expect(run?.annotations).toHaveLength(100)
    expect(run?.output.summary).toContain('20 more places are not annotated')

    // Commands on a summary issue name one token by its fingerprint; without one, the bot says how.
    world.gh.leakResponse().grant('acme/app', 'alice', 'admin')
    await world.comment(world.app, 1, 'alice', '/localstack-guard resolve')
    expect(world.gh.issues(world.app)[0]?.comments.at(-1)?.body).toBe(
      '@alice this issue stands for several tokens, so a command names one: copy its fingerprint from the table, e.g. `/localstack-guard resolve sha256:…` (commands: rotate, resolve, false-positive).',
    )
    const fingerprint = /`(sha256:[0-9a-f]{64})`/.exec(issues[0]?.body ?? '')?.[1] ?? ''
    await world.comment(world.app, 1, 'alice', `/localstack-guard false-positive ${fingerprint}`)
    expect(world.gh.issues(world.app)[0]?.comments.at(-1)?.body).toMatch(/dismiss/i)
    expect(world.gh.issues(world.app)[0]?.state).toBe('open')
  })
})
