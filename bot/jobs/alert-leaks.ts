import { addSightings, type Incident } from '../../src/incidents/incident.js'
import type { LeakGroup } from '../../src/incidents/group-leaks.js'
import { transition } from '../../src/incidents/transition.js'
import type { IncidentStore, LockService, Logger } from '../../src/ports.js'
import { openIncidentIssue, updateIncidentIssue, type IssueContext } from '../github/incident-issues.js'
import { fullName, type GitHubClient, type RepoRef } from '../github/types.js'

/** What alerting needs. */
export interface AlertDependencies {
  readonly incidents: IncidentStore<Incident>
  readonly locks: LockService
  readonly log: Logger
  readonly nowMs: () => number
}

/**
 * One incident per token per installation: the first sighting opens an issue; later ones add locations to it; a
 * sighting already recorded (a redelivery, a repeated push) writes nothing. Returns each token's issue link.
 */
export async function alertLeaks(
  where: { octokit: GitHubClient; repo: RepoRef; installationId: number },
  groups: readonly LeakGroup[],
  context: IssueContext & AlertDependencies,
): Promise<Map<string, string>> {
  // Jobs of different repositories run side by side: the find-or-open of an installation's incidents does not.
  return context.locks.withLock(`incidents:${where.installationId}`, () => alertLeaksLocked(where, groups, context))
}

async function alertLeaksLocked(where: Where, groups: readonly LeakGroup[], context: IssueContext & AlertDependencies): Promise<Map<string, string>> {
  const links = new Map<string, string>()
  for (const group of groups) {
    const known = await context.incidents.findIncident(where.installationId, group.fingerprint)
    const incident = known === undefined ? await openIncident(where, group, context) : await addToIncident(where, { known, group }, context)
    if (incident.issue !== undefined) links.set(group.fingerprint, `${context.webBaseUrl}/${incident.issue.repository}/issues/${incident.issue.number}`)
  }
  return links
}

interface Where {
  readonly octokit: GitHubClient
  readonly repo: RepoRef
  readonly installationId: number
}

async function openIncident({ octokit, repo, installationId }: Where, group: LeakGroup, context: IssueContext & AlertDependencies): Promise<Incident> {
  const detected: Incident = {
    installationId,
    fingerprint: group.fingerprint,
    kind: group.kind,
    redacted: group.redacted,
    state: 'detected',
    sightings: group.sightings,
    openedAtMs: context.nowMs(),
  }
  // Saved before the issue exists, so a crash in between leaves a record that the retry completes.
  await context.incidents.saveIncident(detected)
  const { number } = await openIncidentIssue({ octokit, repo }, detected, context)
  const alerted: Incident = { ...detected, state: transition(detected.state, 'alert-sent'), issue: { repository: fullName(repo), number } }
  await context.incidents.saveIncident(alerted)
  context.log.info('incident.opened', { fingerprint: group.fingerprint, kind: group.kind, repository: fullName(repo), issue: number })
  return alerted
}

async function addToIncident(where: Where, seen: { known: Incident; group: LeakGroup }, context: IssueContext & AlertDependencies): Promise<Incident> {
  const { known, group } = seen
  const { octokit } = where
  const { incident, added } = addSightings(known, group.sightings)
  if (added.length === 0 && known.issue !== undefined) return known
  const reopened = known.state === 'closed' ? { ...incident, state: transition(known.state, 'reopened') } : incident
  await context.incidents.saveIncident(reopened)
  if (reopened.issue === undefined) return completeIssue(where, reopened, context)
  await updateIncidentIssue(octokit, reopened, context)
  context.log.info('incident.sighted', { fingerprint: group.fingerprint, added: added.length, issue: reopened.issue.number })
  return reopened
}

/** An incident saved without its issue (the process died in between): open the issue now. */
async function completeIssue({ octokit, repo }: Where, incident: Incident, context: IssueContext & AlertDependencies): Promise<Incident> {
  const { number } = await openIncidentIssue({ octokit, repo }, incident, context)
  const alerted: Incident = { ...incident, state: transition(incident.state, 'alert-sent'), issue: { repository: fullName(repo), number } }
  await context.incidents.saveIncident(alerted)
  return alerted
}
