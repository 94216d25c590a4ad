import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Probot } from 'probot'
import { normalizeIncident } from '../../src/incidents/leak-response.js'
import { completeRotation, failRotation } from '../../src/incidents/rotate-incident.js'
import { loadConfig } from '../github/load-config.js'
import type { GitHubClient } from '../github/types.js'
import { repositoryByName } from '../jobs/incident-command-job.js'
import { leakResponseFor, ROTATION_CALLBACK_PATH } from '../jobs/leak-response-context.js'
import type { JobDependencies } from '../jobs/scan-push-job.js'
import type { DeliveryLedger } from '../../src/ports.js'
import { isValidSignature, SIGNATURE_HEADER } from './signature.js'

/** A callback is a small JSON document; anything larger is not one. */
const MAX_BODY_BYTES = 64 * 1024
/** A signed body older or newer than this is refused: a captured callback cannot be replayed later. */
export const CALLBACK_WINDOW_SECONDS = 300

interface CallbackBody {
  readonly incidentId?: unknown
  readonly status?: unknown
  readonly token?: unknown
  readonly reason?: unknown
  readonly timestamp?: unknown
}

/**
 * The rotation service's callback after a 202: signed like the request (HMAC-SHA256 of the raw body with the shared
 * secret), fresh (`timestamp` within five minutes), and used once (the body's hash is claimed in the delivery ledger,
 * so a replay within the window is refused too). The new token is handled in this request and never queued or stored.
 */
export function createRotationCallbackEndpoint(app: Probot, context: { secret?: string; deliveries: DeliveryLedger; deps: JobDependencies }) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if ((request.url ?? '').split('?')[0] !== ROTATION_CALLBACK_PATH) return false
    if (request.method !== 'POST') return answer(response, 405, 'use POST')
    if (context.secret === undefined) return answer(response, 503, 'rotation callbacks are not configured: set GUARD_ROTATION_SECRET')
    const body = await readBody(request)
    if (body === undefined) return answer(response, 413, `the body is larger than ${MAX_BODY_BYTES} bytes`)
    const signature = request.headers[SIGNATURE_HEADER]
    const checked = await admit(body, typeof signature === 'string' ? signature : undefined, { ...context, secret: context.secret })
    if ('status' in checked) return answer(response, checked.status, checked.error)
    const parsed = checked.callback
    const outcome = await handle(app, parsed, context.deps)
    context.deps.log.info('rotation.callback', { incidentId: parsed.incidentId, status: parsed.status, outcome })
    return answer(response, outcome === 'unknown-incident' || outcome === 'not-expected' ? 409 : 200, outcome)
  }
}

/** Signature, shape, freshness, then first use: a refusal with its status, or the callback. */
async function admit(body: string, signature: string | undefined, context: { secret: string; deliveries: DeliveryLedger; deps: JobDependencies }): Promise<{ status: number; error: string } | { callback: Parsed }> {
  if (!isValidSignature(context.secret, body, signature)) return { status: 401, error: `${SIGNATURE_HEADER} does not match the body and the shared secret` }
  const parsed = parse(body)
  if (parsed === undefined) return { status: 400, error: 'the body must be JSON with incidentId, status ("rotated" or "failed") and timestamp (Unix seconds)' }
  const ageSeconds = Math.abs(context.deps.nowMs() / 1000 - parsed.timestamp)
  if (ageSeconds > CALLBACK_WINDOW_SECONDS) return { status: 401, error: `the timestamp is ${Math.round(ageSeconds)} s away from now (at most ${CALLBACK_WINDOW_SECONDS} s): send a fresh callback` }
  if (!(await context.deliveries.claimDelivery(`rotation-callback:${createHash('sha256').update(body).digest('hex')}`))) return { status: 409, error: 'this callback was already received (a replay)' }
  return { callback: parsed }
}

type Parsed = { incidentId: string; installationId: number; fingerprint: string; status: 'rotated' | 'failed'; token?: string; reason?: string; timestamp: number }

function parse(body: string): Parsed | undefined {
  let value: CallbackBody
  try {
    value = JSON.parse(body) as CallbackBody
  } catch {
    return undefined
  }
  const match = typeof value.incidentId === 'string' ? /^(\d+):(sha256:[0-9a-f]{64})$/.exec(value.incidentId) : null
  if (match === null || (value.status !== 'rotated' && value.status !== 'failed') || typeof value.timestamp !== 'number') return undefined
  if (value.status === 'rotated' && typeof value.token !== 'string') return undefined
  return {
    incidentId: match[0],
    installationId: Number(match[1]),
    fingerprint: match[2] ?? '',
    status: value.status,
    timestamp: value.timestamp,
    ...(typeof value.token === 'string' ? { token: value.token } : {}),
    ...(typeof value.reason === 'string' ? { reason: value.reason.slice(0, 500) } : {}),
  }
}

async function handle(app: Probot, callback: Parsed, deps: JobDependencies): Promise<string> {
  const stored = await deps.incidents.findIncident(callback.installationId, callback.fingerprint)
  if (stored === undefined) return 'unknown-incident'
  const incident = normalizeIncident(stored)
  // Only an accepted request is answered by a callback: anything else is not one the bot is waiting for.
  if (incident.rotation?.status !== 'accepted' || incident.sightings[0] === undefined) return 'not-expected'
  const octokit = (await app.auth(callback.installationId)) as GitHubClient
  const origin = await repositoryByName(octokit, incident.sightings[0].repository)
  const loaded = await loadConfig({ octokit, repo: origin }, deps.records, { refresh: false })
  const { response } = await leakResponseFor(octokit, { repo: origin, loaded }, deps)
  const key = { installationId: callback.installationId, fingerprint: callback.fingerprint }
  if (callback.status === 'failed' || callback.token === undefined) {
    await failRotation(key, `the rotation service reported a failure${callback.reason === undefined ? '' : ` ("${callback.reason}")`}`, response)
    return 'failed'
  }
  return completeRotation(key, { newToken: callback.token, via: 'rotation service callback' }, response)
}

function answer(response: ServerResponse, status: number, text: string): true {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status < 300 ? { outcome: text } : { error: text }))
  return true
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return undefined
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
