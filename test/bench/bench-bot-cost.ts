// Phase 2, cost: each push shape, clean and with a leak, pushed one at a time to a repository of its own (its own
// installation, so a fresh state), counting the API calls the bot made between settle points. The first leak in a
// repository also reads the configuration (the repository's file, then the organisation's `.github` fallback); later
// leaks use the cached configuration.
import type { RecordedRequest } from '../fakes/fake-github/index.js'
import { planPush, SHAPE_LABELS, SHAPES, type PushShape } from './bench-bot-shapes.js'
import { checkRunTimes, isApiCall, isWrite, line, mean, openedIssues, TOKEN_EXCHANGE, verdict } from './bench-bot-stats.js'
import { startBenchWorld, type BenchWorld } from './bench-bot-world.js'

const PUSHES_PER_VARIANT = 4
const SETTLE_BOUND_MS = 30_000
/** Shapes of one commit and under 300 files: the goal is at most 3 calls for them. */
const ONE_COMMIT_UNDER_300: readonly PushShape[] = ['one-commit', 'omitted-patch']

interface PushCost {
  readonly shape: PushShape
  readonly isLeaky: boolean
  /** 1 for the first push to its repository. */
  readonly ordinal: number
  readonly calls: RecordedRequest[]
  readonly exchanges: number
}

async function measureVariant(world: BenchWorld, target: BenchWorld['repos'][number], variant: { shape: PushShape; isLeaky: boolean }): Promise<PushCost[]> {
  const costs: PushCost[] = []
  for (let ordinal = 1; ordinal <= PUSHES_PER_VARIANT; ordinal++) {
    const push = planPush(world.gh, target, { index: ordinal, ...variant })
    const mark = world.gh.requests.length
    const answer = await world.bot.deliver('push', `cost-${target.repo.fullName}-${ordinal}`, push.payload)
    if (answer.status !== 200) throw new Error(`Cost phase: the bot answered ${answer.status} to a ${variant.shape} push: ${answer.body}`)
    if (!(await world.settle(SETTLE_BOUND_MS))) throw new Error(`Cost phase: a ${variant.shape} push was still queued after ${SETTLE_BOUND_MS / 1000} s: ${JSON.stringify(await world.jobs())}`)
    const requests = world.gh.requests.slice(mark)
    if (variant.isLeaky && !checkRunTimes(requests).has(push.after)) throw new Error(`Cost phase: no check run for a leaky ${variant.shape} push (${push.after}).`)
    if (variant.isLeaky && openedIssues(requests).length !== 1) throw new Error(`Cost phase: a leaky ${variant.shape} push opened ${openedIssues(requests).length} issues, not 1.`)
    costs.push({ ...variant, ordinal, calls: requests.filter(isApiCall), exchanges: requests.filter((r) => r.operation === TOKEN_EXCHANGE).length })
  }
  return costs
}

function describe(calls: readonly RecordedRequest[]): string {
  const short = (r: RecordedRequest): string => {
    const op = r.operation ?? r.path
    if (op.endsWith('/commits/{ref}')) return 'get-commit'
    if (op.includes('/compare/')) return 'compare'
    if (op.endsWith('/git/blobs/{file_sha}')) return 'blob'
    if (op.endsWith('/contents/{path}')) return `config${r.status === 404 ? '(404)' : ''}`
    if (op === 'POST /repos/{owner}/{repo}/issues') return 'issue'
    if (op === 'POST /repos/{owner}/{repo}/check-runs') return 'check-run'
    return op
  }
  return calls.map(short).join(' + ')
}

function stats(costs: readonly PushCost[]): string {
  const counts = costs.map((c) => c.calls.length)
  return counts.length === 0 ? 'n/a' : `${mean(counts).toFixed(1)} / ${Math.max(...counts)}`
}

function printShape(shape: PushShape, costs: readonly PushCost[], failures: string[]): void {
  const clean = costs.filter((c) => c.shape === shape && !c.isLeaky)
  const leaky = costs.filter((c) => c.shape === shape && c.isLeaky)
  const cold = leaky.filter((c) => c.ordinal === 1)
  const warm = leaky.filter((c) => c.ordinal > 1)
  const cleanWrites = clean.reduce((sum, c) => sum + c.calls.filter(isWrite).length, 0)
  console.log(`  ${shape} (${SHAPE_LABELS[shape]})`)
  line('    clean: calls mean / max', `${stats(clean)}   [${describe(clean[0]?.calls ?? [])}]${cleanWrites > 0 ? `, ${cleanWrites} WRITES` : ''}`)
  line('    leak, first in its repository', `${stats(cold)}   [${describe(cold[0]?.calls ?? [])}]`)
  const maxWarm = Math.max(...warm.map((c) => c.calls.length), ...clean.map((c) => c.calls.length))
  const goal = ONE_COMMIT_UNDER_300.includes(shape) ? `<= 3 calls (config cached): ${verdict(maxWarm <= 3)}` : undefined
  line('    leak, config cached: calls mean / max', `${stats(warm)}   [${describe(warm[0]?.calls ?? [])}]`, goal)
  if (cleanWrites > 0) failures.push(`cost: clean ${shape} pushes wrote ${cleanWrites} times (a clean push costs reads only)`)
}

/** Runs the cost phase; returns what failed functionally. */
export async function runCostPhase(): Promise<string[]> {
  const failures: string[] = []
  const variants = SHAPES.flatMap((shape) => [false, true].map((isLeaky) => ({ shape, isLeaky })))
  const world = await startBenchWorld({ installations: variants.length, reposPerInstallation: 1, accountPrefix: 'cost' })
  try {
    const costs: PushCost[] = []
    for (const [i, variant] of variants.entries()) costs.push(...(await measureVariant(world, world.repos[i] as BenchWorld['repos'][number], variant)))
    const exchanges = costs.reduce((sum, c) => sum + c.exchanges, 0)
    console.log(`\n2. API calls per push: each shape ${PUSHES_PER_VARIANT} times, one push at a time, clean and leaky each in a repository of its own`)
    console.log('   (one installation per repository, so a fresh state; calls exclude the installation token exchange)')
    for (const shape of SHAPES) printShape(shape, costs, failures)
    line('installation token exchanges', `${exchanges} for ${costs.length} pushes (one per installation; Probot caches the token for an hour)`)
    line('refusals / violations recorded by the fake', `${world.gh.refusals.length} / ${world.gh.violations.length}`)
    if (world.gh.violations.length > 0) failures.push(`cost: the fake recorded ${world.gh.violations.length} violations (first: ${JSON.stringify(world.gh.violations[0])})`)
  } finally {
    await world.close()
  }
  return failures
}
