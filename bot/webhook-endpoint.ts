import type { IncomingMessage, ServerResponse } from 'node:http'
import { verify } from '@octokit/webhooks-methods'
import type { Probot } from 'probot'
import type { Logger } from '../src/ports.js'

/** GitHub does not deliver payloads over 25 MB (FACTS.md §5); anything larger is not GitHub. */
const MAX_BODY_BYTES = 25 * 1024 * 1024
const REQUIRED_HEADERS = ['x-github-event', 'x-github-delivery', 'x-hub-signature-256'] as const

/**
 * The public webhook endpoint. Probot's own middleware answers a bad signature with 400; GitHub's guidance and our
 * contract say 401, and a forged delivery must cost nothing (no API call, no job). So the endpoint verifies the
 * `X-Hub-Signature-256` HMAC itself (`@octokit/webhooks-methods`, constant-time) and only then hands the event to
 * Probot's router. The handlers only enqueue, so the answer goes out in milliseconds.
 */
export function createWebhookEndpoint(app: Probot, options: { path: string; secret: string; log: Logger }) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = (request.url ?? '').split('?')[0]
    if (request.method !== 'POST' || path !== options.path) return false
    const missing = REQUIRED_HEADERS.filter((name) => typeof request.headers[name] !== 'string')
    if (missing.length > 0) return answer(response, 400, `Required headers missing: ${missing.join(', ')}`)
    const body = await readBody(request)
    if (body === undefined) return answer(response, 413, 'Payload too large')
    const signature = String(request.headers['x-hub-signature-256'])
    if (!(await verify(options.secret, body, signature))) {
      options.log.warn('webhook.signature-rejected', { deliveryId: request.headers['x-github-delivery'] })
      return answer(response, 401, 'signature does not match the payload and the webhook secret')
    }
    let payload: unknown
    try {
      payload = JSON.parse(body)
    } catch {
      return answer(response, 400, 'the payload is not JSON')
    }
    const event = { id: String(request.headers['x-github-delivery']), name: String(request.headers['x-github-event']), payload }
    try {
      await app.webhooks.receive(event as Parameters<Probot['webhooks']['receive']>[0])
    } catch (error: unknown) {
      options.log.error('webhook.handler-failed', { deliveryId: event.id, error: error instanceof Error ? error.message : String(error) })
      return answer(response, 500, 'the event could not be queued')
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n')
    return true
  }
}

function answer(response: ServerResponse, status: number, error: string): true {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error }))
  return true
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
