import type { IncidentState } from './incident.js'

/** What can happen to an incident. */
export type IncidentEvent = 'alert-sent' | 'rotation-requested' | 'rotation-confirmed' | 'closed' | 'reopened'

const NEXT: Readonly<Record<IncidentState, Partial<Record<IncidentEvent, IncidentState>>>> = {
  detected: { 'alert-sent': 'alerted', closed: 'closed' },
  alerted: { 'rotation-requested': 'rotation-requested', 'rotation-confirmed': 'rotated', closed: 'closed' },
  'rotation-requested': { 'rotation-confirmed': 'rotated', closed: 'closed' },
  rotated: { closed: 'closed' },
  // A leak seen again after its incident closed is a new exposure of a token that may still be live.
  closed: { reopened: 'alerted' },
}

/** The state after `event`, or the same state when the event does not apply (repeated events are harmless). */
export function transition(state: IncidentState, event: IncidentEvent): IncidentState {
  return NEXT[state][event] ?? state
}
