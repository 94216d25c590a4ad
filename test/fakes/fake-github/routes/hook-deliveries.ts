import { HttpError, notFound } from '../http/http-error.js'
import type { Route, RouteContext, RouteResult } from '../http/route.js'
import type { HookDeliveryRecord } from '../state/hook-deliveries.js'

const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

function itemJson(record: HookDeliveryRecord): Record<string, unknown> {
  return {
    id: record.id,
    guid: record.guid,
    delivered_at: isoSeconds(record.deliveredAt),
    redelivery: record.redelivery,
    duration: record.duration,
    status: record.status,
    status_code: record.statusCode,
    event: record.event,
    action: record.action,
    installation_id: record.installationId,
    repository_id: record.repositoryId,
    throttled_at: null,
  }
}

/**
 * `GET /app/hook/deliveries`: newest first, paged by an opaque `cursor` (GitHub's own scheme: the `Link` header's
 * `next` carries it), optionally only `status=success|failure`.
 */
function listDeliveries(context: RouteContext): RouteResult {
  const perPage = Math.min(Math.max(1, Number(context.query.get('per_page') ?? 30)), 100)
  const wanted = context.query.get('status')
  const all = [...context.world.hookDeliveries.records]
    .reverse()
    .filter((record) => wanted === null || (wanted === 'success') === (record.statusCode >= 200 && record.statusCode < 300))
  const cursor = context.query.get('cursor')
  const start = cursor === null ? 0 : all.findIndex((record) => String(record.id) === Buffer.from(cursor, 'base64url').toString())
  if (start < 0) throw new HttpError(422, 'Invalid cursor')
  const page = all.slice(start, start + perPage)
  const next = all[start + perPage]
  const headers: Record<string, string> = {}
  if (next !== undefined) {
    const query = new URLSearchParams(context.query)
    query.set('per_page', String(perPage))
    query.set('cursor', Buffer.from(String(next.id)).toString('base64url'))
    headers['link'] = `<${context.world.urls.api}${context.path}?${query.toString()}>; rel="next"`
  }
  return { status: 200, headers, body: page.map(itemJson) }
}

function requireDelivery(context: RouteContext): HookDeliveryRecord {
  const id = Number(context.params['delivery_id'])
  const record = context.world.hookDeliveries.records.find((candidate) => candidate.id === id)
  if (record === undefined) throw notFound()
  return record
}

/** GitHub accepts the request (202) and redelivers in the background, as a new delivery with the same guid. */
function redeliver(context: RouteContext): RouteResult {
  const record = requireDelivery(context)
  void context.world.hookDeliveries.redeliver(record.id)
  return { status: 202, body: {} }
}

export const hookDeliveryRoutes: Route[] = [
  { operation: 'GET /app/hook/deliveries', auth: 'app', handle: listDeliveries },
  { operation: 'GET /app/hook/deliveries/{delivery_id}', auth: 'app', handle: (context) => ({ status: 200, body: itemJson(requireDelivery(context)) }) },
  { operation: 'POST /app/hook/deliveries/{delivery_id}/attempts', auth: 'app', handle: redeliver },
]
