import type { DatabaseSync } from 'node:sqlite'
import type { JobQueue, Logger } from '../../src/ports.js'
import type { JobObserver } from './job-observer.js'

/** Options of the embedded queue. */
export interface SqliteJobQueueOptions<TJob = unknown> {
  /** Jobs of different groups (installations) run in parallel up to this many; one at a time within a group. */
  readonly concurrency: number
  readonly maxAttempts: number
  /** Delay before retry number `attempt` (1-based), unless the error says how long to wait. */
  readonly backoffMs: (attempt: number) => number
  readonly log: Logger
  readonly nowMs?: () => number
  readonly observer?: JobObserver<TJob>
}

/** An error that knows when to try again (a rate limit's `retry-after`). */
interface RetryHint {
  readonly retryAfterMs?: unknown
}

interface JobRow {
  readonly id: number
  readonly group: string
  readonly payload: string
  readonly attempts: number
}

/**
 * A durable queue in the same SQLite file as the state: a job is a row, so a restart resumes it; a failure is
 * retried with backoff; one job per group runs at a time, so one installation's incidents are never raced.
 */
export class SqliteJobQueue<TJob> implements JobQueue<TJob> {
  private run: ((job: TJob) => Promise<void>) | undefined
  private readonly busyGroups = new Set<string>()
  private readonly running = new Set<Promise<void>>()
  private timer: NodeJS.Timeout | undefined
  private isStopped = false
  private readonly nowMs: () => number

  constructor(
    private readonly db: DatabaseSync,
    private readonly options: SqliteJobQueueOptions<TJob>,
  ) {
    this.nowMs = options.nowMs ?? Date.now
  }

  async enqueue(job: TJob, { group }: { group: string }): Promise<void> {
    this.db.prepare("INSERT INTO jobs (job_group, payload, state, run_after_ms) VALUES (?, ?, 'pending', ?)").run(group, JSON.stringify(job), this.nowMs())
    // The caller is the webhook handler: start the work after its answer, never inside it.
    setImmediate(() => this.pump())
  }

  start(run: (job: TJob) => Promise<void>): void {
    this.run = run
    // A job that was running when the process died runs again.
    this.db.prepare("UPDATE jobs SET state = 'pending' WHERE state = 'running'").run()
    this.pump()
  }

  async stop(timeoutMs: number): Promise<void> {
    this.isStopped = true
    if (this.timer !== undefined) clearTimeout(this.timer)
    let timeout: NodeJS.Timeout | undefined
    const bounded = new Promise<void>((resolve) => (timeout = setTimeout(resolve, timeoutMs)))
    await Promise.race([Promise.allSettled([...this.running]), bounded])
    clearTimeout(timeout)
  }

  /** Resolves once no job is running or ready to run (delayed retries do not count), or after `timeoutMs`. */
  async whenIdle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const ready = this.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE state = 'pending' AND run_after_ms <= ?").get(this.nowMs())
      if (this.running.size === 0 && Number(ready?.n ?? 0) === 0) return true
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    return false
  }

  /** Counts of jobs by state, for health reporting and tests (`failed`: dead-lettered, kept for inspection). */
  counts(): Record<string, number> {
    const rows = this.db.prepare('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state').all()
    return Object.fromEntries(rows.map((row) => [String(row.state), Number(row.n)]))
  }

  /** How long the oldest job ready to run has waited (0 when none waits): a stuck queue shows here first. */
  oldestReadyAgeMs(): number {
    const now = this.nowMs()
    const row = this.db.prepare("SELECT MIN(run_after_ms) AS at FROM jobs WHERE state = 'pending' AND run_after_ms <= ?").get(now)
    return typeof row?.at === 'number' ? Math.max(0, now - row.at) : 0
  }

  private pump(): void {
    if (this.run === undefined || this.isStopped) return
    // One clock reading per pass: read twice, a job falling due in between was neither ready nor the next wake-up,
    // and waited for the next webhook (a timer fires up to 1 ms early by Date.now()).
    const now = this.nowMs()
    while (this.running.size < this.options.concurrency) {
      const row = this.nextReady(now)
      if (row === undefined) break
      this.launch(row)
    }
    this.scheduleWakeUp(now)
  }

  private nextReady(now: number): JobRow | undefined {
    const rows = this.db
      .prepare("SELECT id, job_group, payload, attempts FROM jobs WHERE state = 'pending' AND run_after_ms <= ? ORDER BY run_after_ms, id LIMIT 100")
      .all(now)
    const free = rows.find((row) => !this.busyGroups.has(String(row.job_group)))
    if (free === undefined) return undefined
    return { id: Number(free.id), group: String(free.job_group), payload: String(free.payload), attempts: Number(free.attempts) }
  }

  private launch(row: JobRow): void {
    this.db.prepare("UPDATE jobs SET state = 'running' WHERE id = ?").run(row.id)
    this.busyGroups.add(row.group)
    const task = this.execute(row).finally(() => {
      this.busyGroups.delete(row.group)
      this.running.delete(task)
      this.pump()
    })
    this.running.add(task)
  }

  private async execute(row: JobRow): Promise<void> {
    const run = this.run
    if (run === undefined) return
    const job = JSON.parse(row.payload) as TJob
    try {
      await run(job)
      this.db.prepare('DELETE FROM jobs WHERE id = ?').run(row.id)
      this.options.observer?.succeeded?.(job)
    } catch (error: unknown) {
      await this.fail(row, { job, error })
    }
  }

  private async fail(row: JobRow, failure: { job: TJob; error: unknown }): Promise<void> {
    const { job, error } = failure
    const hinted = (error as RetryHint | null)?.retryAfterMs
    const isRateLimited = typeof hinted === 'number' && hinted > 0
    // A rate-limit refusal is GitHub saying "later", not a failure: it does not spend one of the job's attempts.
    const attempts = isRateLimited ? row.attempts : row.attempts + 1
    const message = error instanceof Error ? error.message : String(error)
    if (attempts >= this.options.maxAttempts) {
      this.db.prepare("UPDATE jobs SET state = 'failed', attempts = ?, last_error = ? WHERE id = ?").run(attempts, message, row.id)
      this.options.log.error('job.dead-lettered', { jobId: row.id, group: row.group, attempts, error: message })
      await this.options.observer?.deadLettered?.(job, { attempts, error: message })
      return
    }
    const delayMs = isRateLimited ? hinted : this.options.backoffMs(attempts)
    this.db.prepare("UPDATE jobs SET state = 'pending', attempts = ?, last_error = ?, run_after_ms = ? WHERE id = ?").run(attempts, message, this.nowMs() + delayMs, row.id)
    this.options.log.warn('job.retry', { jobId: row.id, group: row.group, attempts, delayMs, error: message })
    this.options.observer?.retried?.(job, { attempts, isRateLimited, error: message })
  }

  private scheduleWakeUp(now: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    const next = this.db.prepare("SELECT MIN(run_after_ms) AS at FROM jobs WHERE state = 'pending' AND run_after_ms > ?").get(now)
    const at = next?.at
    if (typeof at !== 'number') return
    this.timer = setTimeout(() => this.pump(), Math.max(10, at - this.nowMs()))
    this.timer.unref()
  }
}
