/**
 * The one GitHub port the leak lifecycle needs: issues to tell people, comments to record each transition, and the
 * two questions the rules ask (is a repository private; may this user act). The Octokit adapter lives in `bot/`;
 * the in-memory fake in `test/fakes/` lets the lifecycle run without HTTP.
 */
export interface IncidentGitHub {
  /** Opens an issue in `repository` (`owner/name`). */
  openIssue(repository: string, issue: IssueContent): Promise<{ number: number }>
  /** Rewrites an issue's body, and opens or closes it. */
  updateIssue(repository: string, number: number, change: { body?: string; state?: 'open' | 'closed' }): Promise<void>
  /** Adds a comment to an issue. */
  comment(repository: string, number: number, body: string): Promise<void>
  /** `private`, `public`, or `missing` when the installation cannot see it. */
  visibilityOf(repository: string): Promise<'private' | 'public' | 'missing'>
  /** The user's permission on `repository`, and whether they belong to `team` (`org/slug`) when one is given. */
  accessOf(repository: string, login: string, team?: string): Promise<{ permission: RepositoryPermission; isTeamMember: boolean }>
}

/** GitHub's repository roles, plus `none`. */
export type RepositoryPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

/** What an incident issue is made of. */
export interface IssueContent {
  readonly title: string
  readonly body: string
  readonly labels: readonly string[]
  readonly assignees: readonly string[]
}
