import type { IncidentGitHub, IssueContent, RepositoryPermission } from '../../src/incidents/incident-github.js'
import type { GitHubClient } from './types.js'

function split(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = repository.split('/')
  return { owner, repo }
}

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number }).status
}

/** The incident lifecycle's GitHub port over an installation's Octokit client. */
export class OctokitIncidentGitHub implements IncidentGitHub {
  constructor(private readonly octokit: GitHubClient) {}

  async openIssue(repository: string, issue: IssueContent): Promise<{ number: number }> {
    const { data } = await this.octokit.rest.issues.create({
      ...split(repository),
      title: issue.title,
      body: issue.body,
      labels: [...issue.labels],
      ...(issue.assignees.length === 0 ? {} : { assignees: [...issue.assignees] }),
    })
    return { number: data.number }
  }

  async updateIssue(repository: string, number: number, change: { body?: string; state?: 'open' | 'closed' }): Promise<void> {
    await this.octokit.rest.issues.update({ ...split(repository), issue_number: number, ...change })
  }

  async comment(repository: string, number: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({ ...split(repository), issue_number: number, body })
  }

  async visibilityOf(repository: string): Promise<'private' | 'public' | 'missing'> {
    try {
      const { data } = await this.octokit.rest.repos.get(split(repository))
      return data.private ? 'private' : 'public'
    } catch (error: unknown) {
      if (statusOf(error) === 404 || statusOf(error) === 403) return 'missing'
      throw error
    }
  }

  async accessOf(repository: string, login: string, team?: string): Promise<{ permission: RepositoryPermission; isTeamMember: boolean }> {
    return { permission: await this.permissionOf(repository, login), isTeamMember: team === undefined ? false : await this.isTeamMember(team, login) }
  }

  private async permissionOf(repository: string, login: string): Promise<RepositoryPermission> {
    try {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...split(repository), username: login })
      // `role_name` carries maintain and triage; `permission` folds them into write and read.
      const role = (data as { role_name?: string }).role_name ?? data.permission
      return (['admin', 'maintain', 'write', 'triage', 'read'] as const).find((p) => p === role) ?? 'none'
    } catch (error: unknown) {
      if (statusOf(error) === 404) return 'none'
      throw error
    }
  }

  private async isTeamMember(team: string, login: string): Promise<boolean> {
    const [org = '', slug = ''] = team.split('/')
    try {
      const { data } = await this.octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login })
      return data.state === 'active'
    } catch (error: unknown) {
      // 404: not a member (or the app may not read the team: members_read is needed); either way, no.
      if (statusOf(error) === 404 || statusOf(error) === 403) return false
      throw error
    }
  }
}
