import Bottleneck from 'bottleneck'
import { Redis } from 'ioredis'
import { ProbotOctokit } from 'probot'

/** GitHub's content-creation budget: 80 requests a minute per installation (FACTS.md §5). */
const CREATIONS_PER_MINUTE = 80
/** Writes that may go out at once: a minute's budget, so an alert burst within GitHub's limit is sent now. */
const BURST_WRITES = CREATIONS_PER_MINUTE

/**
 * Octokit's throttling plugin spaces all writes 1 s apart and issue creations 3 s apart, process-wide. A leak then
 * waits seconds behind unrelated writes. Instead, a token bucket: a minute's budget goes out at once, then 80 a minute,
 * GitHub's own content-creation budget. A refusal beyond it is still waited out by the plugin (`retry-after`).
 */
export function createPacedOctokit(redisUrl?: string): typeof ProbotOctokit {
  // In the scaled mode the bucket lives in Redis, so all replicas share one budget, as GitHub counts it.
  const shared = redisUrl === undefined ? {} : { datastore: 'ioredis' as const, connection: new Bottleneck.IORedisConnection({ client: new Redis(redisUrl) }) }
  const writes = new Bottleneck.Group({
    ...shared,
    id: 'localstack-guard-writes',
    maxConcurrent: 4,
    reservoir: BURST_WRITES,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseInterval: Math.ceil(60_000 / CREATIONS_PER_MINUTE),
    reservoirIncreaseMaximum: BURST_WRITES,
  })
  // Issue creations are writes too: the bucket above already paces them.
  const notifications = new Bottleneck.Group({ maxConcurrent: null, minTime: 0 })
  return ProbotOctokit.defaults((options: Record<string, unknown>) => {
    // GitHub counts the content budget per installation: so does the bucket (one group key per installation).
    const installationId = (options.auth as { installationId?: unknown } | undefined)?.installationId
    const id = typeof installationId === 'number' ? { id: `installation-${installationId}` } : {}
    const throttle = { ...(options.throttle as Record<string, unknown> | undefined), ...id, write: writes, notifications }
    return { ...options, throttle: { ...throttle, onRateLimit: waitAsTold, onSecondaryRateLimit: waitAsTold } }
  }) as typeof ProbotOctokit
}

/** How often one request may be refused and retried before its job fails (and is retried by the queue). */
const MAX_REQUEST_RETRIES = 5

/**
 * Probot's own handler gives up on a secondary limit, which fails the whole job and repeats its reads. Instead the
 * request waits as GitHub tells it (`retry-after`, or the primary limit's reset) and is sent again; the plugin never
 * sends it earlier, so a refusal is never followed by a storm.
 */
// eslint-disable-next-line max-params -- the throttling plugin decides this callback's signature
function waitAsTold(retryAfterSeconds: number, request: { method?: string; url?: string }, octokit: { log: { warn(message: string): void } }, retryCount: number): boolean {
  octokit.log.warn(`GitHub rate limit on ${request.method ?? ''} ${request.url ?? ''}: waiting ${retryAfterSeconds} s as told (retry ${retryCount + 1})`)
  return retryCount < MAX_REQUEST_RETRIES
}
