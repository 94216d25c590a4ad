import { escalateIfOverdue } from '../../src/incidents/escalate.js'
import { normalizeIncident } from '../../src/incidents/leak-response.js'
import { verifyRotationBySecrets } from '../../src/incidents/verify-rotation.js'
import { loadConfig } from '../github/load-config.js'
import type { GitHubClient } from '../github/types.js'
import { repositoryByName } from './incident-command-job.js'
import type { BotJob } from './job.js'
import { leakResponseFor } from './leak-response-context.js'
import { openIncidents, updateOpenIncidents } from './open-incidents.js'
import type { JobDependencies } from './scan-push-job.js'

/** Incidents looked at per run: a bounded cost per tick, however many are open. */
const MAX_PER_RUN = 50

/**
 * The manual rotation's verification, and escalation: for each open incident of the installation, a watched Actions
 * secret updated after the leak confirms the rotation; an incident nobody acted on in time is escalated. Finished
 * incidents leave the watch list.
 */
export async function runWatchIncidentsJob(octokit: GitHubClient, job: Extract<BotJob, { type: 'watch-incidents' }>, deps: JobDependencies): Promise<void> {
  const finished: string[] = []
  for (const fingerprint of (await openIncidents(deps.records, job.installationId)).slice(0, MAX_PER_RUN)) {
    const stored = await deps.incidents.findIncident(job.installationId, fingerprint)
    const incident = stored === undefined ? undefined : normalizeIncident(stored)
    const first = incident?.sightings[0]?.repository
    if (incident === undefined || first === undefined || ['rotated', 'resolved', 'dismissed'].includes(incident.state)) {
      finished.push(fingerprint)
      continue
    }
    const origin = await repositoryByName(octokit, first)
    const loaded = await loadConfig({ octokit, repo: origin }, deps.records, { refresh: false })
    const { response, settings } = await leakResponseFor(octokit, { repo: origin, loaded }, deps)
    const key = { installationId: job.installationId, fingerprint }
    if (await verifyRotationBySecrets(key, settings.rotation.targets, response)) finished.push(fingerprint)
    else await escalateIfOverdue(key, settings.escalateAfterMs, response)
  }
  await updateOpenIncidents(deps, job.installationId, { remove: finished })
}
