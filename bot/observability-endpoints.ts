import type { IncomingMessage, ServerResponse } from 'node:http'
import type { GuardBackend, ObservableJobQueue } from './backends.js'
import type { BotJob } from './jobs/job.js'
import type { GuardMetrics } from './metrics/guard-metrics.js'

export const HEALTH_PATH = '/localstack-guard/health'
export const METRICS_PATH = '/metrics'
/** A dependency that has not answered in this long is down, as far as a load balancer is concerned. */
const PROBE_TIMEOUT_MS = 2000

async function within<T>(work: Promise<T> | T, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS)))
  try {
    return await Promise.race([Promise.resolve(work), late])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * `GET /localstack-guard/health`: 200 only when the state store and the queue both answer (a load balancer routes
 * webhooks elsewhere on 503); `GET /metrics`: Prometheus text. Both are read-only and hold no secret.
 */
export function createObservabilityEndpoints(deps: { backend: GuardBackend; queue: ObservableJobQueue<BotJob>; metrics: GuardMetrics }) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = (request.url ?? '').split('?')[0]
    if (request.method !== 'GET' || (path !== HEALTH_PATH && path !== METRICS_PATH)) return false
    return path === HEALTH_PATH ? health(deps, response) : metrics(deps, response)
  }
}

async function health(deps: { backend: GuardBackend; queue: ObservableJobQueue<BotJob> }, response: ServerResponse): Promise<true> {
  const problems: string[] = []
  let jobs: Record<string, number> = {}
  await within(deps.backend.ping(), `the ${deps.backend.name} store`).catch((error: unknown) => problems.push(String((error as Error).message ?? error)))
  try {
    jobs = await within(deps.queue.counts(), 'the queue')
  } catch (error: unknown) {
    problems.push(String((error as Error).message ?? error))
  }
  const isReady = problems.length === 0
  const body = { status: isReady ? 'ok' : 'unavailable', backend: deps.backend.name, jobs, ...(isReady ? {} : { problems }) }
  response.writeHead(isReady ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  return true
}

async function metrics(deps: { backend: GuardBackend; queue: ObservableJobQueue<BotJob>; metrics: GuardMetrics }, response: ServerResponse): Promise<true> {
  const { metrics: m } = deps
  const memory = process.memoryUsage()
  for (const [kind, bytes] of [['rss', memory.rss], ['heap_total', memory.heapTotal], ['heap_used', memory.heapUsed], ['external', memory.external], ['array_buffers', memory.arrayBuffers]] as const) {
    m.memoryBytes.set({ kind }, bytes)
  }
  try {
    const [counts, ageMs, incidents] = await within(Promise.all([deps.queue.counts(), deps.queue.oldestReadyAgeMs(), deps.backend.incidentCounts()]), 'the state')
    m.queueJobs.reset()
    for (const [state, count] of Object.entries(counts)) m.queueJobs.set({ state }, count)
    m.queueOldestAgeSeconds.set({}, ageMs / 1000)
    m.incidents.reset()
    for (const [state, count] of Object.entries(incidents)) m.incidents.set({ state }, count)
  } catch {
    // The counters still answer; the gauges keep their last values (the health endpoint reports the outage).
  }
  response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(m.registry.render())
  return true
}
