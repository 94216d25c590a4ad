import type { Incident } from '../../src/incidents/incident.js'
import { renderIncidentBody, renderIncidentTitle } from '../../src/incidents/render-incident-issue.js'
import type { GuardConfig } from '../../src/scan/guard-config.js'
import type { GitHubClient, RepoClient } from './types.js'

/** Where permalinks point: github.com, or the GHES host the bot talks to. */
export interface IssueContext {
  readonly webBaseUrl: string
  readonly config: GuardConfig
}

/** Opens the incident's issue in `repo`: labelled, assigned, mentioning the configured team. */
export async function openIncidentIssue({ octokit, repo }: RepoClient, incident: Incident, context: IssueContext): Promise<{ number: number }> {
  const { alerts } = context.config
  const { data } = await octokit.rest.issues.create({
    owner: repo.owner,
    repo: repo.name,
    title: renderIncidentTitle(incident),
    body: renderIncidentBody(incident, { webBaseUrl: context.webBaseUrl, ...mention(alerts.team) }),
    labels: alerts.labels,
    ...(alerts.assignees.length === 0 ? {} : { assignees: alerts.assignees }),
  })
  return { number: data.number }
}

/** Rewrites the issue body with every sighting: a later sighting is a new location, not a new issue. */
export async function updateIncidentIssue(octokit: GitHubClient, incident: Incident, context: IssueContext): Promise<void> {
  if (incident.issue === undefined) return
  const [owner = '', name = ''] = incident.issue.repository.split('/')
  await octokit.rest.issues.update({
    owner,
    repo: name,
    issue_number: incident.issue.number,
    body: renderIncidentBody(incident, { webBaseUrl: context.webBaseUrl, ...mention(context.config.alerts.team) }),
  })
}

function mention(team: string | undefined): { mention?: string } {
  if (team === undefined) return {}
  return { mention: team.startsWith('@') ? team : `@${team}` }
}
