import type { FindingKind } from '../scan/finding.js'

/**
 * The leak lifecycle: detected -> alerted -> rotation-requested -> rotated (a new token is in place) -> resolved, plus
 * dismissed (a false positive: the fingerprint is allowed from then on) and escalated (nothing happened in time).
 */
export type IncidentState = 'detected' | 'alerted' | 'rotation-requested' | 'rotated' | 'resolved' | 'dismissed' | 'escalated'

/** Who can see a place a token was seen. */
export interface Exposure {
  /** The repository is public: the token is readable by anyone, forks and caches included. */
  readonly isPublic: boolean
  /** The push reached the default branch, where most clones and CI runs read it. */
  readonly isDefaultBranch: boolean
}

/** How urgently people must act; derived from the exposure and the token's kind (`severity.ts`). */
export type Severity = 'critical' | 'high' | 'medium' | 'low'

/** One place a leaked token was seen. */
export interface Sighting {
  /** `owner/name`. */
  readonly repository: string
  readonly commit: string
  readonly path: string
  readonly line: number
  /** The ref the push updated, when the sighting came from a push. */
  readonly ref?: string
  /** Who pushed it (a login), when known. */
  readonly pusher?: string
  /** Visibility of `repository` and whether the ref is its default branch; absent on records written before. */
  readonly exposure?: Exposure
}

/** One entry of an incident's audit trail: when, who or what, from which state to which. Never holds a token. */
export interface AuditEntry {
  readonly atMs: number
  /** A login (`@octocat`), or the event that moved it (`push`, `secret-update:LOCALSTACK_AUTH_TOKEN`, `escalation-timer`). */
  readonly actor: string
  readonly event: string
  readonly from: IncidentState
  readonly to: IncidentState
  /** Why, in a sentence safe to show (no token, no location a reader may not see). */
  readonly note?: string
}

/** Where the incident is tracked, and why there. */
export interface IncidentIssue {
  readonly repository: string
  readonly number: number
  /** The issue stands for every token of one flooded push: transitions comment on it but do not rewrite it. */
  readonly isSummary?: boolean
}

/** One leaked token in one installation, however many places it appears in. Holds no raw token. */
export interface Incident {
  readonly installationId: number
  readonly fingerprint: string
  readonly kind: FindingKind
  readonly redacted: string
  readonly state: IncidentState
  /** The issue that tells people, once opened. */
  readonly issue?: IncidentIssue
  /**
   * Set when no issue may be opened: the leak is in a public repository and no private `alerts.repository` is
   * configured. The failed check run (and the outbound alert, when configured) say so.
   */
  readonly untrackedReason?: string
  readonly sightings: readonly Sighting[]
  /** The widest exposure of any sighting. */
  readonly exposure: Exposure
  readonly severity: Severity
  readonly openedAtMs: number
  readonly audit: readonly AuditEntry[]
  /** The rotation asked of the organisation's service, if any: one per fingerprint, never two at once. */
  readonly rotation?: RotationRecord
  /**
   * When the `opened` alert went out. Saved before the issue is opened, so a job retried after a failed issue
   * creation does not send it again.
   */
  readonly announcedAtMs?: number
}

/** Where an automated rotation stands. `failed` and `dry-run` may be asked again; the others may not. */
export interface RotationRecord {
  readonly status: 'pending' | 'accepted' | 'dry-run' | 'failed' | 'done'
  readonly attempts: number
  readonly requestedAtMs: number
}

/** The identity of a sighting: the same token at the same place in the same commit is one sighting. */
export function sightingKey(sighting: Sighting): string {
  return `${sighting.repository}\u0000${sighting.commit}\u0000${sighting.path}\u0000${sighting.line}`
}

/** The widest of two exposures: public beats private, the default branch beats another ref. */
export function widerExposure(a: Exposure, b: Exposure | undefined): Exposure {
  if (b === undefined) return a
  return { isPublic: a.isPublic || b.isPublic, isDefaultBranch: a.isDefaultBranch || b.isDefaultBranch }
}

/** Adds the sightings not yet recorded; `added` is empty when nothing is new (a redelivery, a repeated push). */
export function addSightings(incident: Incident, found: readonly Sighting[]): { incident: Incident; added: Sighting[] } {
  const known = new Set(incident.sightings.map(sightingKey))
  const added: Sighting[] = []
  for (const sighting of found) {
    const key = sightingKey(sighting)
    if (known.has(key)) continue
    known.add(key)
    added.push(sighting)
  }
  if (added.length === 0) return { incident, added }
  const exposure = added.reduce((wide, s) => widerExposure(wide, s.exposure), incident.exposure)
  return { incident: { ...incident, sightings: [...incident.sightings, ...added], exposure }, added }
}
