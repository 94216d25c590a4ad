import { IllegalTransitionError } from '../errors.js'
import type { AuditEntry, Incident, IncidentState } from './incident.js'

/** What can happen to an incident. */
export type IncidentEvent = 'alert-sent' | 'rotation-requested' | 'rotation-confirmed' | 'resolved' | 'dismissed' | 'escalated'

/**
 * The lifecycle's edges. `resolved` and `dismissed` are final: a resolved token is dead (it was rotated, or someone
 * with the rights said so), and a dismissed one is allowed from then on, so a later sighting moves neither.
 */
const NEXT: Readonly<Record<IncidentState, Partial<Record<IncidentEvent, IncidentState>>>> = {
  detected: { 'alert-sent': 'alerted', 'rotation-confirmed': 'rotated', dismissed: 'dismissed', escalated: 'escalated' },
  alerted: { 'rotation-requested': 'rotation-requested', 'rotation-confirmed': 'rotated', resolved: 'resolved', dismissed: 'dismissed', escalated: 'escalated' },
  'rotation-requested': { 'rotation-confirmed': 'rotated', resolved: 'resolved', dismissed: 'dismissed', escalated: 'escalated' },
  escalated: { 'rotation-requested': 'rotation-requested', 'rotation-confirmed': 'rotated', resolved: 'resolved', dismissed: 'dismissed' },
  rotated: { resolved: 'resolved' },
  resolved: {},
  dismissed: {},
}

/** The state an event leads to, so a repeat of the event can be recognised and ignored. */
const TARGET: Readonly<Record<IncidentEvent, IncidentState>> = {
  'alert-sent': 'alerted',
  'rotation-requested': 'rotation-requested',
  'rotation-confirmed': 'rotated',
  resolved: 'resolved',
  dismissed: 'dismissed',
  escalated: 'escalated',
}

/** The events that apply in `state`. */
export function allowedEvents(state: IncidentState): IncidentEvent[] {
  return Object.keys(NEXT[state]) as IncidentEvent[]
}

/** Where `event` leads from `state`: `unchanged` when the incident is already there (a repeat), `illegal` otherwise. */
export function transition(state: IncidentState, event: IncidentEvent): { kind: 'moved'; to: IncidentState } | { kind: 'unchanged' } | { kind: 'illegal' } {
  const to = NEXT[state][event]
  if (to !== undefined) return { kind: 'moved', to }
  return TARGET[event] === state ? { kind: 'unchanged' } : { kind: 'illegal' }
}

/** Who or what moves the incident, when, and why. */
export interface TransitionCause {
  readonly actor: string
  readonly atMs: number
  readonly note?: string
}

/**
 * Applies `event`: the new state plus one audit entry, or the same incident when it is already there (webhook
 * redeliveries, a secret updated twice). Throws `IllegalTransitionError` for an edge the lifecycle does not have.
 */
export function applyEvent(incident: Incident, event: IncidentEvent, cause: TransitionCause): { incident: Incident; isChanged: boolean } {
  const result = transition(incident.state, event)
  if (result.kind === 'unchanged') return { incident, isChanged: false }
  if (result.kind === 'illegal') {
    throw new IllegalTransitionError({ from: incident.state, event, allowed: allowedEvents(incident.state), fingerprint: incident.fingerprint })
  }
  const entry: AuditEntry = { atMs: cause.atMs, actor: cause.actor, event, from: incident.state, to: result.to, ...(cause.note === undefined ? {} : { note: cause.note }) }
  return { incident: { ...incident, state: result.to, audit: [...incident.audit, entry] }, isChanged: true }
}

/** True when `event` would move the incident (neither a repeat nor illegal). */
export function canApply(state: IncidentState, event: IncidentEvent): boolean {
  return transition(state, event).kind === 'moved'
}
