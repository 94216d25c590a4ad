import type { DatabaseSync } from 'node:sqlite'
import { Redis } from 'ioredis'
import type { Incident } from '../src/incidents/incident.js'
import type { DeliveryLedger, IncidentStore, JobQueue, LockService, Logger, RecordStore, ScanLedger } from '../src/ports.js'
import type { BotJob } from './jobs/job.js'
import type { JobObserver } from './queue/job-observer.js'
import { BullmqJobQueue } from './queue/bullmq-job-queue.js'
import { SqliteJobQueue } from './queue/sqlite-job-queue.js'
import { LocalLocks } from './store/local-locks.js'
import { RedisLocks } from './store/redis-locks.js'
import { RedisStore } from './store/redis-store.js'
import { SqliteStore } from './store/sqlite-store.js'

/** A queue that can say how much work it holds (the health endpoint, tests). */
export interface ObservableJobQueue<TJob> extends JobQueue<TJob> {
  counts(): Promise<Record<string, number>> | Record<string, number>
  oldestReadyAgeMs(): Promise<number> | number
}

/** Where the bot keeps its state and its queue: SQLite in one process, or Redis shared by replicas. */
export interface GuardBackend {
  readonly name: 'sqlite' | 'redis'
  readonly store: DeliveryLedger & ScanLedger & IncidentStore<Incident> & RecordStore
  /** Serialises the find-or-open of incidents per installation, so one token never gets two issues. */
  readonly locks: LockService
  createQueue(log: Logger, observer?: JobObserver<BotJob>): ObservableJobQueue<BotJob>
  /** Resolves when the state answers a trivial query (the health endpoint); rejects otherwise. */
  ping(): Promise<void>
  /** Incidents by lifecycle state (the metrics endpoint). */
  incidentCounts(): Promise<Record<string, number>>
  close(): Promise<void>
}

/** How the queue runs jobs: workers, and how often a failing job is tried before it is dead-lettered. */
export interface QueueSettings {
  readonly workers: number
  /** Default 8: with the default base, 8 attempts span about 10 minutes of backoff. */
  readonly maxAttempts?: number
  /** The first retry's delay (default 5 s); each next one doubles, up to 30 min. */
  readonly retryBaseMs?: number
}

/** 5 s, doubling, at most 30 min: a job outlives a GitHub incident of an hour without giving up. */
function retrySchedule(settings: QueueSettings) {
  const base = settings.retryBaseMs ?? 5_000
  return { maxAttempts: settings.maxAttempts ?? 8, backoffMs: (attempt: number): number => Math.min(base * 2 ** (attempt - 1), 30 * 60_000) }
}

/** The embedded default: one SQLite file for state and queue. */
export function sqliteBackend(db: DatabaseSync, settings: QueueSettings | number): GuardBackend {
  const queue = typeof settings === 'number' ? { workers: settings } : settings
  const { maxAttempts, backoffMs } = retrySchedule(queue)
  const workers = queue.workers
  return {
    name: 'sqlite',
    store: new SqliteStore(db),
    locks: new LocalLocks(),
    createQueue: (log, observer) => new SqliteJobQueue<BotJob>(db, { concurrency: workers, maxAttempts, backoffMs, log, ...(observer ? { observer } : {}) }),
    ping: async () => void db.prepare('SELECT 1').get(),
    incidentCounts: async () => {
      const rows = db.prepare("SELECT json_extract(data, '$.state') AS state, COUNT(*) AS n FROM incidents GROUP BY state").all()
      return Object.fromEntries(rows.map((row) => [String(row.state), Number(row.n)]))
    },
    close: async () => db.close(),
  }
}

/** The scaled mode (`REDIS_URL`): state, locks and the queue (BullMQ) in Redis, so any number of replicas share work. */
export function redisBackend(url: string, settings: QueueSettings): GuardBackend {
  const { maxAttempts, backoffMs } = retrySchedule(settings)
  const workers = settings.workers
  // BullMQ's workers block on their connection: it must not give up on a request (maxRetriesPerRequest: null).
  const connection = new Redis(url, { maxRetriesPerRequest: null })
  const workerConnection = new Redis(url, { maxRetriesPerRequest: null })
  return {
    name: 'redis',
    store: new RedisStore(connection),
    locks: new RedisLocks(connection),
    createQueue: (log, observer) =>
      new BullmqJobQueue<BotJob>({ connection, workerConnection, concurrency: workers, maxAttempts, backoffMs, log, ...(observer ? { observer } : {}) }),
    ping: async () => void (await connection.ping()),
    incidentCounts: () => redisIncidentCounts(connection),
    close: async () => {
      connection.disconnect()
      workerConnection.disconnect()
    },
  }
}

/** Counts incidents by state across installations (a scan of the incident hashes: incidents are few). */
async function redisIncidentCounts(redis: Redis, prefix = 'localstack-guard'): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:incidents:*`, 'COUNT', 200)
    cursor = next
    for (const key of keys) {
      for (const data of await redis.hvals(key)) {
        const state = (JSON.parse(data) as { state?: string }).state ?? 'unknown'
        counts[state] = (counts[state] ?? 0) + 1
      }
    }
  } while (cursor !== '0')
  return counts
}
