import { run, type ApplicationFunctionOptions, type Probot } from 'probot'
import { redisBackend, sqliteBackend } from './backends.js'
import { createGuardApp } from './create-app.js'
import type { ResponseEnvironment } from './jobs/leak-response-context.js'
import { createPacedOctokit } from './github/write-pacing.js'
import { probotLogger } from './probot-logger.js'
import { openDatabase } from './store/sqlite-database.js'
import { useFileScanner } from './github/scan-changes.js'
import { createWorkerScanner } from './scan/worker-scanner.js'
import { tuneServerTimeouts } from './server-timeouts.js'
import { createWebhookEndpoint } from './webhook-endpoint.js'

/** Where the embedded state lives unless GUARD_DATABASE_PATH says otherwise. */
const DEFAULT_DATABASE_PATH = 'data/localstack-guard.sqlite'
/** Probot's default webhook path, which stays the public one. */
const DEFAULT_WEBHOOK_PATH = '/api/github/webhooks'
/**
 * Probot's own middleware cannot be removed, so it is given a path no request can reach: a parsed URL's pathname
 * never holds a raw space. (At a reachable path it buffered bodies of any size before checking a signature, and
 * accepted deliveries our endpoint refuses.) Only our endpoint (401 on a bad signature, capped bodies) takes webhooks.
 */
export const UNREACHABLE_WEBHOOK_PATH = '/probot middleware disabled'

/** Set once the app is loaded: what a shutdown must finish. */
let stopQueue: (timeoutMs: number) => Promise<void> = async () => undefined
let closeBackend: () => Promise<void> = async () => undefined
/** A running job gets this long to finish on SIGTERM; an unfinished one runs again at the next start. */
const SHUTDOWN_GRACE_MS = 5000

/** The composition root of the bot: the only place in bot/ that reads the environment. */
export default function localstackGuard(app: Probot, options: ApplicationFunctionOptions): void {
  const env = process.env
  const databasePath = env.GUARD_DATABASE_PATH ?? DEFAULT_DATABASE_PATH
  const webBaseUrl = env.GHE_HOST === undefined || env.GHE_HOST === '' ? 'https://github.com' : `${env.GHE_PROTOCOL ?? 'https'}://${env.GHE_HOST}`
  const workers = Number(env.GUARD_WORKERS ?? 16)
  const redisUrl = env.REDIS_URL ?? ''
  const backend = redisUrl === '' ? sqliteBackend(openDatabase(databasePath), workers) : redisBackend(redisUrl, workers)
  const response = responseEnvironment(env)
  const incidentWatchMs = Number(env.GUARD_INCIDENT_WATCH_SECONDS ?? 300) * 1000
  createGuardApp({ backend, webBaseUrl, response, incidentWatchMs, onQueue: (queue) => (stopQueue = (ms) => queue.stop(ms)) })(app, options)
  closeBackend = () => backend.close()
  const log = probotLogger(app.log)
  // Scanning runs on worker threads under a time budget: the event loop stays free for webhooks and /health.
  const scanner = createWorkerScanner()
  useFileScanner(scanner)
  const closeState = closeBackend
  closeBackend = async () => {
    await scanner.close()
    await closeState()
  }
  options.addHandler(tuneServerTimeouts)
  options.addHandler(createWebhookEndpoint(app, { path: env.WEBHOOK_PATH ?? DEFAULT_WEBHOOK_PATH, secret: env.WEBHOOK_SECRET ?? 'development', log }))
  log.info('bot.started', { backend: backend.name, ...(backend.name === 'sqlite' ? { database: databasePath } : {}), webBaseUrl })
}

/**
 * `npm start`: Probot's `run()` reads APP_ID, PRIVATE_KEY(_PATH), WEBHOOK_SECRET, PORT, HOST, GHE_HOST, LOG_LEVEL;
 * without credentials it serves the setup page that registers the app from `app.yml`.
 */
export async function start(): Promise<void> {
  const env = process.env
  const hasCredentials = (env.APP_ID ?? '') !== '' && ((env.PRIVATE_KEY ?? '') !== '' || (env.PRIVATE_KEY_PATH ?? '') !== '')
  const redisUrl = (env.REDIS_URL ?? '') === '' ? undefined : env.REDIS_URL
  const server = await run(localstackGuard, { Octokit: createPacedOctokit(redisUrl), env: hasCredentials ? { ...env, WEBHOOK_PATH: UNREACHABLE_WEBHOOK_PATH } : env })
  // Orchestrators stop with SIGTERM: stop taking webhooks, let the running job finish, close the state file.
  process.once('SIGTERM', () => {
    void (async () => {
      await server.stop().catch(() => undefined)
      await stopQueue(SHUTDOWN_GRACE_MS)
      await closeBackend()
      process.exit(0)
    })()
  })
}

/** The leak response's settings from the environment: signing secrets, the public URL, outbound retries. */
function responseEnvironment(env: NodeJS.ProcessEnv): ResponseEnvironment {
  const publicUrl = nonEmpty(env.GUARD_PUBLIC_URL)
  const rotationSecret = nonEmpty(env.GUARD_ROTATION_SECRET)
  const alertSecret = nonEmpty(env.GUARD_ALERT_SECRET)
  return {
    ...(publicUrl === undefined ? {} : { publicUrl }),
    ...(rotationSecret === undefined ? {} : { rotationSecret }),
    ...(alertSecret === undefined ? {} : { alertSecret }),
    retryBaseMs: Number(env.GUARD_OUTBOUND_RETRY_MS ?? 1000),
    attempts: 4,
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
