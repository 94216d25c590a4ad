// Phase 4, hostile input beside ordinary traffic: one repository pushes a decoy-flooded file (130,000 copies of one
// token beside a real leak) and a configuration whose glob backtracks (with a file name built to trigger it), while
// other repositories of the same and another installation push ordinary leaks. The figure: the ordinary pushes'
// delivery-to-check-run p95, measured without the hostile pushes and then with them, in one run.
import { WEBHOOK_SECRET } from '../e2e/bot/bot-process.js'
import { generateToken } from '../support/generate-token.js'
import type { WebhookSender } from './bench-bot-sender.js'
import { planPush, type PlannedPush } from './bench-bot-shapes.js'
import { checkRunTimes, leakedTokens, line, ms, percentile, verdict } from './bench-bot-stats.js'
import { cpuSecondsOf, memoryOf, startBenchWorld, waitUntil, type BenchRepo, type BenchWorld } from './bench-bot-world.js'

/**
 * Each ordinary push writes an issue and a check run. 30 a round keeps both rounds and the hostile pushes within one
 * installation's content-creation budget (80 a minute), so the figure measures the hostile input, not the budget
 * (phase 3 measures that).
 */
const ORDINARY_PUSHES = 30
const PER_WAVE = 4
const WAVE_INTERVAL_MS = 250
const ARRIVAL_BOUND_MS = 180_000
const DECOYS = 130_000

interface Round {
  readonly p95Ms: number
  readonly p50Ms: number
  readonly arrived: number
  /** CPU seconds of the bot, and how busy the fake GitHub's event loop (this thread) was, during the round. */
  readonly botCpuS: number
  readonly fakeBusy: number
}

/** Sends ordinary leaky one-commit pushes to every repository but the hostile one; returns their delivery-to-check-run figures. */
async function ordinaryRound(world: BenchWorld, sender: WebhookSender, round: string, tokens: string[]): Promise<Round> {
  const targets = world.repos.slice(1)
  const pushes: PlannedPush[] = Array.from({ length: ORDINARY_PUSHES }, (_, index) => planPush(world.gh, targets[index % targets.length] as BenchRepo, { index, shape: 'one-commit', isLeaky: true }))
  for (const push of pushes) tokens.push(push.token as string)
  const deliveries = pushes.map((p) => ({ index: p.index, deliveryId: `${round}-${p.index}`, payload: p.payload }))
  const before = { cpu: cpuSecondsOf(world.botPid), loop: performance.eventLoopUtilization() }
  const results = await sender.send({ url: world.bot.url, secret: WEBHOOK_SECRET, deliveries, perWave: PER_WAVE, waveIntervalMs: WAVE_INTERVAL_MS })
  await waitUntil(() => pushes.every((p) => checkRunTimes(world.gh.requests).has(p.after)), { timeoutMs: ARRIVAL_BOUND_MS, pollMs: 100 })
  const times = checkRunTimes(world.gh.requests)
  const sentAt = new Map(results.map((r) => [r.index, r.sentAtMs]))
  const delays = pushes.map((p) => (times.get(p.after) ?? Number.NaN) - (sentAt.get(p.index) ?? Number.NaN)).filter((v) => !Number.isNaN(v))
  const fakeBusy = performance.eventLoopUtilization(before.loop).utilization
  return { p95Ms: percentile(delays, 95), p50Ms: percentile(delays, 50), arrived: delays.length, botCpuS: cpuSecondsOf(world.botPid) - before.cpu, fakeBusy }
}

/** The hostile pushes, to the first repository: a decoy flood beside a real leak, then a backtracking glob. */
function hostilePushes(world: BenchWorld, tokens: string[]): { after: string[]; payloads: unknown[] } {
  const { repo } = world.repos[0] as BenchRepo
  const [real, decoy, third] = [generateToken(), generateToken(), generateToken()]
  tokens.push(real, decoy, third)
  const first = repo.head() ?? ''
  const flooded = repo.commit({ files: { 'deploy/.env': `LOCALSTACK_AUTH_TOKEN=${real}\n`, 'data/decoys.txt': `X=${decoy}\n`.repeat(DECOYS) } })
  const config = "ignore-paths:\n  - '**/*a*a*a*a*a*a*b'\n"
  const globbed = repo.commit({ files: { '.github/localstack-guard.yml': config, [`src/${'a'.repeat(110)}`]: `LOCALSTACK_AUTH_TOKEN=${third}\n` } })
  const payloads = [
    world.gh.pushPayload(repo, { ref: 'refs/heads/main', before: first, after: flooded }),
    world.gh.pushPayload(repo, { ref: 'refs/heads/main', before: flooded, after: globbed }),
  ]
  return { after: [flooded, globbed], payloads }
}

/** One clean push per installation first: the bot's first token exchange and first job are not part of a round. */
async function warmUp(world: BenchWorld, sender: WebhookSender): Promise<void> {
  const targets = [...new Map(world.repos.map((r) => [r.installationId, r])).values()]
  const pushes = targets.map((target, index) => planPush(world.gh, target, { index, shape: 'one-commit', isLeaky: false }))
  await sender.send({ url: world.bot.url, secret: WEBHOOK_SECRET, deliveries: pushes.map((p) => ({ index: p.index, deliveryId: `hostile-warm-${p.index}`, payload: p.payload })), perWave: 10, waveIntervalMs: 0 })
  if (!(await world.settle(30_000))) throw new Error('Warm-up did not finish: the bot still had queued jobs after 30 s. Check its output.')
}

/** Runs the hostile phase; returns what failed functionally (figures never fail). */
export async function runHostilePhase(sender: WebhookSender): Promise<string[]> {
  const failures: string[] = []
  const tokens: string[] = []
  const world = await startBenchWorld({ installations: 2, reposPerInstallation: 5, accountPrefix: 'hostile' })
  try {
    await warmUp(world, sender)
    const calm = await ordinaryRound(world, sender, 'calm', tokens)
    if (!(await world.settle(60_000))) failures.push('hostile: the queue did not drain after the calm round')
    const hostile = hostilePushes(world, tokens)
    // Answered in milliseconds (the handlers only enqueue): the scanning runs while the ordinary round is delivered.
    await sender.send({ url: world.bot.url, secret: WEBHOOK_SECRET, deliveries: hostile.payloads.map((payload, index) => ({ index, deliveryId: `hostile-${index}`, payload })), perWave: 2, waveIntervalMs: 0 })
    const stormy = await ordinaryRound(world, sender, 'stormy', tokens)
    const hostileArrived = await waitUntil(() => hostile.after.every((sha) => checkRunTimes(world.gh.requests).has(sha)), { timeoutMs: ARRIVAL_BOUND_MS, pollMs: 200 })
    const memory = memoryOf(world.botPid)
    console.log(`\n4. Hostile input beside ordinary traffic: ${ORDINARY_PUSHES} ordinary leaky pushes to ${world.repos.length - 1} repositories (2 installations),`)
    console.log(`   ${PER_WAVE} every ${WAVE_INTERVAL_MS} ms, first alone, then beside a push of ${DECOYS} decoys (${((DECOYS * 47) / 1e6).toFixed(1)} MB) and a push with a backtracking glob`)
    line('ordinary delivery to check run, alone p50 / p95', `${ms(calm.p50Ms)} / ${ms(calm.p95Ms)}`)
    const ratio = stormy.p95Ms / calm.p95Ms
    line('ordinary delivery to check run, beside hostile p50 / p95', `${ms(stormy.p50Ms)} / ${ms(stormy.p95Ms)}`, `p95 within 2x of alone (${ratio.toFixed(2)}x): ${verdict(ratio <= 2)}`)
    const busy = (round: Round): string => `bot CPU ${round.botCpuS.toFixed(1)} s, fake GitHub busy ${(round.fakeBusy * 100).toFixed(0)} %`
    line('during the rounds, alone / beside hostile', `${busy(calm)} / ${busy(stormy)}`)
    line('refusals recorded by the fake (rate limits)', String(world.gh.refusals.length))
    line('check runs of the hostile pushes', hostileArrived ? 'both arrived' : 'missing')
    line('bot peak RSS (VmHWM)', `${memory.peakMiB.toFixed(0)} MiB`)
    const exposed = leakedTokens(tokens, world.gh.requests, world.bot.output())
    line('raw tokens in requests or bot output', String(exposed))
    if (calm.arrived < ORDINARY_PUSHES || stormy.arrived < ORDINARY_PUSHES) failures.push(`hostile: ordinary check runs missing (${calm.arrived} and ${stormy.arrived} of ${ORDINARY_PUSHES})`)
    if (!hostileArrived) failures.push('hostile: a hostile push left no check run')
    if (exposed > 0) failures.push(`hostile: ${exposed} raw tokens appeared in what the bot sent or printed`)
    if (world.gh.violations.length > 0) failures.push(`hostile: the fake recorded ${world.gh.violations.length} violations (first: ${JSON.stringify(world.gh.violations[0])})`)
  } finally {
    await world.close()
  }
  return failures
}
