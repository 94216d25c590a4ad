// The world of one benchmark phase: a fake GitHub (in this process) with installations of repositories that each have
// an initial commit, and the built bot as a child process pointed at it (test/e2e/bot/bot-process.ts), plus what the
// benchmark reads from outside: the queue's health, the bot's pid and its peak RSS.
import { readFileSync } from 'node:fs'
import { startBot, type BotProcess } from '../e2e/bot/bot-process.js'
import { startFakeGitHub, type FakeGitHub, type FakeRepository, type RateLimitOptions } from '../fakes/fake-github/index.js'
import { generateTestAppKey, type TestAppKey } from '../support/generate-test-app-key.js'

export const APP_ID = 4242
/** The health endpoint is polled this often: often enough to time a settle, rarely enough not to load the bot. */
export const HEALTH_POLL_MS = 100

/** A repository and the installation that reaches it. */
export interface BenchRepo {
  readonly repo: FakeRepository
  readonly installationId: number
}

export interface BenchWorld {
  readonly gh: FakeGitHub
  readonly bot: BotProcess
  readonly repos: readonly BenchRepo[]
  /** The bot's process id (found among this process's children), for `/proc/<pid>/status`. */
  readonly botPid: number
  /** Job counts by state from the bot's health endpoint (`pending` includes retries waiting for their time). */
  jobs(): Promise<Record<string, number>>
  /** Waits until no job is pending or running; false after `timeoutMs`. */
  settle(timeoutMs: number): Promise<boolean>
  close(): Promise<void>
}

export interface WorldOptions {
  readonly installations: number
  readonly reposPerInstallation: number
  readonly limits?: Partial<RateLimitOptions>
  /** Account logins are `<prefix>-<n>`; repositories are `repo-<nn>`. */
  readonly accountPrefix: string
}

let key: TestAppKey | undefined

/** `BENCH_BOT_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof'` profiles the bot (written when it stops). */
function profiling(): Record<string, string> {
  const options = process.env['BENCH_BOT_NODE_OPTIONS']
  return options === undefined || options === '' ? {} : { NODE_OPTIONS: options }
}

/** One key pair for the whole run: RSA generation is the slow part. */
function appKey(): TestAppKey {
  key ??= generateTestAppKey()
  return key
}

function createRepos(gh: FakeGitHub, options: WorldOptions): BenchRepo[] {
  const repos: BenchRepo[] = []
  for (let i = 1; i <= options.installations; i++) {
    const account = `${options.accountPrefix}-${i}`
    const installationId = 100 * i + 1
    const created: FakeRepository[] = []
    for (let r = 1; r <= options.reposPerInstallation; r++) {
      const repo = gh.createRepository(`${account}/repo-${String(r).padStart(2, '0')}`, { defaultBranch: 'main' })
      repo.commit({ files: { 'README.md': `# ${repo.fullName}\n` }, message: 'Initial commit' })
      created.push(repo)
      repos.push({ repo, installationId })
    }
    gh.addInstallation({ id: installationId, account, repositories: created })
  }
  return repos
}

export async function startBenchWorld(options: WorldOptions): Promise<BenchWorld> {
  const gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem, ...(options.limits === undefined ? {} : { limits: options.limits }) })
  let bot: BotProcess | undefined
  try {
    const repos = createRepos(gh, options)
    // Production log level: debug would print every request and slow the bot down.
    bot = await startBot(gh, appKey(), { appId: APP_ID, env: { LOG_LEVEL: 'info', ...profiling() } })
    const started = bot
    const jobs = async (): Promise<Record<string, number>> => {
      const health = (await (await fetch(new URL('/localstack-guard/health', started.url))).json()) as { jobs: Record<string, number> }
      return health.jobs
    }
    return {
      gh,
      bot: started,
      repos,
      botPid: started.pid,
      jobs,
      settle: (timeoutMs) => waitUntil(async () => isIdle(await jobs()), { timeoutMs, pollMs: HEALTH_POLL_MS }),
      async close() {
        await started.stop()
        await gh.close()
      },
    }
  } catch (error: unknown) {
    await bot?.stop()
    await gh.close()
    throw error
  }
}

export function isIdle(jobs: Record<string, number>): boolean {
  return (jobs['pending'] ?? 0) === 0 && (jobs['running'] ?? 0) === 0
}

/** Polls `condition` every `pollMs` until it holds (true) or `timeoutMs` passes (false). */
export async function waitUntil(condition: () => boolean | Promise<boolean>, options: { timeoutMs: number; pollMs: number }): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs
  for (;;) {
    if (await condition()) return true
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, options.pollMs))
  }
}

/** `VmHWM` (peak resident set) and `VmRSS` of a process, in MiB. */
export function memoryOf(pid: number): { peakMiB: number; currentMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { peakMiB: kib('VmHWM') / 1024, currentMiB: kib('VmRSS') / 1024 }
}

/** User + system CPU time a process has used, in seconds (`/proc/<pid>/stat` counts clock ticks of 1/100 s on Linux). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}
