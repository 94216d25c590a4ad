import type { Logger, RecordStore } from '../../src/ports.js'
import type { GitHubClient } from '../github/types.js'
import type { GuardMetrics } from '../metrics/guard-metrics.js'

/** One item of `GET /app/hook/deliveries` (the fields read here). */
interface DeliveryItem {
  readonly id: number
  readonly guid: string
  readonly delivered_at: string
  readonly status_code: number
  readonly event: string
}

const NAMESPACE = 'redelivery'
/** A delivery that fails this often even when redelivered is left alone (its log lines say why). */
const MAX_REDELIVERIES_PER_GUID = 3
/** At most this many pages of 100 per sweep: a flood of failures is worked through over several sweeps. */
const MAX_PAGES = 20

/** What the sweep needs: an app-authenticated client (JWT), the state, and the window to look back. */
export interface RedeliveryDependencies {
  readonly records: RecordStore
  readonly log: Logger
  readonly metrics: GuardMetrics
  readonly nowMs: () => number
  readonly windowMs: number
}

/**
 * GitHub does not retry a failed webhook delivery. The app lists its recent deliveries and asks GitHub to redeliver
 * each one that never succeeded (GitHub Docs, "Automatically redelivering failed deliveries for a GitHub App
 * webhook"). A redelivery keeps its `X-GitHub-Delivery`, and the bot claims each id once, so this is idempotent.
 */
export async function redeliverFailedDeliveries(appOctokit: GitHubClient, deps: RedeliveryDependencies): Promise<{ redelivered: number; failed: number }> {
  const items = await recentDeliveries(appOctokit, deps.nowMs() - deps.windowMs)
  const succeeded = new Set(items.filter(isSuccess).map((item) => item.guid))
  const latestFailure = new Map<string, DeliveryItem>()
  // Newest first: the first failure seen of a guid is its latest attempt.
  for (const item of items) if (!succeeded.has(item.guid) && !latestFailure.has(item.guid)) latestFailure.set(item.guid, item)
  let redelivered = 0
  let failed = 0
  for (const item of latestFailure.values()) {
    const tried = (await deps.records.getRecord<{ count: number }>(NAMESPACE, item.guid))?.count ?? 0
    if (tried >= MAX_REDELIVERIES_PER_GUID) continue
    await deps.records.putRecord(NAMESPACE, item.guid, { count: tried + 1 })
    try {
      await appOctokit.request('POST /app/hook/deliveries/{delivery_id}/attempts', { delivery_id: item.id })
      redelivered += 1
      deps.metrics.redeliveries.inc({ outcome: 'requested' })
      deps.log.info('webhook.redelivery-requested', { deliveryId: item.guid, event: item.event, failedWith: item.status_code, attempt: tried + 1 })
    } catch (error: unknown) {
      failed += 1
      deps.metrics.redeliveries.inc({ outcome: 'refused' })
      deps.log.warn('webhook.redelivery-refused', { deliveryId: item.guid, status: (error as { status?: number }).status, error: (error as Error).message })
    }
  }
  deps.log.info('redelivery.sweep-completed', { listed: items.length, failedDeliveries: latestFailure.size, redelivered, refused: failed })
  return { redelivered, failed }
}

function isSuccess(item: DeliveryItem): boolean {
  return item.status_code >= 200 && item.status_code < 300
}

/** Deliveries newer than `sinceMs`, newest first, following GitHub's cursor pagination. */
async function recentDeliveries(octokit: GitHubClient, sinceMs: number): Promise<DeliveryItem[]> {
  const items: DeliveryItem[] = []
  let cursor: string | undefined
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await octokit.request('GET /app/hook/deliveries', { per_page: 100, ...(cursor === undefined ? {} : { cursor }) })
    const batch = response.data as unknown as DeliveryItem[]
    const recent = batch.filter((item) => Date.parse(item.delivered_at) >= sinceMs)
    items.push(...recent)
    cursor = nextCursor(response.headers.link)
    if (cursor === undefined || recent.length < batch.length) break
  }
  return items
}

function nextCursor(link: string | undefined): string | undefined {
  const next = /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1]
  return next === undefined ? undefined : (new URL(next).searchParams.get('cursor') ?? undefined)
}
