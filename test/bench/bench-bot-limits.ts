// Phase 3, beyond limits: an installation whose content-creation budget is tight (10 writes per 10 s: GitHub's
// 80 a minute, scaled so the phase fits in about a minute) receives a burst of 30 leaky pushes (60 writes at least).
// Figures: refusals, whether the bot waited as told after each (no storm), and whether every incident still arrived.
import type { RecordedRequest, Refusal } from '../fakes/fake-github/index.js'
import { WEBHOOK_SECRET } from '../e2e/bot/bot-process.js'
import type { WebhookSender } from './bench-bot-sender.js'
import { planPush, type PlannedPush } from './bench-bot-shapes.js'
import { checkRunTimes, isWrite, line, ms, openedIssues, percentile, verdict } from './bench-bot-stats.js'
import { HEALTH_POLL_MS, isIdle, startBenchWorld, waitUntil, type BenchWorld } from './bench-bot-world.js'

const LEAKY_PUSHES = 30
const BUDGET = { max: 10, windowMs: 10_000 }
const PHASE_BOUND_MS = 180_000
/** Clock granularity between the fake's `atMs` and a timer in the bot: a write this much early still counts as waiting. */
const TOLERANCE_MS = 50

interface LimitsRun {
  readonly pushes: PlannedPush[]
  readonly firstSentAtMs: number
  readonly arrivedAtMs: number | undefined
  readonly jobs: Record<string, number>
}

/** How many check runs and issues arrived, and when the last of them did (the fake's clock). */
function arrivals(world: BenchWorld, pushes: readonly PlannedPush[]): { checks: number; issues: number; lastAtMs: number } {
  const times = checkRunTimes(world.gh.requests)
  const issues = openedIssues(world.gh.requests)
  const lastAtMs = Math.max(0, ...pushes.map((p) => times.get(p.after) ?? 0), ...issues.map((r) => r.atMs))
  return { checks: pushes.filter((p) => times.has(p.after)).length, issues: issues.length, lastAtMs }
}

async function overload(world: BenchWorld, sender: WebhookSender): Promise<LimitsRun> {
  const pushes = Array.from({ length: LEAKY_PUSHES }, (_, index) =>
    planPush(world.gh, world.repos[index % world.repos.length] as BenchWorld['repos'][number], { index, shape: 'one-commit', isLeaky: true }),
  )
  const deliveries = pushes.map((p) => ({ index: p.index, deliveryId: `limits-${p.index}`, payload: p.payload }))
  const results = await sender.send({ url: world.bot.url, secret: WEBHOOK_SECRET, deliveries, perWave: 10, waveIntervalMs: 200 })
  const firstSentAtMs = Math.min(...results.map((r) => r.sentAtMs))
  const bad = results.filter((r) => r.status !== 200)
  if (bad.length > 0) throw new Error(`Beyond limits: ${bad.length} deliveries were not answered 200 (first: ${bad[0]?.status} ${bad[0]?.error ?? ''}).`)
  let jobs: Record<string, number> = {}
  // Bounded: stops when the queue holds nothing more to try (done, or a job gave up), or at the phase's bound.
  await waitUntil(async () => {
    jobs = await world.jobs()
    return isIdle(jobs)
  }, { timeoutMs: PHASE_BOUND_MS - (Date.now() - firstSentAtMs), pollMs: HEALTH_POLL_MS })
  const { checks, issues, lastAtMs } = arrivals(world, pushes)
  const arrivedAtMs = checks === LEAKY_PUSHES && issues === LEAKY_PUSHES ? lastAtMs : undefined
  return { pushes, firstSentAtMs, arrivedAtMs, jobs }
}

/**
 * For each refused write, the gap until the installation's next write attempt (in arrival order), against the
 * `retry-after` it was told. The fake records refusals and requests in the same order, so the k-th refused write is
 * the k-th secondary-limit refusal.
 */
function waitsAfterRefusals(world: BenchWorld, refusals: readonly Refusal[]): { gapMs: number; toldMs: number }[] {
  const requests = world.gh.requests
  const refused = requests.flatMap((request, index) => (isWrite(request) && (request.status === 403 || request.status === 429) ? [index] : []))
  return refused.flatMap((index, k) => {
    const request = requests[index] as RecordedRequest
    const next = requests.slice(index + 1).find((r) => isWrite(r) && r.installationId === request.installationId)
    const toldMs = (refusals[k]?.retryAfterSeconds ?? 60) * 1000
    return next === undefined ? [] : [{ gapMs: next.atMs - request.atMs, toldMs }]
  })
}

function print(world: BenchWorld, run: LimitsRun, failures: string[]): void {
  const refusals = world.gh.refusals.filter((r) => r.kind === 'secondary-rate-limit')
  const writes = world.gh.requests.filter(isWrite)
  const waits = waitsAfterRefusals(world, refusals)
  const early = waits.filter((w) => w.gapMs + TOLERANCE_MS < w.toldMs)
  const { checks, issues } = arrivals(world, run.pushes)
  const told = refusals.map((r) => (r.retryAfterSeconds ?? 0) * 1000)
  const retries = (world.bot.output().match(/"event":"job\.retry"/g) ?? []).length
  line('writes sent / refused (secondary rate limit)', `${writes.length} / ${refusals.length}; other refusals: ${world.gh.refusals.length - refusals.length}`)
  line('refusals per incident', (refusals.length / LEAKY_PUSHES).toFixed(2), 'paced, no storm of refusals')
  line('retry-after told p50 / max', `${ms(percentile(told, 50))} / ${ms(Math.max(0, ...told))}`)
  line('refusal to next write: min / p50', `${ms(Math.min(...waits.map((w) => w.gapMs)))} / ${ms(percentile(waits.map((w) => w.gapMs), 50))}`)
  line('writes sent before retry-after elapsed', `${early.length} of ${waits.length} refusals`, `after a refusal it waits as told: ${verdict(early.length === 0)}`)
  line('jobs retried (job.retry log lines)', String(retries))
  line('incidents / check runs arrived', `${issues} / ${checks} of ${LEAKY_PUSHES}`, `every incident arrives: ${verdict(issues === LEAKY_PUSHES && checks === LEAKY_PUSHES)}`)
  const took = run.arrivedAtMs === undefined ? `not all arrived within ${PHASE_BOUND_MS / 1000} s` : ms(run.arrivedAtMs - run.firstSentAtMs)
  const floorMs = (Math.ceil((2 * LEAKY_PUSHES) / BUDGET.max) - 1) * BUDGET.windowMs
  line('first delivery to every incident and check run', `${took} (the budget allows ${2 * LEAKY_PUSHES} writes in ${ms(floorMs)} at best)`)
  line('jobs left in the queue', JSON.stringify(run.jobs))
  line('violations recorded by the fake', String(world.gh.violations.length))
  if (issues !== LEAKY_PUSHES || checks !== LEAKY_PUSHES) failures.push(`beyond limits: ${issues} incidents and ${checks} check runs arrived of ${LEAKY_PUSHES}`)
  if (world.gh.violations.length > 0) failures.push(`beyond limits: the fake recorded ${world.gh.violations.length} violations (first: ${JSON.stringify(world.gh.violations[0])})`)
}

/** Runs the beyond-limits phase; returns what failed functionally. */
export async function runLimitsPhase(sender: WebhookSender): Promise<string[]> {
  const failures: string[] = []
  const world = await startBenchWorld({ installations: 1, reposPerInstallation: 10, accountPrefix: 'tight', limits: { contentCreation: [BUDGET] } })
  try {
    console.log(`\n3. Beyond limits: ${LEAKY_PUSHES} leaky one-commit pushes to 10 repositories of one installation whose content-creation`)
    console.log(`   budget is ${BUDGET.max} per ${BUDGET.windowMs / 1000} s (retry-after: until the budget frees a slot); bounded at ${PHASE_BOUND_MS / 1000} s`)
    const run = await overload(world, sender)
    print(world, run, failures)
  } finally {
    await world.close()
  }
  return failures
}
