import { sign } from '@octokit/webhooks-methods'

/** What `sendWebhook` posts: one GitHub delivery. */
export interface WebhookDelivery {
  /** The app's webhook URL, e.g. `http://127.0.0.1:3000/api/github/webhooks`. */
  url: string
  /** The webhook secret the app was configured with. */
  secret: string
  /** `X-GitHub-Event`: `push`, `installation`, `check_run`, … */
  name: string
  /** `X-GitHub-Delivery`: reuse one to simulate a redelivery (docs/facts.md §5). */
  deliveryId: string
  payload: unknown
  /** `bad`: sign with a different secret, as a forged delivery would. */
  signature?: 'bad'
  /** Default 10 s: GitHub's own timeout for a delivery (docs/facts.md §5). */
  timeoutMs?: number
}

export interface WebhookAnswer {
  status: number
  body: string
  elapsedMs: number
}

/**
 * Posts a delivery as GitHub does: the raw JSON body, `X-GitHub-Event`, `X-GitHub-Delivery`, and
 * `X-Hub-Signature-256` computed by `@octokit/webhooks-methods` `sign()` over exactly the bytes sent.
 */
export async function sendWebhook(delivery: WebhookDelivery): Promise<WebhookAnswer> {
  const body = JSON.stringify(delivery.payload)
  const signature = await sign(delivery.signature === 'bad' ? `${delivery.secret}-forged` : delivery.secret, body)
  const started = performance.now()
  const response = await fetch(delivery.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/fake',
      'x-github-event': delivery.name,
      'x-github-delivery': delivery.deliveryId,
      'x-hub-signature-256': signature,
    },
    body,
    signal: AbortSignal.timeout(delivery.timeoutMs ?? 10_000),
  })
  const text = await response.text()
  return { status: response.status, body: text, elapsedMs: performance.now() - started }
}
