import { randomUUID } from 'node:crypto'
import { sign } from '@octokit/webhooks-methods'

/** One attempt to deliver a webhook, as `GET /app/hook/deliveries` lists it. */
export interface HookDeliveryRecord {
  id: number
  guid: string
  deliveredAt: Date
  redelivery: boolean
  /** Seconds. */
  duration: number
  /** `OK`, or GitHub's reason (`Invalid HTTP Response: 503`, `failed to connect to host`, `timed out`). */
  status: string
  /** 0 when no HTTP answer came. */
  statusCode: number
  event: string
  action: string | null
  installationId: number | null
  repositoryId: number | null
  /** What was sent, so a redelivery sends the same bytes. */
  body: string
}

/** GitHub's own timeout for a delivery (docs/facts.md §5). */
const DELIVERY_TIMEOUT_MS = 10_000

/**
 * The app's webhook as GitHub runs it: each delivery is POSTed (signed) to the configured URL and recorded with its
 * outcome; a failed one is not retried by itself, only on request (`POST …/attempts`), with the same `X-GitHub-Delivery`.
 */
export class HookDeliveries {
  readonly records: HookDeliveryRecord[] = []
  target: { url: string; secret: string } | undefined

  constructor(private readonly deps: { nextId: () => number; now: () => number }) {}

  async deliver(event: string, payload: Record<string, unknown>, options: { guid?: string; redelivery?: boolean } = {}): Promise<HookDeliveryRecord> {
    const body = JSON.stringify(payload)
    return this.send({ event, body, guid: options.guid ?? randomUUID(), redelivery: options.redelivery ?? false, payload })
  }

  /** Sends the recorded delivery `id` again: a new record with the same guid and `redelivery: true`. */
  async redeliver(id: number): Promise<HookDeliveryRecord | undefined> {
    const original = this.records.find((record) => record.id === id)
    if (original === undefined) return undefined
    return this.send({ event: original.event, body: original.body, guid: original.guid, redelivery: true, payload: JSON.parse(original.body) as Record<string, unknown> })
  }

  private async send(delivery: { event: string; body: string; guid: string; redelivery: boolean; payload: Record<string, unknown> }): Promise<HookDeliveryRecord> {
    const started = this.deps.now()
    const outcome = await this.post(delivery)
    const payload = delivery.payload as { action?: string; installation?: { id?: number }; repository?: { id?: number } }
    const record: HookDeliveryRecord = {
      id: this.deps.nextId(),
      guid: delivery.guid,
      deliveredAt: new Date(started),
      redelivery: delivery.redelivery,
      duration: Math.max(0, (this.deps.now() - started) / 1000),
      ...outcome,
      event: delivery.event,
      action: payload.action ?? null,
      installationId: payload.installation?.id ?? null,
      repositoryId: payload.repository?.id ?? null,
      body: delivery.body,
    }
    this.records.push(record)
    return record
  }

  private async post(delivery: { event: string; body: string; guid: string }): Promise<{ status: string; statusCode: number }> {
    if (this.target === undefined) return { status: 'No webhook URL configured', statusCode: 0 }
    try {
      const response = await fetch(this.target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'GitHub-Hookshot/fake',
          'x-github-event': delivery.event,
          'x-github-delivery': delivery.guid,
          'x-hub-signature-256': await sign(this.target.secret, delivery.body),
        },
        body: delivery.body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      })
      await response.arrayBuffer()
      return response.ok ? { status: 'OK', statusCode: response.status } : { status: `Invalid HTTP Response: ${response.status}`, statusCode: response.status }
    } catch (error: unknown) {
      const isTimeout = (error as { name?: string }).name === 'TimeoutError'
      return { status: isTimeout ? 'timed out' : 'failed to connect to host', statusCode: 0 }
    }
  }
}
