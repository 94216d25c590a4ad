import type { FindingKind } from '../scan/finding.js'

/** What the bot sends to an organisation's own rotation service. Holds the raw token only with `send-token: true`. */
export interface RotationRequest {
  /** `<installation>:<fingerprint>`: stable, so the service can de-duplicate. */
  readonly incidentId: string
  readonly fingerprint: string
  readonly kind: FindingKind
  readonly redacted: string
  /** `owner/name` of the first repository it was seen in. */
  readonly repository: string
  readonly issueUrl?: string
  /** Where a service that answers 202 calls back. */
  readonly callbackUrl?: string
  readonly token?: string
}

/** The service's answer: a new token now, later through the callback, or a failure after the retries. */
export type RotationAnswer =
  | { readonly kind: 'rotated'; readonly newToken: string }
  | { readonly kind: 'accepted' }
  | { readonly kind: 'failed'; readonly reason: string }

/** The rotation service (an HTTP adapter in `bot/`: signed, with timeouts and retries). */
export interface RotationService {
  request(request: RotationRequest): Promise<RotationAnswer>
}

/** An Actions secret the new token goes to, or whose update confirms a rotation. */
export type SecretTarget =
  | { readonly scope: 'repository'; readonly repository: string; readonly name: string }
  | { readonly scope: 'environment'; readonly repository: string; readonly environment: string; readonly name: string }
  | { readonly scope: 'organization'; readonly organization: string; readonly name: string }

/** Actions secrets: when each was last updated, and writing one (sealed with the target's public key). */
export interface SecretsPort {
  /** The secret's `updated_at` in ms, or undefined when it does not exist or the app may not read it. */
  updatedAtMs(target: SecretTarget): Promise<number | undefined>
  /** Seals `value` for the target and writes it; an organisation secret keeps its visibility. */
  write(target: SecretTarget, value: string): Promise<void>
}

/** Reads back a leaked token from where it was seen (for `send-token: true` only); undefined when gone. */
export interface LeakedTokenSource {
  readToken(location: { repository: string; commit: string; path: string; line: number }, fingerprint: string): Promise<string | undefined>
}

/** Names a target for people: `acme/app: LOCALSTACK_AUTH_TOKEN`, `acme/app (environment prod): …`, `org acme: …`. */
export function describeTarget(target: SecretTarget): string {
  if (target.scope === 'repository') return `${target.repository}: ${target.name}`
  if (target.scope === 'environment') return `${target.repository} (environment ${target.environment}): ${target.name}`
  return `organisation ${target.organization}: ${target.name}`
}
