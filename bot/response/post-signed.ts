import { randomUUID } from 'node:crypto'
import { signBody, SIGNATURE_HEADER } from './signature.js'

/** How a signed POST is sent: bounded per attempt, retried with backoff on what may pass. */
export interface SignedPostOptions {
  readonly secret: string
  readonly timeoutMs: number
  /** Attempts in all (the first plus retries). */
  readonly attempts: number
  /** The first retry waits this long, doubling after. */
  readonly backoffMs: number
  /** Sent as `Idempotency-Key` on every attempt, so the receiver can drop a repeat. */
  readonly idempotencyKey?: string
  readonly fetch?: typeof fetch
}

/** The answer that ended the attempts. */
export type SignedPostResult = { readonly status: number; readonly body: string; readonly attempts: number } | { readonly status: 'timeout' | 'network-error'; readonly detail: string; readonly attempts: number }

/**
 * POSTs a JSON body signed with HMAC-SHA256 in `X-LocalStack-Guard-Signature-256`. Retries on a timeout, a network
 * error, 429 and 5xx, waiting `backoffMs`, then twice that, and so on; a 4xx other than 429 is final.
 */
export async function postSigned(url: string, payload: unknown, options: SignedPostOptions): Promise<SignedPostResult> {
  const body = JSON.stringify(payload)
  const doFetch = options.fetch ?? fetch
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'localstack-guard',
    [SIGNATURE_HEADER]: signBody(options.secret, body),
    'idempotency-key': options.idempotencyKey ?? randomUUID(),
  }
  let last: SignedPostResult = { status: 'network-error', detail: 'not sent', attempts: 0 }
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    last = await attemptOnce(doFetch, url, { headers, body, timeoutMs: options.timeoutMs, attempt })
    if (typeof last.status === 'number' && last.status !== 429 && last.status < 500) return last
    if (attempt < options.attempts) await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** (attempt - 1)))
  }
  return last
}

async function attemptOnce(doFetch: typeof fetch, url: string, request: { headers: Record<string, string>; body: string; timeoutMs: number; attempt: number }): Promise<SignedPostResult> {
  try {
    const response = await doFetch(url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(request.timeoutMs), redirect: 'error' })
    return { status: response.status, body: await response.text(), attempts: request.attempt }
  } catch (error: unknown) {
    const name = (error as { name?: string }).name
    if (name === 'TimeoutError' || name === 'AbortError') return { status: 'timeout', detail: `no answer within ${request.timeoutMs} ms`, attempts: request.attempt }
    return { status: 'network-error', detail: (error as Error).message ?? 'network error', attempts: request.attempt }
  }
}
