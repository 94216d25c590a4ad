import type { ApplicationFunctionOptions, Probot } from 'probot'
import { registerHandlers } from './handlers/register-handlers.js'
import type { BotJob } from './jobs/job.js'
import { runJob } from './jobs/run-job.js'
import { probotLogger } from './probot-logger.js'
import { SqliteJobQueue } from './queue/sqlite-job-queue.js'
import { withRetryHint } from './retry-hint.js'
import { openDatabase } from './store/sqlite-database.js'
import { SqliteStore } from './store/sqlite-store.js'

/** Where the embedded state lives unless GUARD_DATABASE_PATH says otherwise. */
const DEFAULT_DATABASE_PATH = 'data/localstack-guard.sqlite'

/**
 * The composition root of the bot: the only place in bot/ that reads the environment. Webhook handlers record and
 * enqueue; the queue's workers do the GitHub work after the answer.
 */
export default function localstackGuard(app: Probot, options: ApplicationFunctionOptions): void {
  const env = process.env
  const log = probotLogger(app.log)
  const db = openDatabase(env.GUARD_DATABASE_PATH ?? DEFAULT_DATABASE_PATH)
  const store = new SqliteStore(db)
  const queue = new SqliteJobQueue<BotJob>(db, {
    concurrency: Number(env.GUARD_WORKERS ?? 4),
    maxAttempts: 8,
    backoffMs: (attempt) => Math.min(5_000 * 2 ** (attempt - 1), 30 * 60_000),
    log,
  })
  const webBaseUrl = env.GHE_HOST === undefined || env.GHE_HOST === '' ? 'https://github.com' : `${env.GHE_PROTOCOL ?? 'https'}://${env.GHE_HOST}`
  const deps = { ledger: store, incidents: store, records: store, log, webBaseUrl, nowMs: Date.now }
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
  log.info('bot.started', { database: env.GUARD_DATABASE_PATH ?? DEFAULT_DATABASE_PATH, webBaseUrl })
}
