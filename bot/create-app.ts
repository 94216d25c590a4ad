import type { DatabaseSync } from 'node:sqlite'
import type { ApplicationFunctionOptions, Probot } from 'probot'
import { registerHandlers } from './handlers/register-handlers.js'
import type { BotJob } from './jobs/job.js'
import { runJob } from './jobs/run-job.js'
import { probotLogger } from './probot-logger.js'
import { SqliteJobQueue } from './queue/sqlite-job-queue.js'
import { withRetryHint } from './retry-hint.js'
import { SqliteStore } from './store/sqlite-store.js'

/** What the composition root decides from the environment. */
export interface GuardAppSettings {
  readonly db: DatabaseSync
  /** `https://github.com`, or the GHES web root: where permalinks point. */
  readonly webBaseUrl: string
  readonly workers: number
  /** Called with the queue once it exists (tests wait on it; production ignores it). */
  readonly onQueue?: (queue: SqliteJobQueue<BotJob>) => void
}

/**
 * Builds the Probot application function. Webhook handlers record and enqueue; the queue's workers do the GitHub
 * work after the answer, with an installation client each.
 */
export function createGuardApp(settings: GuardAppSettings) {
  return (app: Probot, options: ApplicationFunctionOptions): void => {
    const log = probotLogger(app.log)
    const store = new SqliteStore(settings.db)
    const queue = new SqliteJobQueue<BotJob>(settings.db, {
      concurrency: settings.workers,
      maxAttempts: 8,
      backoffMs: (attempt) => Math.min(5_000 * 2 ** (attempt - 1), 30 * 60_000),
      log,
    })
    const deps = { ledger: store, incidents: store, records: store, log, webBaseUrl: settings.webBaseUrl, nowMs: Date.now }
    registerHandlers(app, { deliveries: store, queue, log })
    queue.start(async (job) => {
      try {
        await runJob(await app.auth(job.installationId), job, deps)
      } catch (error: unknown) {
        throw withRetryHint(error, Date.now())
      }
    })
    options.addHandler((request, response) => {
      if (request.url !== '/localstack-guard/health') return false
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', jobs: queue.counts() }))
      return true
    })
    settings.onQueue?.(queue)
  }
}
