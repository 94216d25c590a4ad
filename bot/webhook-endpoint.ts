import type { IncomingMessage, ServerResponse } from 'node:http'
import { verify } from '@octokit/webhooks-methods'
import type { Probot } from 'probot'
import type { Logger } from '../src/ports.js'
import { redactTokenShapes } from '../src/tokens/redact-token-shapes.js'
import { takeHandlerFailure } from './handlers/handler-failures.js'
import { ReplayGuard } from './replay-guard.js'

/** GitHub does not deliver payloads over 25 MB; anything larger is not GitHub. */
const MAX_BODY_BYTES = 25 * 1024 * 1024
/**
 * Bodies being read at once, in bytes, across all requests: each request is capped, and so is their sum, or 60 slow
 * 24 MB bodies hold 1.5 GB. Past it a request gets 503 at once (GitHub marks the delivery failed; a redelivery
 * recovers it) instead of the process running out of memory.
 */
const IN_FLIGHT_BODY_BYTES = 64 * 1024 * 1024
/** A body must arrive within this; GitHub sends within its own 10 s timeout, a slow drip is not GitHub. */
const BODY_TIMEOUT_MS = 10_000
/**
 * Recording a delivery and enqueueing its jobs takes milliseconds; when the state backend does not answer (Redis
 * down), the delivery gets 503 after this instead of hanging past GitHub's 10 s.
 */
const DISPATCH_TIMEOUT_MS = 3_000
/** GitHub's event names are lower-case words joined by `_`: anything else (`__proto__`) is refused, never routed. */
const EVENT_NAME = /^[a-z][a-z_]{0,63}$/
/** GitHub's delivery ids are GUIDs; the id is stored and logged, so it is bounded and plain. */
const DELIVERY_ID = /^[A-Za-z0-9_-]{1,100}$/

interface EndpointOptions {
  readonly path: string
  readonly secret: string
  readonly log: Logger
  /** Default 10 minutes: see `ReplayGuard`. */
  readonly replayWindowMs?: number
}

/**
 * The public webhook endpoint. Probot's own middleware answers a bad signature with 400; GitHub's guidance and our
 * contract say 401, and a forged delivery must cost nothing (no API call, no job). So the endpoint verifies the
 * `X-Hub-Signature-256` HMAC itself (`@octokit/webhooks-methods`, constant-time) and only then hands the event to
 * Probot's router. The handlers only enqueue, so the answer goes out in milliseconds. Before any byte of the body is
 * read, the declared length is checked against the per-request cap and the process-wide in-flight budget.
 */
export function createWebhookEndpoint(app: Probot, options: EndpointOptions) {
  const replays = new ReplayGuard(options.replayWindowMs ?? 10 * 60_000)
  let inFlightBytes = 0
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = (request.url ?? '').split('?')[0]
    if (request.method !== 'POST' || path !== options.path) return false
    const checked = checkHeaders(request, inFlightBytes)
    if ('status' in checked) return refuse({ request, response }, checked)
    const { signature, name, deliveryId, reserved } = checked
    inFlightBytes += reserved
    let body: string | 'too-large' | 'too-slow'
    try {
      body = await readBody(request, reserved)
    } finally {
      inFlightBytes -= reserved
    }
    if (body === 'too-large') return refuse({ request, response }, { status: 413, error: 'payload too large' })
    if (body === 'too-slow') return refuse({ request, response }, { status: 408, error: `the body did not arrive within ${BODY_TIMEOUT_MS} ms` })
    const shownId = redactTokenShapes(deliveryId)
    if (!(await verify(options.secret, body, signature))) {
      options.log.warn('webhook.signature-rejected', { deliveryId: shownId, eventName: name })
      return answer(response, 401, 'signature does not match the payload and the webhook secret')
    }
    if (replays.isReplay(signature, deliveryId)) {
      options.log.warn('webhook.replay-rejected', { deliveryId: shownId, eventName: name })
      return answer(response, 409, 'this signed body was already delivered under another delivery id; a redelivery keeps its id')
    }
    const payload = parsePayload(body)
    if (payload === undefined) return answer(response, 400, 'the payload is not a JSON object')
    return dispatch(app, { id: deliveryId, shownId, name, payload }, { response, log: options.log })
  }
}

interface Refusal {
  readonly status: number
  readonly error: string
  readonly headers?: Record<string, string>
}

/** The headers' verdict before any byte of the body is read: a refusal, or what the request claims and may reserve. */
function checkHeaders(request: IncomingMessage, inFlightBytes: number): Refusal | { signature: string; name: string; deliveryId: string; reserved: number } {
  const signature = request.headers['x-hub-signature-256']
  if (typeof signature !== 'string') return { status: 401, error: 'the request is not signed (no X-Hub-Signature-256 header)' }
  const name = request.headers['x-github-event']
  const deliveryId = request.headers['x-github-delivery']
  if (typeof name !== 'string' || !EVENT_NAME.test(name)) return { status: 400, error: 'X-GitHub-Event is missing or not an event name' }
  if (typeof deliveryId !== 'string' || !DELIVERY_ID.test(deliveryId)) return { status: 400, error: 'X-GitHub-Delivery is missing or not a delivery id' }
  const declared = Number(request.headers['content-length'] ?? Number.NaN)
  if (declared > MAX_BODY_BYTES) return { status: 413, error: `the body declares ${declared} bytes, more than the ${MAX_BODY_BYTES} GitHub sends` }
  // A body without a declared length may be as large as GitHub sends: it reserves that much.
  const reserved = Number.isFinite(declared) ? declared : MAX_BODY_BYTES
  if (inFlightBytes + reserved > IN_FLIGHT_BODY_BYTES) return { status: 503, error: 'too many bodies are being received at once; retry later', headers: { 'retry-after': '5' } }
  return { signature, name, deliveryId, reserved }
}

/** Hands a verified event to Probot's router, and answers from what the handlers did. */
async function dispatch(app: Probot, event: { id: string; shownId: string; name: string; payload: object }, io: { response: ServerResponse; log: Logger }): Promise<true> {
  const { response, log } = io
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), DISPATCH_TIMEOUT_MS)))
  const received = app.webhooks.receive({ id: event.id, name: event.name, payload: event.payload } as Parameters<Probot['webhooks']['receive']>[0]).then(
    () => takeHandlerFailure(event.payload),
    (thrown: unknown) => (thrown instanceof Error ? thrown : new Error(String(thrown))),
  )
  const outcome = await Promise.race([received, timedOut])
  clearTimeout(timer)
  if (outcome === 'timeout') {
    log.error('webhook.dispatch-timeout', { deliveryId: event.shownId, eventName: event.name, timeoutMs: DISPATCH_TIMEOUT_MS })
    return answer(response, 503, `the event could not be recorded within ${DISPATCH_TIMEOUT_MS} ms (is the state backend reachable?)`)
  }
  if (outcome !== undefined) {
    // The delivery id, the event name and the message: never the payload (Probot's own handler would log it whole).
    log.error('webhook.handler-failed', { deliveryId: event.shownId, eventName: event.name, error: redactTokenShapes(outcome.message).slice(0, 500) })
    return answer(response, 500, 'the event could not be queued')
  }
  response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n')
  return true
}

function parsePayload(body: string): object | undefined {
  try {
    const payload: unknown = JSON.parse(body)
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload : undefined
  } catch {
    return undefined
  }
}

function answer(response: ServerResponse, status: number, error: string): true {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error }))
  return true
}

/** Answers without reading the body, and closes the connection so the unread body is not drained into memory. */
function refuse(io: { request: IncomingMessage; response: ServerResponse }, refusal: Refusal): true {
  io.response.writeHead(refusal.status, { 'content-type': 'application/json', connection: 'close', ...refusal.headers }).end(JSON.stringify({ error: refusal.error }))
  io.response.once('finish', () => io.request.destroy())
  return true
}

/**
 * Reads at most `limit` bytes within BODY_TIMEOUT_MS. A longer or slower body is not read further; the socket stays
 * open so the refusal can be sent, and is closed after it.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string | 'too-large' | 'too-slow'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (result: string | 'too-large' | 'too-slow', complete: boolean) => {
      clearTimeout(timer)
      request.removeListener('data', onData)
      request.removeListener('end', onEnd)
      request.removeListener('error', onError)
      if (!complete) request.pause()
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) finish('too-large', false)
      else chunks.push(chunk)
    }
    const onEnd = () => finish(Buffer.concat(chunks).toString('utf8'), true)
    const onError = () => finish('too-slow', false)
    const timer = setTimeout(() => finish('too-slow', false), BODY_TIMEOUT_MS)
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', onError)
  })
}
