import { isOnSummaryIssue, runIncidentCommand, summaryUsageReply } from '../../src/incidents/incident-commands.js'
import { normalizeIncident } from '../../src/incidents/leak-response.js'
import { loadConfig } from '../github/load-config.js'
import { fullName, type GitHubClient, type RepoRef } from '../github/types.js'
import type { BotJob } from './job.js'
import { leakResponseFor } from './leak-response-context.js'
import type { JobDependencies } from './scan-push-job.js'

type CommandJob = Extract<BotJob, { type: 'incident-command' }>

/**
 * A `/localstack-guard …` comment on an incident issue. The settings (rotation targets, team) are those of the
 * repository the token leaked in; rights are checked on the repository the issue lives in.
 */
export async function runIncidentCommandJob(octokit: GitHubClient, job: CommandJob, deps: JobDependencies): Promise<void> {
  const stored = job.fingerprint === '' ? undefined : await deps.incidents.findIncident(job.installationId, job.fingerprint)
  if (job.isSummary === true && !isOnSummaryIssue(stored?.issue, fullName(job.repo), job.issueNumber)) return replyOnSummary(octokit, job)
  if (stored === undefined) return
  const incident = normalizeIncident(stored)
  const origin = await originRepository(octokit, incident.sightings[0]?.repository, job.repo)
  const loaded = await loadConfig({ octokit, repo: origin }, deps.records, { refresh: false })
  const { response } = await leakResponseFor(octokit, { repo: origin, loaded }, deps)
  await runIncidentCommand(job.command, { installationId: job.installationId, fingerprint: job.fingerprint, repository: fullName(job.repo), issueNumber: job.issueNumber, login: job.login }, response)
}

/** A command on a summary issue that names none of its tokens: say how to name one. */
async function replyOnSummary(octokit: GitHubClient, job: CommandJob): Promise<void> {
  const body = summaryUsageReply(job.login, job.command, job.fingerprint)
  await octokit.rest.issues.createComment({ owner: job.repo.owner, repo: job.repo.name, issue_number: job.issueNumber, body })
}

async function originRepository(octokit: GitHubClient, repository: string | undefined, fallback: RepoRef): Promise<RepoRef> {
  if (repository === undefined || repository.toLowerCase() === fullName(fallback).toLowerCase()) return fallback
  return repositoryByName(octokit, repository)
}

/** A repository's reference, asked of GitHub (the incident records names, not ids). */
export async function repositoryByName(octokit: GitHubClient, repository: string): Promise<RepoRef> {
  const [owner = '', name = ''] = repository.split('/')
  const { data } = await octokit.rest.repos.get({ owner, repo: name })
  return { id: data.id, owner, name, defaultBranch: data.default_branch, isPrivate: data.private }
}
