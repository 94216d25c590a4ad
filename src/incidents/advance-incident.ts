import type { Incident } from './incident.js'
import { incidentLockKey, issueUrl, normalizeIncident, type IncidentNotice, type LeakResponseDependencies } from './leak-response.js'
import { issueView } from './record-sightings.js'
import { renderIncidentBody, renderTransitionComment } from './render-incident-issue.js'
import { applyEvent, type IncidentEvent, type TransitionCause } from './transition.js'

/** Which notice each event sends to the outbound alert. */
const NOTICES: Readonly<Partial<Record<IncidentEvent, IncidentNotice['event']>>> = {
  'rotation-requested': 'rotation-requested',
  'rotation-confirmed': 'rotated',
  resolved: 'resolved',
  escalated: 'escalated',
  dismissed: 'dismissed',
}

/** An incident moved, or not (a repeat), and what it is now; `undefined` when there is no such incident. */
export interface AdvanceResult {
  readonly incident: Incident | undefined
  readonly isChanged: boolean
}

/**
 * Moves one incident through its lifecycle: the transition is applied (idempotent: a repeat changes nothing, an
 * illegal edge throws `IllegalTransitionError`), persisted, the issue's checklist rewritten (closed once resolved or
 * dismissed), a comment records it, and the outbound alert is told. Used by rotation, confirmation and commands.
 */
export async function advanceIncident(
  key: { installationId: number; fingerprint: string },
  change: { event: IncidentEvent; cause: TransitionCause },
  deps: LeakResponseDependencies,
): Promise<AdvanceResult> {
  return deps.locks.withLock(incidentLockKey(key.installationId), async () => {
    const stored = await deps.incidents.findIncident(key.installationId, key.fingerprint)
    if (stored === undefined) return { incident: undefined, isChanged: false }
    const { incident, isChanged } = applyEvent(normalizeIncident(stored), change.event, change.cause)
    if (!isChanged) return { incident, isChanged }
    await deps.incidents.saveIncident(incident)
    await publishTransition(incident, deps)
    deps.log.info('incident.transition', { fingerprint: incident.fingerprint, event: change.event, state: incident.state, actor: change.cause.actor })
    const notice = NOTICES[change.event]
    const url = issueUrl(deps.webBaseUrl, incident)
    if (notice !== undefined) await deps.notify?.({ event: notice, incident, ...(url === undefined ? {} : { issueUrl: url }), ...(change.cause.note === undefined ? {} : { detail: change.cause.note }) })
    return { incident, isChanged }
  })
}

/** The issue shows the new state (rewritten checklist) and a comment records the transition. */
async function publishTransition(incident: Incident, deps: LeakResponseDependencies): Promise<void> {
  const issue = incident.issue
  const entry = incident.audit.at(-1)
  if (issue === undefined || entry === undefined) return
  const isFinished = incident.state === 'resolved' || incident.state === 'dismissed'
  const summaryNote = issue.isSummary === true ? `\n\nToken \`${incident.redacted}\` (\`${incident.fingerprint}\`).` : ''
  await deps.github.comment(issue.repository, issue.number, `${renderTransitionComment(entry)}${summaryNote}`)
  // A summary issue stands for many tokens: one token's transition does not rewrite or close it.
  if (issue.isSummary === true) return
  const body = renderIncidentBody(incident, issueView(incident, deps.alerts, deps.webBaseUrl))
  await deps.github.updateIssue(issue.repository, issue.number, { body, ...(isFinished ? { state: 'closed' as const } : {}) })
}
