// Phase 4, alerts under a burst: 60 pushes, each with a new leaked token, across 10 repositories within 3 seconds.
// Incidents and check runs are GitHub writes, paced by the content-creation budget (80 a minute); the outbound alert
// webhook is not. Figures: delivery to alert, to incident issue, to check run (p50, p95, max).
import { fingerprintToken } from '../../src/tokens/index.js'
import { startBot, WEBHOOK_SECRET } from '../e2e/bot/bot-process.js'
import { startFakeGitHub } from '../fakes/fake-github/index.js'
import { FakeRotationService } from '../fakes/fake-rotation-service.js'
import { sendWebhook } from '../support/webhooks.js'
import { generateToken } from '../support/generate-token.js'
import { generateTestAppKey } from '../support/generate-test-app-key.js'
import { line, ms, percentile } from './bench-bot-stats.js'

const APP_ID = 4343
const PUSHES = 60
const PER_WAVE = 20
const WAVE_INTERVAL_MS = 1000
const SETTLE_BOUND_MS = 180_000

export async function runAlertsPhase(): Promise<string[]> {
  console.log(`\nAlerts under a burst: ${PUSHES} leaky pushes in ${PUSHES / PER_WAVE} waves, 10 repositories, one installation`)
  const key = generateTestAppKey()
  const receiver = await new FakeRotationService('bench-alert-secret').start()
  const gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: key.publicKeyPem })
  const repos = Array.from({ length: 10 }, (_, i) => gh.createRepository(`acme/repo-${i}`, { private: true }))
  for (const repo of repos) repo.commit({ files: { 'README.md': '# repo\n' } })
  const org = gh.createRepository('acme/.github', { private: true })
  org.commit({ files: { '.github/localstack-guard.yml': `alerts:\n  webhook:\n    url: ${receiver.url}\n` } })
  gh.addInstallation({ id: 77, account: 'acme', repositories: [...repos, org] })
  const bot = await startBot(gh, key, { appId: APP_ID, env: { LOG_LEVEL: 'info', GUARD_ALERT_SECRET: 'bench-alert-secret', GUARD_INCIDENT_WATCH_SECONDS: '0' } })
  const failures: string[] = []
  try {
    const delivered = new Map<string, { atMs: number; sha: string }>()
    const tokens: string[] = []
    for (let wave = 0; wave < PUSHES / PER_WAVE; wave++) {
      const sends = Array.from({ length: PER_WAVE }, (_, i) => {
        const repo = repos[(wave * PER_WAVE + i) % repos.length] ?? repos[0]!
        const token = generateToken('lsci-')
        tokens.push(token)
        const before = repo.head() ?? ''
        const after = repo.commit({ files: { [`ci-${wave}-${i}.env`]: `LOCALSTACK_AUTH_TOKEN=${token}\n` } })
        delivered.set(fingerprintToken(token), { atMs: Date.now(), sha: after })
        return sendWebhook({ url: bot.url, secret: WEBHOOK_SECRET, name: 'push', deliveryId: `alerts-${wave}-${i}`, payload: gh.pushPayload(repo, { ref: 'refs/heads/main', before, after }) })
      })
      for (const answer of await Promise.all(sends)) if (answer.status !== 200) failures.push(`alerts: a delivery got ${answer.status}`)
      await new Promise((resolve) => setTimeout(resolve, WAVE_INTERVAL_MS))
    }
    const deadline = Date.now() + SETTLE_BOUND_MS
    const issuesOpened = () => gh.requests.filter((r) => r.operation === 'POST /repos/{owner}/{repo}/issues' && r.status === 201)
    const checkRuns = () => gh.requests.filter((r) => r.operation === 'POST /repos/{owner}/{repo}/check-runs' && r.status === 201)
    while ((receiver.received.length < PUSHES || issuesOpened().length < PUSHES || checkRuns().length < PUSHES) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    const toAlert: number[] = []
    for (const alert of receiver.received) {
      const incident = alert.json['incident'] as { fingerprint?: string } | undefined
      const push = delivered.get(incident?.fingerprint ?? '')
      if (push !== undefined && alert.isSignatureValid) toAlert.push(alert.atMs - push.atMs)
    }
    const toIssue: number[] = []
    for (const request of issuesOpened()) {
      const fingerprint = /localstack-guard:incident (sha256:[0-9a-f]{64})/.exec(request.body)?.[1]
      const push = delivered.get(fingerprint ?? '')
      if (push !== undefined) toIssue.push(request.atMs - push.atMs)
    }
    const shas = new Map([...delivered.values()].map((p) => [p.sha, p.atMs]))
    const toCheck = checkRuns().map((r) => {
      const sha = (JSON.parse(r.body) as { head_sha?: string }).head_sha ?? ''
      return r.atMs - (shas.get(sha) ?? r.atMs)
    })
    const figures = (values: number[]) => `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(percentile(values, 100))} (${values.length}/${PUSHES})`
    line('delivery to alert (signed webhook)', figures(toAlert))
    line('delivery to incident issue', figures(toIssue))
    line('delivery to check run', figures(toCheck))
    if (toAlert.length < PUSHES) failures.push(`alerts: ${toAlert.length} of ${PUSHES} signed alerts arrived within ${SETTLE_BOUND_MS / 1000} s`)
    const leakedInAlerts = tokens.filter((t) => receiver.received.some((r) => r.body.includes(t)) || bot.output().includes(t)).length
    if (leakedInAlerts > 0) failures.push(`alerts: ${leakedInAlerts} raw tokens in an alert or the bot's output`)
  } finally {
    await bot.stop()
    await gh.close()
    await receiver.close()
  }
  return failures
}
