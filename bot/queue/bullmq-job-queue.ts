import { DelayedError, Queue, Worker, type Job } from 'bullmq'
import type { Redis } from 'ioredis'
import type { JobQueue, Logger } from '../../src/ports.js'
import type { JobObserver } from './job-observer.js'

/** What a queued job carries besides itself: the group (installation) it is serialised in. */
interface Envelope<TJob> {
  readonly group: string
  readonly job: TJob
}

/** Options of the scaled-mode queue. */
export interface BullmqJobQueueOptions<TJob = unknown> {
  /** Two connections: BullMQ's worker blocks on one (it needs `maxRetriesPerRequest: null`). */
  readonly connection: Redis
  readonly workerConnection: Redis
  readonly concurrency: number
  readonly maxAttempts: number
  readonly backoffMs: (attempt: number) => number
  readonly log: Logger
  readonly prefix?: string
  readonly observer?: JobObserver<TJob>
}

const QUEUE_NAME = 'localstack-guard-jobs'
/** A group lock lives this long unless its holder renews it, so a crashed replica blocks its group briefly only. */
const GROUP_LOCK_MS = 15_000
/**
 * A killed replica's running job is taken back once its BullMQ lock (renewed every half of it while alive) expires
 * and a stalled-job check runs: within about 20 s, instead of BullMQ's default 30 s + 30 s.
 */
const JOB_LOCK_MS = 15_000
const STALLED_CHECK_MS = 5_000
/** A job whose group is busy is put back for this long (plus jitter), without spending an attempt. */
const BUSY_GROUP_DELAY_MS = 150
const RELEASE_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

/**
 * The queue of the scaled mode: BullMQ on Redis, shared by every replica. Jobs are durable and retried with backoff
 * (or when GitHub's `retry-after` says); one job per group (installation) runs at a time across all replicas, held
 * by a Redis lock, so incidents of one installation are never raced.
 */
export class BullmqJobQueue<TJob> implements JobQueue<TJob> {
  private readonly queue: Queue<Envelope<TJob>>
  private worker: Worker<Envelope<TJob>> | undefined
  private readonly prefix: string

  constructor(private readonly options: BullmqJobQueueOptions<TJob>) {
    this.prefix = options.prefix ?? 'localstack-guard'
    this.queue = new Queue<Envelope<TJob>>(QUEUE_NAME, { connection: options.connection, prefix: this.prefix })
  }

  async enqueue(job: TJob, { group }: { group: string }): Promise<void> {
    await this.queue.add('job', { group, job }, { attempts: this.options.maxAttempts, backoff: { type: 'guard' }, removeOnComplete: true, removeOnFail: 1000 })
  }

  start(run: (job: TJob) => Promise<void>): void {
    this.worker = new Worker<Envelope<TJob>>(QUEUE_NAME, (job, token) => this.process(job, token, run), {
      connection: this.options.workerConnection,
      prefix: this.prefix,
      concurrency: this.options.concurrency,
      lockDuration: JOB_LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      settings: {
        backoffStrategy: (attemptsMade, _type, error) => {
          const hinted = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs
          return typeof hinted === 'number' && hinted > 0 ? hinted : this.options.backoffMs(attemptsMade)
        },
      },
    })
    this.worker.on('completed', (job) => this.options.observer?.succeeded?.(job.data.job))
    this.worker.on('failed', (job, error) => void this.onFailed(job, error))
  }

  /** BullMQ keeps a job that failed its last attempt in its failed set: that is the dead letter. */
  private async onFailed(job: Job<Envelope<TJob>> | undefined, error: Error): Promise<void> {
    if (job === undefined) return
    const attempts = job.attemptsMade
    if (attempts < (job.opts.attempts ?? this.options.maxAttempts)) {
      this.options.log.warn('job.retry', { jobId: job.id, group: job.data.group, attempts, error: error.message })
      this.options.observer?.retried?.(job.data.job, { attempts, isRateLimited: false, error: error.message })
      return
    }
    this.options.log.error('job.dead-lettered', { jobId: job.id, group: job.data.group, attempts, error: error.message })
    await this.options.observer?.deadLettered?.(job.data.job, { attempts, error: error.message })
  }

  async stop(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    const bounded = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))
    await Promise.race([Promise.all([this.worker?.close(), this.queue.close()]), bounded])
    clearTimeout(timer)
  }

  /** How long the oldest waiting job has waited (0 when none waits). */
  async oldestReadyAgeMs(): Promise<number> {
    const [oldest] = await this.queue.getJobs(['wait'], 0, 0, true)
    return oldest === undefined ? 0 : Math.max(0, Date.now() - oldest.timestamp)
  }

  /** Counts by state, for the health endpoint and tests: `pending` (waiting or delayed), `running`, `failed`. */
  async counts(): Promise<Record<string, number>> {
    const counts = await this.queue.getJobCounts('wait', 'delayed', 'prioritized', 'active', 'failed')
    return { pending: (counts.wait ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0), running: counts.active ?? 0, failed: counts.failed ?? 0 }
  }

  private async process(job: Job<Envelope<TJob>>, token: string | undefined, run: (job: TJob) => Promise<void>): Promise<void> {
    const lockKey = `${this.prefix}:group-lock:${job.data.group}`
    const owner = `${job.id ?? ''}:${token ?? ''}`
    if ((await this.options.connection.set(lockKey, owner, 'PX', GROUP_LOCK_MS, 'NX')) !== 'OK') {
      await job.moveToDelayed(Date.now() + BUSY_GROUP_DELAY_MS + Math.floor(Math.random() * BUSY_GROUP_DELAY_MS), token)
      throw new DelayedError()
    }
    const renew = setInterval(() => void this.options.connection.pexpire(lockKey, GROUP_LOCK_MS), GROUP_LOCK_MS / 3)
    try {
      await run(job.data.job)
    } catch (error: unknown) {
      const hinted = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs
      if (typeof hinted !== 'number' || hinted <= 0) throw error
      // A rate-limit refusal is GitHub saying "later": delay the job without spending one of its attempts.
      await job.moveToDelayed(Date.now() + hinted, token)
      throw new DelayedError()
    } finally {
      clearInterval(renew)
      await this.options.connection.eval(RELEASE_IF_OWNER, 1, lockKey, owner)
    }
  }
}
