import type { ApplicationFunctionOptions, Probot } from 'probot'
import type { GuardBackend, ObservableJobQueue } from './backends.js'
import { registerHandlers } from './handlers/register-handlers.js'
import type { BotJob } from './jobs/job.js'
import { runJob } from './jobs/run-job.js'
import { probotLogger } from './probot-logger.js'
import { withRetryHint } from './retry-hint.js'
import { startIncidentWatch } from './incident-watch.js'
import type { ResponseEnvironment } from './jobs/leak-response-context.js'
import { createRotationCallbackEndpoint } from './response/rotation-callback-endpoint.js'

/** What the composition root decides from the environment. */
export interface GuardAppSettings {
  readonly backend: GuardBackend
  /** `https://github.com`, or the GHES web root: where permalinks point. */
  readonly webBaseUrl: string
  /** Called with the queue once it exists (the entry stops it on shutdown; tests wait on it). */
  readonly onQueue?: (queue: ObservableJobQueue<BotJob>) => void
  /** The leak response's environment (callback URL, signing secrets, outbound retries). */
  readonly response?: ResponseEnvironment
  /** How often open incidents are checked for a rotated secret or an overdue escalation; 0 turns it off. */
  readonly incidentWatchMs?: number
}

const DEFAULT_RESPONSE: ResponseEnvironment = { retryBaseMs: 1000, attempts: 4 }

/**
 * Builds the Probot application function. Webhook handlers record and enqueue; the queue's workers do the GitHub
 * work after the answer, with an installation client each.
 */
export function createGuardApp(settings: GuardAppSettings) {
  return (app: Probot, options: ApplicationFunctionOptions): void => {
    const log = probotLogger(app.log)
    const { store } = settings.backend
    const queue = settings.backend.createQueue(log)
    const response = settings.response ?? DEFAULT_RESPONSE
    const deps = { ledger: store, incidents: store, records: store, locks: settings.backend.locks, log, webBaseUrl: settings.webBaseUrl, nowMs: Date.now, response }
    registerHandlers(app, { deliveries: store, queue, log })
    queue.start(async (job) => {
      try {
        await runJob(await app.auth(job.installationId), job, deps)
      } catch (error: unknown) {
        throw withRetryHint(error, Date.now())
      }
    })
    options.addHandler(async (request, response) => {
      if (request.url !== '/localstack-guard/health') return false
      // A backend that does not answer (Redis down) makes the bot unhealthy at once, not a request that hangs.
      const jobs = await withinMs(Promise.resolve(queue.counts()), HEALTH_BACKEND_TIMEOUT_MS)
      const body = jobs === undefined ? { status: 'unavailable', backend: settings.backend.name, error: `the ${settings.backend.name} backend did not answer within ${HEALTH_BACKEND_TIMEOUT_MS} ms` } : { status: 'ok', backend: settings.backend.name, jobs }
      response.writeHead(jobs === undefined ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      return true
    })
    options.addHandler(createRotationCallbackEndpoint(app, { ...(response.rotationSecret === undefined ? {} : { secret: response.rotationSecret }), deliveries: store, deps }))
    if ((settings.incidentWatchMs ?? 0) > 0) startIncidentWatch(app, { queue, intervalMs: settings.incidentWatchMs ?? 0, log })
    settings.onQueue?.(queue)
  }
}

/** How long /health waits for the backend's job counts before it answers 503. */
const HEALTH_BACKEND_TIMEOUT_MS = 2_000

/** The promise's value, or undefined when it did not settle within `timeoutMs` (or failed). */
async function withinMs<T>(promise: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)))
  try {
    return await Promise.race([promise.catch(() => undefined), timeout])
  } finally {
    clearTimeout(timer)
  }
}
