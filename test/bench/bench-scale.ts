/**
 * `npm run bench:scale`: the scaled mode at organisation scale. A burst of 1,000 pushes (10 % with a leak) across 100
 * repositories of 20 installations, against the fake GitHub with 50 ms added to every call, delivered alternately to
 * the replicas, first with 1 replica on Redis, then with 2. A benchmark, not a test: it prints figures next to the
 * goals (no incident lost or duplicated; 2 replicas at least 1.6 times the throughput of one; RSS flat across the
 * burst, and across five rounds of 250 pushes on one replica) and exits 1 only on a functional failure (an incident
 * lost or doubled, a request GitHub would refuse, a raw token sent or printed). Replicas run with the image's
 * NODE_OPTIONS (the Dockerfile's), as in production. `npm run bench:scale -- memory` runs only the memory rounds.
 */
import { cpus, loadavg } from 'node:os'
import { WEBHOOK_SECRET } from '../e2e/bot/bot-process.js'
import { WebhookSender } from './bench-bot-sender.js'
import { runMemoryPhase } from './bench-scale-memory.js'
import { planPush, type PlannedPush } from './bench-bot-shapes.js'
import { checkRunTimes, isApiCall, isWrite, leakedTokens, line, ms, percentile, verdict } from './bench-bot-stats.js'
import { cpuSecondsOf, memoryOf, waitUntil } from './bench-bot-world.js'
import { INSTALLATIONS, LATENCY_MS, REPOS_PER_INSTALLATION, startScaleWorld, WORKERS, type ScaleWorld } from './bench-scale-world.js'

const PUSHES = 1000
const LEAK_EVERY = 10
const PER_WAVE = 100
const WAVE_INTERVAL_MS = 100
const DRAIN_BOUND_MS = 600_000
const CREATE_ISSUE = 'POST /repos/{owner}/{repo}/issues'
/** GitHub's content-creation budget per installation. */
const WRITES_PER_MINUTE = 80
const WRITES_PER_HOUR = 500

interface RunFigures {
  readonly pushesPerSecond: number
  readonly failures: string[]
}

function plan(world: ScaleWorld): PlannedPush[] {
  // Round-robin over repositories: every installation is busy at once, as an organisation's morning is.
  // One in ten is leaky, shifted each round of the repositories so the leaks fall on every installation.
  const rounds = world.repos.length
  return Array.from({ length: PUSHES }, (_, index) =>
    planPush(world.gh, world.repos[index % rounds]!, { index, shape: 'one-commit', isLeaky: index % LEAK_EVERY === Math.floor(index / rounds) % LEAK_EVERY }),
  )
}

/** RSS of each replica, sampled while the burst runs: flat means no growth with the work done. */
function sampleMemory(world: ScaleWorld, samples: number[][]): () => void {
  const timer = setInterval(() => world.replicas.forEach((replica, i) => (samples[i] ??= []).push(memoryOf(replica.pid).currentMiB)), 500)
  return () => clearInterval(timer)
}

function incidentTimes(world: ScaleWorld, firstRequest: number, pushes: readonly PlannedPush[]): Map<string, number> {
  const times = new Map<string, number>()
  const issues = world.gh.requests.slice(firstRequest).filter((r) => r.operation === CREATE_ISSUE && r.status === 201)
  for (const push of pushes) {
    const found = issues.find((issue) => issue.body.includes(push.after))
    if (found !== undefined) times.set(push.after, found.atMs)
  }
  return times
}

function maxWritesInAMinute(atMs: readonly number[]): number {
  let max = 0
  for (let start = 0, end = 0; end < atMs.length; end++) {
    while ((atMs[end] ?? 0) - (atMs[start] ?? 0) >= 60_000) start++
    max = Math.max(max, end - start + 1)
  }
  return max
}

async function runWith(replicaCount: number): Promise<RunFigures> {
  const failures: string[] = []
  const world = await startScaleWorld(replicaCount)
  try {
    const pushes = plan(world)
    const leaky = pushes.filter((p) => p.token !== undefined)
    const firstRequest = world.gh.requests.length
    const samples: number[][] = []
    const stopSampling = sampleMemory(world, samples)
    const senders = world.replicas.map(() => new WebhookSender())
    const cpuBefore = { bots: world.replicas.map((r) => cpuSecondsOf(r.pid)), bench: process.cpuUsage(), loop: performance.eventLoopUtilization() }
    const startedAt = Date.now()
    const results = await Promise.all(
      world.replicas.map((replica, r) =>
        senders[r]!.send({
          url: replica.url,
          secret: WEBHOOK_SECRET,
          deliveries: pushes.filter((p) => p.index % replicaCount === r).map((p) => ({ index: p.index, deliveryId: `scale-${replicaCount}-${p.index}`, payload: p.payload })),
          perWave: Math.ceil(PER_WAVE / replicaCount),
          waveIntervalMs: WAVE_INTERVAL_MS,
        }),
      ),
    )
    const drained = await waitUntil(() => world.isIdle(), { timeoutMs: DRAIN_BOUND_MS, pollMs: 200 })
    const drainedAt = Date.now()
    stopSampling()
    for (const sender of senders) await sender.close()
    const botCpu = world.replicas.map((r, i) => cpuSecondsOf(r.pid) - (cpuBefore.bots[i] ?? 0))
    const benchCpu = process.cpuUsage(cpuBefore.bench)
    const fakeBusy = performance.eventLoopUtilization(cpuBefore.loop).utilization
    const answers = results.flat()
    const requests = world.gh.requests.slice(firstRequest)
    const sentAt = new Map(answers.map((a) => [a.index, a.sentAtMs]))
    const checks = checkRunTimes(requests)
    const incidents = incidentTimes(world, firstRequest, leaky)
    const toCheck = leaky.map((p) => (checks.get(p.after) ?? NaN) - (sentAt.get(p.index) ?? NaN)).filter((v) => !Number.isNaN(v))
    const toIncident = leaky.map((p) => (incidents.get(p.after) ?? NaN) - (sentAt.get(p.index) ?? NaN)).filter((v) => !Number.isNaN(v))
    const pushesPerSecond = PUSHES / ((drainedAt - startedAt) / 1000)
    const calls = requests.filter(isApiCall)
    const issuesOpened = requests.filter((r) => r.operation === CREATE_ISSUE && r.status === 201).length
    const checkRuns = world.repos.flatMap((r) => world.gh.checkRuns(r.repo))
    console.log(`\n${replicaCount} replica${replicaCount === 1 ? '' : 's'} on Redis (${WORKERS} workers each)`)
    const unanswered = answers.filter((a) => a.status !== 200)
    const answerMs = answers.map((a) => a.elapsedMs)
    line('deliveries answered 200', `${PUSHES - unanswered.length} / ${PUSHES}${unanswered.length === 0 ? '' : ` (first other: ${unanswered[0]?.status} ${unanswered[0]?.error ?? ''})`}`)
    line('webhook answer time p50 / p99', `${ms(percentile(answerMs, 50))} / ${ms(percentile(answerMs, 99))}`, `GitHub gives up at 10 s: ${verdict(percentile(answerMs, 99) < 10_000)}`)
    line('pushes per second (first delivery to queue drained)', `${pushesPerSecond.toFixed(1)} (${ms(drainedAt - startedAt)})`)
    line('delivery to check run p50 / p95 (leaky pushes)', `${ms(percentile(toCheck, 50))} / ${ms(percentile(toCheck, 95))}`)
    line('delivery to incident p95', ms(percentile(toIncident, 95)))
    line('API calls per push', `${(calls.length / PUSHES).toFixed(2)} (${calls.length - calls.filter(isWrite).length} reads, ${calls.filter(isWrite).length} writes)`)
    const perInstallation = [...new Set(world.repos.map((r) => r.installationId))].map((id) => requests.filter((r) => isWrite(r) && r.installationId === id).map((r) => r.atMs))
    const busiestMinute = Math.max(...perInstallation.map(maxWritesInAMinute))
    const mostWrites = Math.max(...perInstallation.map((w) => w.length))
    line('writes per installation: most in any minute / total', `${busiestMinute} / ${mostWrites}`, `<= ${WRITES_PER_MINUTE}/min, ${WRITES_PER_HOUR}/h: ${verdict(busiestMinute <= WRITES_PER_MINUTE && mostWrites <= WRITES_PER_HOUR)}`)
    world.replicas.forEach((replica, i) => {
      // All deliveries arrive in the first second; after that the queue drains. Flat: no growth while it drains.
      const rss = samples[i] ?? []
      const at = (fraction: number) => rss[Math.min(rss.length - 1, Math.floor(fraction * (rss.length - 1)))] ?? NaN
      const quarters = [0.25, 0.5, 0.75, 1].map(at)
      const isFlat = (quarters[3] ?? NaN) <= (quarters[1] ?? NaN) * 1.1
      line(`replica ${i + 1}: peak RSS; RSS at 25/50/75/100 % of the run`, `${memoryOf(replica.pid).peakMiB.toFixed(0)} MiB; ${quarters.map((q) => q.toFixed(0)).join(' / ')} MiB`, `flat (100 % <= 1.1 x 50 %): ${verdict(isFlat)}`)
    })
    line('CPU during the run', `bots ${botCpu.map((c) => `${c.toFixed(1)} s`).join(' + ')}, fake GitHub + senders ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s, ${cpus().length} cores`)
    line('fake GitHub busy (its event loop)', `${(fakeBusy * 100).toFixed(0)} % of the run`)
    const doubled = checkRuns.length - new Set(checkRuns.map((run) => run.headSha)).size
    line('incidents found / planted; check runs doubled', `${issuesOpened} / ${leaky.length}; ${doubled}`, `none lost or duplicated: ${verdict(issuesOpened === leaky.length && doubled === 0)}`)
    line('refusals / violations recorded by the fake', `${world.gh.refusals.length} / ${world.gh.violations.length}`)
    // A delivery not answered within GitHub's 10 s counts as failed there (the redelivery sweep would send it again).
    if (unanswered.length > 0) failures.push(`${replicaCount} replicas: ${unanswered.length} deliveries not answered 200 (GitHub would mark them failed)`)
    if (!drained) failures.push(`${replicaCount} replicas: the queue did not drain within ${DRAIN_BOUND_MS / 1000} s`)
    if (issuesOpened !== leaky.length) failures.push(`${replicaCount} replicas: ${issuesOpened} incidents for ${leaky.length} planted leaks`)
    if (doubled > 0) failures.push(`${replicaCount} replicas: ${doubled} check runs doubled`)
    if (world.gh.violations.length > 0) failures.push(`${replicaCount} replicas: ${world.gh.violations.length} violations (first: ${JSON.stringify(world.gh.violations[0])})`)
    const exposed = leakedTokens(leaky.map((p) => p.token as string), world.gh.requests, world.replicas.map((r) => r.output()).join('\n'))
    if (exposed > 0) failures.push(`${replicaCount} replicas: ${exposed} raw tokens sent or printed`)
    return { pushesPerSecond, failures }
  } finally {
    await world.close()
  }
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${cpus().length} CPUs; fake GitHub with ${LATENCY_MS} ms per call, ${INSTALLATIONS} installations x ${REPOS_PER_INSTALLATION} repositories`)
  console.log(`load average before the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine skews every figure)`)
  console.log(`burst: ${PUSHES} one-commit pushes, 1 in ${LEAK_EVERY} with a leak, ${PER_WAVE} deliveries every ${WAVE_INTERVAL_MS} ms, spread over the replicas`)
  const failures: string[] = []
  // `npm run bench:scale -- memory` runs only the memory phase (minutes instead of many).
  if (process.argv.includes('memory')) {
    failures.push(...(await runMemoryPhase()))
    report(failures)
    return
  }
  const one = await runWith(1)
  const two = await runWith(2)
  failures.push(...one.failures, ...two.failures)
  const ratio = two.pushesPerSecond / one.pushesPerSecond
  console.log('')
  line('throughput, 2 replicas / 1 replica', `${ratio.toFixed(2)} x`, `>= 1.6 x: ${verdict(ratio >= 1.6)}`)
  failures.push(...(await runMemoryPhase()))
  report(failures)
}

function report(failures: readonly string[]): void {
  if (failures.length === 0) return
  console.log(`\nFunctional failures (${failures.length}):`)
  for (const failure of failures) console.log(`  - ${failure}`)
  process.exitCode = 1
}

await main()
