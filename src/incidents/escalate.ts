import { advanceIncident } from './advance-incident.js'
import { normalizeIncident, type LeakResponseDependencies } from './leak-response.js'
import { canApply } from './transition.js'

/**
 * Escalates an incident nobody acted on: still alerted or waiting for rotation `escalateAfterMs` after it was
 * opened. The outbound alert tells the security team; the issue says so in its checklist.
 */
export async function escalateIfOverdue(key: { installationId: number; fingerprint: string }, escalateAfterMs: number, deps: LeakResponseDependencies): Promise<boolean> {
  const stored = await deps.incidents.findIncident(key.installationId, key.fingerprint)
  if (stored === undefined) return false
  const incident = normalizeIncident(stored)
  const isWaiting = incident.state === 'alerted' || incident.state === 'rotation-requested'
  if (!isWaiting || !canApply(incident.state, 'escalated') || deps.nowMs() - incident.openedAtMs < escalateAfterMs) return false
  const hours = Math.round(escalateAfterMs / 3_600_000)
  const note = `No rotation was confirmed within ${hours >= 1 ? `${hours} h` : `${Math.round(escalateAfterMs / 60_000)} min`} of the leak.`
  return (await advanceIncident(key, { event: 'escalated', cause: { actor: 'escalation timer', atMs: deps.nowMs(), note } }, deps)).isChanged
}
