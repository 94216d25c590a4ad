import type { RotationAnswer, RotationRequest, RotationService } from '../../src/incidents/rotation-ports.js'
import { postSigned, type SignedPostOptions } from './post-signed.js'

/**
 * The organisation's rotation service over HTTP. The request is the README's documented JSON; the answer is a new
 * token (`200 {"token": "lsci-…"}`), an acceptance (`202`: the service calls back later), or anything else, which
 * after the retries is a failed rotation. The response body is never logged: it may hold the new token.
 */
export class WebhookRotationService implements RotationService {
  constructor(
    private readonly url: string,
    private readonly options: Omit<SignedPostOptions, 'idempotencyKey'> & { isDryRun: boolean },
  ) {}

  async request(request: RotationRequest): Promise<RotationAnswer> {
    const payload = {
      action: 'rotate',
      dryRun: this.options.isDryRun,
      incident: { id: request.incidentId, url: request.issueUrl ?? null },
      fingerprint: request.fingerprint,
      kind: request.kind,
      redacted: request.redacted,
      repository: request.repository,
      callbackUrl: request.callbackUrl ?? null,
      ...(request.token === undefined ? {} : { token: request.token }),
    }
    // One rotation per fingerprint: the key is the incident, so a retried attempt is recognisably the same request.
    const result = await postSigned(this.url, payload, { ...this.options, idempotencyKey: `rotate:${request.incidentId}` })
    if (!('body' in result)) return { kind: 'failed', reason: `the rotation service did not answer after ${result.attempts} attempts (${result.status}: ${result.detail})` }
    if (result.status === 202) return { kind: 'accepted' }
    if (result.status >= 200 && result.status < 300) {
      const token = readToken(result.body)
      return token === undefined ? { kind: 'failed', reason: `the rotation service answered ${result.status} without a "token" string in a JSON body` } : { kind: 'rotated', newToken: token }
    }
    return { kind: 'failed', reason: `the rotation service answered ${result.status} after ${result.attempts} attempt${result.attempts === 1 ? '' : 's'}` }
  }
}

function readToken(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { token?: unknown }
    return typeof parsed.token === 'string' ? parsed.token : undefined
  } catch {
    return undefined
  }
}
