import { groupLeaks } from '../../src/incidents/group-leaks.js'
import type { Exposure } from '../../src/incidents/incident.js'
import { announceNewLeaks, recordSightings, type TokenOutcome } from '../../src/incidents/record-sightings.js'
import type { Finding } from '../../src/scan/finding.js'
import type { LoadedConfig } from '../github/load-config.js'
import { CHECK_RUN_NAME, renderLeakCheckRun } from '../../src/incidents/render-check-run.js'
import { createCheckRun } from '../github/check-runs.js'
import { OctokitIncidentGitHub } from '../github/octokit-incident-github.js'
import { fullName, type GitHubClient, type RepoRef } from '../github/types.js'
import { leakResponseFor } from './leak-response-context.js'
import { updateOpenIncidents } from './open-incidents.js'
import type { JobDependencies } from './scan-push-job.js'

/** Where leaks were found: the repository, and the ref and pusher when a push brought them. */
export interface LeakOrigin {
  readonly octokit: GitHubClient
  readonly repo: RepoRef
  readonly installationId: number
  readonly headSha: string
  readonly ref?: string
  readonly pusher?: string
}

/**
 * Glue for the sighting use case: works out the exposure (GitHub is asked when the webhook did not say whether the
 * repository is private; unknown counts as public), wires the ports, and hands the leaks to `recordSightings`.
 * Returns, per fingerprint, what the check run of this repository may say.
 */
export async function alertLeaks(origin: LeakOrigin, leaks: readonly Finding[], context: { deps: JobDependencies; loaded: LoadedConfig }): Promise<Map<string, TokenOutcome>> {
  const { octokit, repo } = origin
  const exposure = await exposureOf(origin)
  const groups = groupLeaks(leaks, { repository: fullName(repo), headSha: origin.headSha, exposure, ...(origin.ref === undefined ? {} : { ref: origin.ref }), ...(origin.pusher === undefined ? {} : { pusher: origin.pusher }) })
  if (groups.length === 0) return new Map()
  const { response } = await leakResponseFor(octokit, { repo, loaded: context.loaded }, context.deps)
  const pushOrigin = { installationId: origin.installationId, repository: fullName(repo), exposure, headSha: origin.headSha }
  const announced = await announceNewLeaks(pushOrigin, groups, response)
  const outcomes = await recordSightings(pushOrigin, groups, { ...response, announced })
  const open = [...outcomes].filter(([, outcome]) => outcome.state === 'alerted' || outcome.state === 'detected').map(([fingerprint]) => fingerprint)
  await updateOpenIncidents(context.deps, origin.installationId, { add: open })
  return outcomes
}

async function exposureOf(origin: LeakOrigin): Promise<Exposure> {
  const isPrivate = origin.repo.isPrivate ?? (await new OctokitIncidentGitHub(origin.octokit).visibilityOf(fullName(origin.repo))) === 'private'
  const isDefaultBranch = origin.ref === undefined || origin.ref === `refs/heads/${origin.repo.defaultBranch}`
  return { isPublic: !isPrivate, isDefaultBranch }
}

/**
 * Leaks of one commit: incidents first (so the check run can say where each is tracked), then the check run.
 */
export async function alertAndCheck(
  origin: LeakOrigin,
  leaks: readonly Finding[],
  context: { deps: JobDependencies; loaded: LoadedConfig; /** Appended to the summary: what the scan did not cover. */ summaryNote?: string },
): Promise<void> {
  const outcomes = await alertLeaks(origin, leaks, context)
  const isPublic = (await exposureOf(origin)).isPublic
  const run = renderLeakCheckRun(leaks, outcomes, { isPublic })
  await createCheckRun({ octokit: origin.octokit, repo: origin.repo }, origin.headSha, { name: CHECK_RUN_NAME, ...run, summary: `${run.summary}${context.summaryNote ?? ''}` })
}
