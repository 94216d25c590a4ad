import type { FindingKind } from '../scan/finding.js'

/** The leak lifecycle of DESIGN.md: detected -> alerted -> rotation requested -> rotated -> closed. */
export type IncidentState = 'detected' | 'alerted' | 'rotation-requested' | 'rotated' | 'closed'

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
}

/** One leaked token in one installation, however many places it appears in. Holds no raw token. */
export interface Incident {
  readonly installationId: number
  readonly fingerprint: string
  readonly kind: FindingKind
  readonly redacted: string
  readonly state: IncidentState
  /** The issue that tells people, once opened. */
  readonly issue?: { readonly repository: string; readonly number: number }
  readonly sightings: readonly Sighting[]
  readonly openedAtMs: number
}

/** The identity of a sighting: the same token at the same place in the same commit is one sighting. */
export function sightingKey(sighting: Sighting): string {
  return `${sighting.repository}\u0000${sighting.commit}\u0000${sighting.path}\u0000${sighting.line}`
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
  return { incident: added.length === 0 ? incident : { ...incident, sightings: [...incident.sightings, ...added] }, added }
}
