import { accessSync, constants } from 'node:fs'
import { run, type ApplicationFunctionOptions, type Probot } from 'probot'
import { toError } from '../src/errors.js'
import { redisBackend, sqliteBackend, type GuardBackend } from './backends.js'
import { createGuardApp } from './create-app.js'
import { createPacedOctokit } from './github/write-pacing.js'
import { probotLogger } from './probot-logger.js'
import { loadDotenv } from './settings/load-dotenv.js'
import { readSettings, type BotSettings } from './settings/read-settings.js'
import { openDatabase } from './store/sqlite-database.js'
import type { Schedule } from './recovery/schedule.js'
import { useFileScanner } from './github/scan-changes.js'
import { createWorkerScanner } from './scan/worker-scanner.js'
import { tuneServerTimeouts } from './server-timeouts.js'
import { createWebhookEndpoint } from './webhook-endpoint.js'

/**
 * Probot's own middleware cannot be removed, so it is given a path no request can reach: a parsed URL's pathname
 * never holds a raw space. (At a reachable path it buffered bodies of any size before checking a signature, and
 * accepted deliveries our endpoint refuses.) Only our endpoint (401 on a bad signature, capped bodies) takes webhooks.
 */
export const UNREACHABLE_WEBHOOK_PATH = '/probot middleware disabled'

/** Set once the app is loaded: what a shutdown must finish, and the schedules to start once the server listens. */
let stopApp: (timeoutMs: number) => Promise<void> = async () => undefined
let startSchedules: () => Schedule[] = () => []
/** A running job gets this long to finish on SIGTERM; an unfinished one runs again at the next start. */
const SHUTDOWN_GRACE_MS = 5000

/** The Probot application function for validated settings: backend, queue, schedules, webhook endpoint. */
export function localstackGuard(settings: BotSettings) {
  return (app: Probot, options: ApplicationFunctionOptions): void => {
    const backend = openBackend(settings)
    let stopQueue: (ms: number) => Promise<void> = async () => undefined
    createGuardApp({
      backend,
      webBaseUrl: settings.webBaseUrl,
      redelivery: settings.redelivery,
      refSweep: settings.refSweep,
      response: settings.response,
      incidentWatchMs: settings.incidentWatchMs,
      onQueue: (queue) => (stopQueue = (ms) => queue.stop(ms)),
      onReady: (start) => (startSchedules = start),
    })(app, options)
    // Scanning runs on worker threads under a time budget: the event loop stays free for webhooks and /health.
    const scanner = createWorkerScanner()
    useFileScanner(scanner)
    stopApp = async (ms) => {
      await stopQueue(ms)
      await scanner.close()
      await backend.close()
    }
    const log = probotLogger(app.log)
    options.addHandler(tuneServerTimeouts)
    options.addHandler(createWebhookEndpoint(app, { path: settings.webhookPath, secret: settings.webhookSecret, log }))
    if (settings.isDevelopment && settings.parsed.WEBHOOK_SECRET === undefined) {
      log.warn('bot.insecure-development-secret', { reason: 'NODE_ENV=development and no WEBHOOK_SECRET: webhooks signed with "development" are accepted; never run it so where GitHub can reach it' })
    }
    log.info('bot.started', { backend: backend.name, ...(backend.name === 'sqlite' ? { database: settings.databasePath } : {}), webBaseUrl: settings.webBaseUrl, webhookPath: settings.webhookPath })
  }
}

function openBackend(settings: BotSettings): GuardBackend {
  const queue = { workers: settings.workers, maxAttempts: settings.job.maxAttempts, retryBaseMs: settings.job.retryBaseMs }
  return settings.redisUrl === undefined ? sqliteBackend(openDatabase(settings.databasePath), queue) : redisBackend(settings.redisUrl, queue)
}

/**
 * `npm start`, the composition root: the only place in bot/ that reads the environment. It reads the environment and
 * `.env` once, validates both with one schema, and hands Probot's `run()` the same values, so a credential in `.env`
 * (the README's own flow) gets exactly the bot a credential in the environment gets. Without credentials Probot serves
 * the setup page that registers the app from `app.yml`.
 */
export async function start(): Promise<void> {
  let settings: BotSettings
  try {
    settings = readSettings({ environment: process.env, dotenv: loadDotenv(process.cwd()), isReadableFile })
  } catch (error: unknown) {
    const failure = toError(error)
    process.stderr.write(`localstack-guard: ${failure.message} (code: ${(failure as { code?: string }).code ?? 'unexpected'})\n`)
    process.exitCode = 1
    return
  }
  if (settings.mode === 'setup') return startSetup(settings)
  const server = await run(localstackGuard(settings), { Octokit: createPacedOctokit(settings.redisUrl), env: { ...settings.env, WEBHOOK_PATH: UNREACHABLE_WEBHOOK_PATH } })
  // Only now does the endpoint answer: a redelivery asked for earlier would fail again.
  const schedules = startSchedules()
  // Orchestrators stop with SIGTERM: stop taking webhooks, let the running job finish, close the state file.
  process.once('SIGTERM', () => {
    void (async () => {
      for (const schedule of schedules) schedule.stop()
      await server.stop().catch(() => undefined)
      await stopApp(SHUTDOWN_GRACE_MS)
      process.exit(0)
    })()
  })
}

/**
 * First start, no credentials: Probot's registration page. Probot would also try to download `smee-client` to make
 * a smee.io webhook proxy, and print "SmeeClient is not available" when it cannot (no network, or npx refused); the
 * bot does not need one (register it with its real URL), so that step is off unless NO_SMEE_SETUP=false asks for it.
 */
async function startSetup(settings: BotSettings): Promise<void> {
  if (settings.parsed.NO_SMEE_SETUP === undefined) process.env.NO_SMEE_SETUP = 'true'
  const host = settings.parsed.HOST ?? 'localhost'
  process.stdout.write(
    `localstack-guard: no app credentials yet (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH). Open http://${host}:${settings.parsed.PORT}/ to register the GitHub App from app.yml; ` +
      'Probot then writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET to .env. Restart the bot after registering (README: "Deploying the bot").\n',
  )
  await run(() => undefined, { env: settings.env })
}

function isReadableFile(path: string): boolean {
  try {
    accessSync(path, constants.R_OK)
    return true
  } catch {
    return false
  }
}
