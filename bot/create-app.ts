import type { ApplicationFunctionOptions, Probot } from 'probot'
import type { Logger } from '../src/ports.js'
import type { GuardBackend, ObservableJobQueue } from './backends.js'
import type { GitHubClient } from './github/types.js'
import { registerHandlers } from './handlers/register-handlers.js'
import type { BotJob } from './jobs/job.js'
import { runJob } from './jobs/run-job.js'
import { createGuardMetrics, type GuardMetrics } from './metrics/guard-metrics.js'
import { instrumentOctokit } from './metrics/instrument-octokit.js'
import { createObservabilityEndpoints } from './observability-endpoints.js'
import { probotLogger } from './probot-logger.js'
import type { JobObserver } from './queue/job-observer.js'
import { noteDeadLetter } from './queue/dead-letter-note.js'
import { redeliverFailedDeliveries } from './recovery/redeliver-failed-deliveries.js'
import { sweepRecentRefs } from './recovery/sweep-recent-refs.js'
import { startSchedule, type Schedule } from './recovery/schedule.js'
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
  /** The periodic redelivery of failed webhooks (off when absent or `intervalMs` is 0). */
  readonly redelivery?: { readonly intervalMs: number; readonly windowMs: number }
  /** The periodic sweep of recently pushed repositories' refs (off when absent or `intervalMs` is 0). */
  readonly refSweep?: { readonly intervalMs: number; readonly maxRepositories: number }
  /** Called with a function that starts the schedules: the entry calls it once the server listens. */
  readonly onReady?: (startSchedules: () => Schedule[]) => void
  readonly metrics?: GuardMetrics
  /** The leak response's environment (callback URL, signing secrets, outbound retries). */
  readonly response?: ResponseEnvironment
  /** How often open incidents are checked for a rotated secret or an overdue escalation; 0 turns it off. */
  readonly incidentWatchMs?: number
}

const DEFAULT_RESPONSE: ResponseEnvironment = { retryBaseMs: 1000, attempts: 4 }

/**
 * Builds the Probot application function. Webhook handlers record and enqueue; the queue's workers do the GitHub
 * work after the answer, with an installation client each. Health and metrics are served beside the webhooks.
 */
export function createGuardApp(settings: GuardAppSettings) {
  return (app: Probot, options: ApplicationFunctionOptions): void => {
    const log = probotLogger(app.log)
    const metrics = settings.metrics ?? createGuardMetrics()
    const { store } = settings.backend
    const client = async (installationId: number): Promise<GitHubClient> => instrumentOctokit(await app.auth(installationId), installationId, metrics)
    const queue = settings.backend.createQueue(log, jobObserver({ client, metrics, log }))
    const response = settings.response ?? DEFAULT_RESPONSE
    const deps = { ledger: store, incidents: store, records: store, locks: settings.backend.locks, log, webBaseUrl: settings.webBaseUrl, nowMs: Date.now, response }
    registerHandlers(app, { deliveries: store, queue, log, onDelivery: (event, outcome) => metrics.deliveries.inc({ event, outcome }) })
    queue.start(async (job) => {
      try {
        await runJob(await client(job.installationId), job, deps)
      } catch (error: unknown) {
        throw withRetryHint(error, Date.now())
      }
    })
    options.addHandler(createObservabilityEndpoints({ backend: settings.backend, queue, metrics }))
    options.addHandler(createRotationCallbackEndpoint(app, { ...(response.rotationSecret === undefined ? {} : { secret: response.rotationSecret }), deliveries: store, deps }))
    if ((settings.incidentWatchMs ?? 0) > 0) startIncidentWatch(app, { queue, intervalMs: settings.incidentWatchMs ?? 0, log })
    settings.onQueue?.(queue)
    settings.onReady?.(() => startRecovery(app, { settings, metrics, log, queue, client }))
  }
}

/** Job outcomes as metrics; a dead letter as a log line (the queue's), a metric, and a note on the commit. */
function jobObserver(deps: { client: (installationId: number) => Promise<GitHubClient>; metrics: GuardMetrics; log: Logger }): JobObserver<BotJob> {
  return {
    succeeded: (job) => deps.metrics.jobs.inc({ type: job.type, outcome: 'succeeded' }),
    retried: (job, details) => deps.metrics.jobs.inc({ type: job.type, outcome: details.isRateLimited ? 'rate_limited' : 'retried' }),
    deadLettered: async (job, details) => {
      deps.metrics.jobs.inc({ type: job.type, outcome: 'dead_lettered' })
      try {
        await noteDeadLetter(await deps.client(job.installationId), job, { ...details, log: deps.log })
      } catch (error: unknown) {
        deps.log.error('job.dead-letter-note-failed', { error: error instanceof Error ? error.message : String(error) })
      }
    },
  }
}

interface RecoveryContext {
  readonly settings: GuardAppSettings
  readonly metrics: GuardMetrics
  readonly log: Logger
  readonly queue: ObservableJobQueue<BotJob>
  readonly client: (installationId: number) => Promise<GitHubClient>
}

/** The redelivery sweep (at start, then periodically) and the ref sweep (periodically), one replica at a time each. */
function startRecovery(app: Probot, context: RecoveryContext): Schedule[] {
  const { settings, metrics, log } = context
  const { store, locks } = settings.backend
  const schedules: Schedule[] = []
  const redelivery = settings.redelivery
  if (redelivery !== undefined) {
    const sweep = () =>
      locks.withLock('redelivery-sweep', async () => {
        await redeliverFailedDeliveries((await app.auth()) as GitHubClient, { records: store, log, metrics, nowMs: Date.now, windowMs: redelivery.windowMs })
      })
    schedules.push(startSchedule('redelivery', { intervalMs: redelivery.intervalMs, log }, sweep))
  }
  const refSweep = settings.refSweep
  if (refSweep !== undefined) {
    const deps = { ledger: store, records: store, queue: context.queue, log, nowMs: Date.now, maxRepositories: refSweep.maxRepositories, client: context.client }
    const sweep = () => locks.withLock('ref-sweep', async () => void (await sweepRecentRefs((await app.auth()) as GitHubClient, deps)))
    schedules.push(startSchedule('ref-sweep', { intervalMs: refSweep.intervalMs, log, isRunAtStart: false }, sweep))
  }
  return schedules
}
