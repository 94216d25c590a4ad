// Phase 1, within limits: a burst of pushes of every shape across 20 repositories (2 installations x 10), 20 % with a
// leak, delivered 20 at a time every 400 ms (50 a second). Figures: webhook answer time, delivery to check run, every
// incident arrived, API calls, peak RSS of the bot.
import { cpus } from 'node:os'
import { WEBHOOK_SECRET } from '../e2e/bot/bot-process.js'
import type { RecordedRequest } from '../fakes/fake-github/index.js'
import type { WebhookSender, DeliveryResult } from './bench-bot-sender.js'
import { planPush, SHAPES, type PlannedPush, type PushShape } from './bench-bot-shapes.js'
import { checkRunTimes, firstTouchTimes, isApiCall, isWrite, leakedTokens, line, mean, ms, openedIssues, percentile, TOKEN_EXCHANGE, verdict } from './bench-bot-stats.js'
import { cpuSecondsOf, memoryOf, startBenchWorld, waitUntil, type BenchWorld } from './bench-bot-world.js'

/** [shape, pushes, of which leaky]: 200 pushes, 40 leaks (20 %). */
const MIX: readonly (readonly [PushShape, number, number])[] = [
  ['one-commit', 100, 20],
  ['three-commits', 40, 8],
  ['new-branch', 20, 4],
  ['350-files', 20, 4],
  ['omitted-patch', 20, 4],
]
const PER_WAVE = 20
const WAVE_INTERVAL_MS = 400
const ARRIVAL_BOUND_MS = 120_000
const SETTLE_BOUND_MS = 60_000

/** A fixed interleaving (a seeded shuffle), so every run replays the same burst. */
function schedule(): { shape: PushShape; isLeaky: boolean }[] {
  const entries = MIX.flatMap(([shape, count, leaky]) => Array.from({ length: count }, (_, i) => ({ shape, isLeaky: i < leaky })))
  let seed = 0x5eed
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[entries[i], entries[j]] = [entries[j] as (typeof entries)[number], entries[i] as (typeof entries)[number]]
  }
  return entries
}

async function warmUp(world: BenchWorld, sender: WebhookSender): Promise<void> {
  // One clean push per installation: the bot's first token exchange and first job are not part of the burst.
  const targets = [...new Map(world.repos.map((r) => [r.installationId, r])).values()]
  const pushes = targets.map((target, index) => planPush(world.gh, target, { index, shape: 'one-commit', isLeaky: false }))
  await sender.send({ url: world.bot.url, secret: WEBHOOK_SECRET, deliveries: pushes.map((p) => ({ index: p.index, deliveryId: `warm-${p.index}`, payload: p.payload })), perWave: 10, waveIntervalMs: 0 })
  if (!(await world.settle(30_000))) throw new Error('Warm-up did not finish: the bot still had queued jobs after 30 s. Check its output.')
}

interface BurstRun {
  readonly pushes: PlannedPush[]
  readonly results: DeliveryResult[]
  readonly requests: RecordedRequest[]
  readonly arrived: boolean
  readonly settledAtMs: number | undefined
  /**
   * From the first delivery until the queue drained: CPU seconds of the bot and of this process (fake + sender), and
   * how busy this thread's event loop was, which is the fake GitHub answering (it answers one request at a time).
   */
  readonly cpu: { bot: number; bench: number; wallMs: number; fakeBusy: number }
}

async function burst(world: BenchWorld, sender: WebhookSender): Promise<BurstRun> {
  const pushes = schedule().map((entry, index) => planPush(world.gh, world.repos[index % world.repos.length] as (typeof world.repos)[number], { index, ...entry }))
  const leaky = pushes.filter((p) => p.token !== undefined)
  const firstRequest = world.gh.requests.length
  const deliveries = pushes.map((p) => ({ index: p.index, deliveryId: `burst-${p.index}`, payload: p.payload }))
  const cpuBefore = { bot: cpuSecondsOf(world.botPid), bench: process.cpuUsage(), at: Date.now(), loop: performance.eventLoopUtilization() }
  const results = await sender.send({ url: world.bot.url, secret: WEBHOOK_SECRET, deliveries, perWave: PER_WAVE, waveIntervalMs: WAVE_INTERVAL_MS })
  const arrived = await waitUntil(() => {
    const times = checkRunTimes(world.gh.requests.slice(firstRequest))
    return leaky.every((p) => times.has(p.after))
  }, { timeoutMs: ARRIVAL_BOUND_MS, pollMs: 100 })
  const settled = await world.settle(SETTLE_BOUND_MS)
  const benchCpu = process.cpuUsage(cpuBefore.bench)
  const fakeBusy = performance.eventLoopUtilization(cpuBefore.loop).utilization
  const cpu = { bot: cpuSecondsOf(world.botPid) - cpuBefore.bot, bench: (benchCpu.user + benchCpu.system) / 1e6, wallMs: Date.now() - cpuBefore.at, fakeBusy }
  return { pushes, results, requests: world.gh.requests.slice(firstRequest), arrived, settledAtMs: settled ? Date.now() : undefined, cpu }
}

/** Probot's HTTP log line of each delivery carries the bot's own measure (`responseTime`, from parsed headers to sent). */
function botSideAnswerTimes(output: string): number[] {
  return [...output.matchAll(/"id":"burst-\d+".*?"responseTime":(\d+)/g)].map((match) => Number(match[1]))
}

function printWebhooks(run: BurstRun, output: string, failures: string[]): void {
  const elapsed = run.results.map((r) => r.elapsedMs)
  const bad = run.results.filter((r) => r.status !== 200)
  const p99 = percentile(elapsed, 99)
  const p = (values: number[]): string => `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))} / ${ms(Math.max(...values))}`
  line('deliveries answered 200', `${run.results.length - bad.length} / ${run.results.length}`)
  line('webhook answer time p50 / p99 / max', p(elapsed), `p99 < 100 ms: ${verdict(p99 < 100)}`)
  line('  bot-side (Probot log responseTime)', p(botSideAnswerTimes(output)))
  const byPosition = (from: number, to: number): number[] => run.results.filter((r) => r.index % PER_WAVE >= from && r.index % PER_WAVE < to).map((r) => r.elapsedMs)
  line('  by place in its wave: 1st-5th / 16th-20th', `p50 ${ms(percentile(byPosition(0, 5), 50))} / p50 ${ms(percentile(byPosition(15, 20), 50))}`)
  if (bad.length > 0) failures.push(`burst: ${bad.length} deliveries not answered 200 (first: ${bad[0]?.status} ${bad[0]?.error ?? ''})`)
}

function printCheckRuns(run: BurstRun, failures: string[]): void {
  const sentAt = new Map(run.results.map((r) => [r.index, r.sentAtMs]))
  const times = checkRunTimes(run.requests)
  const touched = firstTouchTimes(run.requests, run.pushes.map((p) => p.after))
  const leaky = run.pushes.filter((p) => p.token !== undefined)
  const delay = (p: PlannedPush, at: Map<string, number>): number => (at.get(p.after) ?? NaN) - (sentAt.get(p.index) ?? NaN)
  const toCheck = leaky.map((p) => delay(p, times)).filter((v) => !Number.isNaN(v))
  const queued = run.pushes.map((p) => delay(p, touched)).filter((v) => !Number.isNaN(v))
  const working = leaky.map((p) => (times.get(p.after) ?? NaN) - (touched.get(p.after) ?? NaN)).filter((v) => !Number.isNaN(v))
  const p95 = percentile(toCheck, 95)
  line('delivery to check run p50 / p95 / max', `${ms(percentile(toCheck, 50))} / ${ms(p95)} / ${ms(Math.max(...toCheck))}`, `p95 < 1 s: ${verdict(p95 < 1000)}`)
  line('  of which: delivery to first API call', `p50 ${ms(percentile(queued, 50))} / p95 ${ms(percentile(queued, 95))} (all pushes: the queue, then the fake's first answer)`)
  line('  of which: first API call to check run', `p50 ${ms(percentile(working, 50))} / p95 ${ms(percentile(working, 95))} (leaky pushes: reads, pacing, writes)`)
  const lastCheck = Math.max(...times.values())
  const firstSent = Math.min(...sentAt.values())
  line('first delivery to last check run', ms(lastCheck - firstSent))
  if (run.settledAtMs !== undefined) line('first delivery to queue drained', ms(run.settledAtMs - firstSent))
  const onClean = run.pushes.filter((p) => p.token === undefined && times.has(p.after)).length
  line('check runs on leaky / clean pushes', `${leaky.filter((p) => times.has(p.after)).length} / ${leaky.length} leaky, ${onClean} on clean pushes`)
  if (!run.arrived) failures.push(`burst: ${leaky.length - toCheck.length} of ${leaky.length} check runs did not arrive within ${ARRIVAL_BOUND_MS / 1000} s`)
  if (run.settledAtMs === undefined) failures.push(`burst: the bot's queue was not drained ${SETTLE_BOUND_MS / 1000} s after the last check run`)
}

function printPacing(run: BurstRun): void {
  for (const installationId of new Set(run.pushes.map((p) => p.installationId))) {
    const writes = run.requests.filter((r) => isWrite(r) && r.installationId === installationId).map((r) => r.atMs)
    if (writes.length < 2) continue
    const gaps = writes.slice(1).map((at, i) => at - (writes[i] ?? at))
    const span = (writes.at(-1) ?? 0) - (writes[0] ?? 0)
    line(`writes of installation ${installationId}`, `${writes.length} in ${ms(span)}; after the first 20, one every ${ms(mean(gaps.slice(19)))} on average`)
  }
}

function printCalls(world: BenchWorld, run: BurstRun, failures: string[]): void {
  const calls = run.requests.filter(isApiCall)
  const leaky = run.pushes.filter((p) => p.token !== undefined)
  const issues = openedIssues(run.requests).length
  line('incidents (issues opened) / leaks planted', `${issues} / ${leaky.length}`, `every incident arrives: ${verdict(issues === leaky.length)}`)
  line('API calls (reads + writes), per push', `${calls.length} (${calls.length - calls.filter(isWrite).length} + ${calls.filter(isWrite).length}), ${(calls.length / run.pushes.length).toFixed(2)} per push`)
  const exchanges = (requests: readonly RecordedRequest[]): number => requests.filter((r) => r.operation === TOKEN_EXCHANGE).length
  line('installation token exchanges', `${exchanges(run.requests)} in the burst, ${exchanges(world.gh.requests) - exchanges(run.requests)} in the warm-up`)
  line('refusals / violations recorded by the fake', `${world.gh.refusals.length} / ${world.gh.violations.length}`)
  if (issues !== leaky.length) failures.push(`burst: ${issues} incidents opened for ${leaky.length} planted leaks`)
  if (world.gh.violations.length > 0) failures.push(`burst: the fake recorded ${world.gh.violations.length} violations (first: ${JSON.stringify(world.gh.violations[0])})`)
  const tokens = leaky.map((p) => p.token as string)
  const exposed = leakedTokens(tokens, world.gh.requests, world.bot.output())
  line('raw tokens in requests or bot output', String(exposed))
  if (exposed > 0) failures.push(`burst: ${exposed} raw tokens appeared in what the bot sent or printed`)
}

/** Runs the burst phase; returns what failed functionally (figures never fail). */
export async function runBurstPhase(sender: WebhookSender): Promise<string[]> {
  const failures: string[] = []
  const world = await startBenchWorld({ installations: 2, reposPerInstallation: 10, accountPrefix: 'burst' })
  try {
    await warmUp(world, sender)
    const run = await burst(world, sender)
    const memory = memoryOf(world.botPid)
    const counts = SHAPES.map((shape) => `${run.pushes.filter((p) => p.shape === shape).length} ${shape}`).join(', ')
    console.log(`\n1. Burst within limits: ${run.pushes.length} pushes (${counts}), ${run.pushes.filter((p) => p.token).length} with a leak,`)
    console.log(`   to ${world.repos.length} repositories in 2 installations, ${PER_WAVE} deliveries every ${WAVE_INTERVAL_MS} ms, after one warm-up push per installation`)
    printWebhooks(run, world.bot.output(), failures)
    printCheckRuns(run, failures)
    printCalls(world, run, failures)
    printPacing(run)
    line('CPU from first delivery to drained queue', `bot ${run.cpu.bot.toFixed(1)} s, fake GitHub + sender ${run.cpu.bench.toFixed(1)} s, in ${ms(run.cpu.wallMs)} of wall time (${cpus().length} cores)`)
    line('fake GitHub busy (its event loop)', `${(run.cpu.fakeBusy * 100).toFixed(0)} % of that time (near 100 %: the bot waits for the fake, not for itself)`)
    line('bot peak RSS (VmHWM) / RSS after the burst', `${memory.peakMiB.toFixed(0)} MiB / ${memory.currentMiB.toFixed(0)} MiB`)
  } finally {
    await world.close()
  }
  return failures
}
