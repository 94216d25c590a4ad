import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import type { RateLimiter } from '../limits/rate-limiter.js'
import type { IncomingCall, Reply } from './request-pipeline.js'

/** Serving needs the port before the pipeline can know its URLs, so the server calls through this. */
export interface ServeDeps {
  handle: (call: IncomingCall) => Reply
  limiter: RateLimiter
  latencyMs: number
  port: number
}

/** GitHub refuses payloads over 25 MB; the fake stops reading there too. */
const MAX_BODY_BYTES = 25 * 1024 * 1024

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new Error('request body over 25 MB')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function answer(request: IncomingMessage, response: ServerResponse, deps: ServeDeps): Promise<void> {
  const bodyText = await readBody(request)
  const reply = deps.handle({ method: request.method ?? 'GET', url: request.url ?? '/', authorization: request.headers.authorization, accept: request.headers.accept, bodyText })
  try {
    // A latency keeps requests in flight, so the concurrency limit can be reached at all.
    if (deps.latencyMs > 0) await delay(deps.latencyMs)
    const text = reply.raw ?? (reply.body === undefined || reply.status === 204 ? '' : JSON.stringify(reply.body))
    response.writeHead(reply.status, {
      'content-type': reply.raw ? 'application/vnd.github.raw; charset=utf-8' : 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      ...reply.headers,
    })
    response.end(text)
  } finally {
    if (reply.installationId !== undefined) deps.limiter.leave(reply.installationId)
  }
}

/** Serves the pipeline on 127.0.0.1 (an ephemeral port unless one is given); resolves once listening. */
export async function serve(deps: ServeDeps): Promise<Server> {
  const server = createServer((request, response) => {
    answer(request, response, deps).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
      response.end(JSON.stringify({ message: `fake GitHub failed: ${error instanceof Error ? error.message : String(error)}` }))
    })
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(deps.port, '127.0.0.1', () => resolve())
  })
  return server
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port
}

/** Closes the server and every kept-alive connection, so no test waits for idle sockets. */
export async function shutdown(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeAllConnections()
  await closed
}
