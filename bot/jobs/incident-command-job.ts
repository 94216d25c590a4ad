import { runIncidentCommand } from '../../src/incidents/incident-commands.js'
import type { IncidentIssue } from '../../src/incidents/incident.js'
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
  if (job.isSummary === true && !isOnThisIssue(stored?.issue, job)) return replyOnSummary(octokit, job)
  if (stored === undefined) return
  const incident = normalizeIncident(stored)
  const origin = await originRepository(octokit, incident.sightings[0]?.repository, job.repo)
  const loaded = await loadConfig({ octokit, repo: origin }, deps.records, { refresh: false })
  const { response } = await leakResponseFor(octokit, { repo: origin, loaded }, deps)
  await runIncidentCommand(job.command, { installationId: job.installationId, fingerprint: job.fingerprint, repository: fullName(job.repo), issueNumber: job.issueNumber, login: job.login }, response)
}

/** Whether an incident is tracked by the summary issue the command was written on. */
function isOnThisIssue(issue: IncidentIssue | undefined, job: CommandJob): boolean {
  return issue?.isSummary === true && issue.number === job.issueNumber && issue.repository.toLowerCase() === fullName(job.repo).toLowerCase()
}

/** A command on a summary issue that names none of its tokens: say how to name one. */
async function replyOnSummary(octokit: GitHubClient, job: CommandJob): Promise<void> {
  const named = job.fingerprint === '' ? 'this issue stands for several tokens, so a command names one' : `\`${job.fingerprint}\` is not one of the tokens of this issue`
  const body = `@${job.login} ${named}: copy its fingerprint from the table, e.g. \`/localstack-guard ${job.command === 'unknown' ? 'resolve' : job.command} sha256:…\` (commands: rotate, resolve, false-positive).`
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
