import type { IncomingMessage, Server } from 'node:http'

/**
 * Node's defaults give a client 60 s to send its headers and 300 s for the whole request: room for a slow client to
 * hold connections and memory. GitHub sends a delivery within its own 10 s timeout. Probot creates the HTTP server
 * and does not expose it, so the limits are set from the first request that reaches the bot's handlers; the webhook
 * endpoint also bounds each body's reading itself.
 */
const HEADERS_TIMEOUT_MS = 10_000
const REQUEST_TIMEOUT_MS = 30_000
const KEEP_ALIVE_TIMEOUT_MS = 5_000

const tuned = new WeakSet<Server>()

/** A request handler that never answers: it tightens the server's timeouts once and passes the request on. */
export function tuneServerTimeouts(request: IncomingMessage): boolean {
  const server = (request.socket as { server?: Server }).server
  if (server !== undefined && !tuned.has(server)) {
    tuned.add(server)
    server.headersTimeout = HEADERS_TIMEOUT_MS
    server.requestTimeout = REQUEST_TIMEOUT_MS
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  }
  return false
}
