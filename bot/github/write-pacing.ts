import Bottleneck from 'bottleneck'
import { Redis } from 'ioredis'
import { ProbotOctokit } from 'probot'
import { messageOnlyLogger } from '../probot-logger.js'

/** GitHub's content-creation budget: 80 requests a minute per installation (docs/facts.md §5). */
const CREATIONS_PER_MINUTE = 80
/** Writes that may go out at once: a minute's budget, so an alert burst within GitHub's limit is sent now. */
const BURST_WRITES = CREATIONS_PER_MINUTE

/**
 * Octokit's throttling plugin spaces all writes 1 s apart and issue creations 3 s apart, process-wide. A leak then
 * waits seconds behind unrelated writes. Instead, a token bucket: a minute's budget goes out at once, then 80 a minute,
 * GitHub's own content-creation budget. A refusal beyond it is still waited out by the plugin (`retry-after`).
 */
export function createPacedOctokit(redisUrl?: string): typeof ProbotOctokit & { stopPacing(): Promise<void> } {
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
  const { plugin: shares, buckets } = repositoryShares(shared)
  const Paced = ProbotOctokit.defaults((options: Record<string, unknown>) => {
    // GitHub counts the content budget per installation: so does the bucket (one group key per installation).
    const installationId = (options.auth as { installationId?: unknown } | undefined)?.installationId
    const id = typeof installationId === 'number' ? { id: `installation-${installationId}` } : {}
    const throttle = { ...(options.throttle as Record<string, unknown> | undefined), ...id, write: writes, notifications }
    const log = options.log === undefined || options.log === null ? {} : { log: messageOnlyLogger(options.log) }
    return { ...options, ...log, throttle: { ...throttle, onRateLimit: waitAsTold, onSecondaryRateLimit: waitAsTold } }
  })
  // Writes still waiting are dropped on shutdown (their jobs run again at the next start).
  const stopPacing = async (): Promise<void> => {
    for (const group of [writes, buckets]) await Promise.all(group.limiters().map(({ limiter }) => limiter.stop({ dropWaitingJobs: true }).catch(() => undefined)))
  }
  return Object.assign(Paced.plugin(shares as Parameters<typeof Paced.plugin>[0]) as unknown as typeof ProbotOctokit, { stopPacing })
}

/** The share of an installation's budget one repository may spend in a burst, and per minute after it. */
const REPOSITORY_SHARE = 0.5
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

/**
 * Fairness between the repositories of one installation: a push of 300 tokens in one repository would otherwise
 * spend the whole installation's budget and hold a real leak in another repository behind its refusals. Each
 * repository's writes first pass a bucket of half the installation's budget (burst and rate), then the installation's
 * own bucket: one repository can never take all of it, and another's writes find room at once.
 */
function repositoryShares(shared: Record<string, unknown>) {
  const perRepository = Math.floor(CREATIONS_PER_MINUTE * REPOSITORY_SHARE)
  const buckets = new Bottleneck.Group({
    ...shared,
    id: 'localstack-guard-repository-writes',
    maxConcurrent: 2,
    reservoir: perRepository,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseInterval: Math.ceil(60_000 / perRepository),
    reservoirIncreaseMaximum: perRepository,
  })
  const plugin = (octokit: InstanceType<typeof ProbotOctokit>, octokitOptions: { auth?: unknown }) => {
    const installationId = (octokitOptions.auth as { installationId?: unknown } | undefined)?.installationId
    octokit.hook.wrap('request', async (request, options) => {
      const repository = repositoryOf(options as RequestOptions)
      if (!WRITE_METHODS.has(String(options.method).toUpperCase()) || repository === undefined) return request(options)
      return buckets.key(`${String(installationId)}/${repository}`).schedule(async () => request(options))
    })
  }
  return { plugin, buckets }
}

interface RequestOptions {
  readonly method?: string
  readonly url?: string
  readonly owner?: unknown
  readonly repo?: unknown
}

/** `owner/repo` of a request to a repository's API, from its parameters or its URL. */
function repositoryOf(options: RequestOptions): string | undefined {
  if (typeof options.owner === 'string' && typeof options.repo === 'string') return `${options.owner}/${options.repo}`
  const match = /\/repos\/([^/]+)\/([^/{?]+)/.exec(options.url ?? '')
  return match === null ? undefined : `${match[1]}/${match[2]}`
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
