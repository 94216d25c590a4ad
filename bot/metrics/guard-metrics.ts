import { MetricsRegistry, type Metric } from './registry.js'

/** The bot's metrics (README: "Metrics and health"). Names follow Prometheus conventions: `_total` for counters. */
export interface GuardMetrics {
  readonly registry: MetricsRegistry
  /** Webhook deliveries by event and outcome (`queued`, `redelivery_ignored`). */
  readonly deliveries: Metric
  /** Finished job attempts by job type and outcome (`succeeded`, `retried`, `rate_limited`, `dead_lettered`). */
  readonly jobs: Metric
  /** Jobs in the queue by state, refreshed at each scrape. */
  readonly queueJobs: Metric
  /** Age of the oldest job ready to run, refreshed at each scrape. */
  readonly queueOldestAgeSeconds: Metric
  /** GitHub API responses by installation and status class. */
  readonly apiCalls: Metric
  /** `x-ratelimit-remaining` of the installation's last response. */
  readonly rateLimitRemaining: Metric
  /** Content-creating requests (POST/PUT/PATCH/DELETE) sent through the per-installation write bucket. */
  readonly writesPaced: Metric
  /** Incidents by lifecycle state, refreshed at each scrape. */
  readonly incidents: Metric
  /** Failed deliveries the bot asked GitHub to redeliver, by outcome. */
  readonly redeliveries: Metric
  /**
   * `process.memoryUsage()` at each scrape, by kind (`rss`, `heap_total`, `heap_used`, `external`, `array_buffers`).
   * The heap kinds are the main thread's V8 heap (reserved, and in use): RSS far above `heap_total` is memory outside
   * it (scanning threads, allocator); `heap_total` far above a settled `heap_used` is garbage not yet collected.
   */
  readonly memoryBytes: Metric
}

export function createGuardMetrics(): GuardMetrics {
  const registry = new MetricsRegistry()
  return {
    registry,
    deliveries: registry.counter('localstack_guard_webhook_deliveries_total', 'Webhook deliveries received, by event and outcome.'),
    jobs: registry.counter('localstack_guard_jobs_total', 'Job attempts finished, by job type and outcome.'),
    queueJobs: registry.gauge('localstack_guard_queue_jobs', 'Jobs in the queue, by state (pending, running, failed = dead-lettered).'),
    queueOldestAgeSeconds: registry.gauge('localstack_guard_queue_oldest_ready_age_seconds', 'How long the oldest job ready to run has waited.'),
    apiCalls: registry.counter('localstack_guard_github_api_calls_total', 'GitHub API responses, by installation and status.'),
    rateLimitRemaining: registry.gauge('localstack_guard_github_rate_limit_remaining', 'x-ratelimit-remaining of the last response, by installation.'),
    writesPaced: registry.counter('localstack_guard_github_writes_total', 'Content-creating requests sent through the write bucket, by installation.'),
    incidents: registry.gauge('localstack_guard_incidents', 'Incidents, by state.'),
    redeliveries: registry.counter('localstack_guard_redeliveries_total', 'Failed webhook deliveries the bot asked GitHub to redeliver, by outcome.'),
    memoryBytes: registry.gauge('localstack_guard_process_memory_bytes', 'Memory of this process, by kind (rss, heap_total, heap_used, external, array_buffers).'),
  }
}
