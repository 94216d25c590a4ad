import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

/** What the service does with the next request. */
export type RotationBehaviour =
  | { kind: 'token'; token: string }
  | { kind: 'accept' }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }

/** One request the service received, with whether its signature held. */
export interface ReceivedRequest {
  readonly body: string
  readonly json: Record<string, unknown>
  readonly isSignatureValid: boolean
  readonly idempotencyKey: string | undefined
  /** When it arrived (`Date.now()`), for the benchmark's delivery-to-alert time. */
  readonly atMs: number
}

function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

/** Checks `X-LocalStack-Guard-Signature-256` as a receiver must: HMAC-SHA256 of the raw body, constant-time compare. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (header === undefined) return false
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(header)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * An organisation's rotation service (or alert receiver) on 127.0.0.1: checks every request's signature, records
 * it, and answers as scripted (a new token, 202, a status, or nothing at all). A bad signature gets 401.
 */
export class FakeRotationService {
  readonly received: ReceivedRequest[] = []
  private readonly behaviours: RotationBehaviour[] = []
  private readonly hung: ServerResponse[] = []
  private server: Server | undefined
  url = ''

  constructor(private readonly secret: string) {}

  /** Queues behaviours for the next requests; with none left, requests get 200 `{}`. */
  script(...behaviours: RotationBehaviour[]): this {
    this.behaviours.push(...behaviours)
    return this
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response))
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/rotate`
    return this
  }

  async close(): Promise<void> {
    for (const response of this.hung) response.destroy()
    this.server?.closeAllConnections()
    await new Promise((resolve) => this.server?.close(resolve))
  }

  /** Signs and posts a callback to the bot, as the service would after a 202. */
  async callback(url: string, payload: unknown, options: { secret?: string; body?: string } = {}): Promise<{ status: number; body: string }> {
    const body = options.body ?? JSON.stringify(payload)
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-localstack-guard-signature-256': sign(options.secret ?? this.secret, body) }, body, signal: AbortSignal.timeout(10_000) })
    return { status: response.status, body: await response.text() }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const atMs = Date.now()
    const header = request.headers['x-localstack-guard-signature-256']
    const isSignatureValid = verifySignature(this.secret, body, typeof header === 'string' ? header : undefined)
    const key = request.headers['idempotency-key']
    this.received.push({ body, json: JSON.parse(body) as Record<string, unknown>, isSignatureValid, idempotencyKey: typeof key === 'string' ? key : undefined, atMs })
    if (!isSignatureValid) {
      response.writeHead(401).end()
      return
    }
    const next = this.behaviours.shift()
    if (next === undefined) response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    else if (next.kind === 'token') response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: next.token }))
    else if (next.kind === 'accept') response.writeHead(202).end()
    else if (next.kind === 'status') response.writeHead(next.status).end('{"error":"scripted"}')
    else this.hung.push(response)
  }
}
