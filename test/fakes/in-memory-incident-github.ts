import type { IncidentGitHub, IssueContent, RepositoryPermission } from '../../src/incidents/incident-github.js'

/** One issue as the fake keeps it. */
export interface FakeIssue {
  readonly repository: string
  readonly number: number
  title: string
  body: string
  state: 'open' | 'closed'
  readonly labels: readonly string[]
  readonly assignees: readonly string[]
  readonly comments: string[]
}

/** The incident GitHub port in memory: issues, comments, visibility and rights, plus a log of every write. */
export class InMemoryIncidentGitHub implements IncidentGitHub {
  readonly issues: FakeIssue[] = []
  readonly writes: string[] = []
  private readonly visibility = new Map<string, 'private' | 'public'>()
  private readonly permissions = new Map<string, RepositoryPermission>()
  private readonly teams = new Map<string, Set<string>>()

  setVisibility(repository: string, visibility: 'private' | 'public'): this {
    this.visibility.set(repository.toLowerCase(), visibility)
    return this
  }
  grant(repository: string, login: string, permission: RepositoryPermission): this {
    this.permissions.set(`${repository.toLowerCase()}\u0000${login}`, permission)
    return this
  }
  addTeamMember(team: string, login: string): this {
    const members = this.teams.get(team) ?? new Set<string>()
    members.add(login)
    this.teams.set(team, members)
    return this
  }

  issue(repository: string, number: number): FakeIssue {
    const found = this.issues.find((i) => i.repository === repository && i.number === number)
    if (found === undefined) throw new Error(`no issue ${repository}#${number}`)
    return found
  }
  issuesIn(repository: string): FakeIssue[] {
    return this.issues.filter((i) => i.repository === repository)
  }

  async openIssue(repository: string, issue: IssueContent): Promise<{ number: number }> {
    const number = this.issues.filter((i) => i.repository === repository).length + 1
    this.issues.push({ repository, number, title: issue.title, body: issue.body, state: 'open', labels: issue.labels, assignees: issue.assignees, comments: [] })
    this.writes.push(`open ${repository}#${number}`)
    return { number }
  }
  async updateIssue(repository: string, number: number, change: { body?: string; state?: 'open' | 'closed' }): Promise<void> {
    const issue = this.issue(repository, number)
    if (change.body !== undefined) issue.body = change.body
    if (change.state !== undefined) issue.state = change.state
    this.writes.push(`update ${repository}#${number}`)
  }
  async comment(repository: string, number: number, body: string): Promise<void> {
    this.issue(repository, number).comments.push(body)
    this.writes.push(`comment ${repository}#${number}`)
  }
  async visibilityOf(repository: string): Promise<'private' | 'public' | 'missing'> {
    return this.visibility.get(repository.toLowerCase()) ?? 'missing'
  }
  async accessOf(repository: string, login: string, team?: string): Promise<{ permission: RepositoryPermission; isTeamMember: boolean }> {
    return { permission: this.permissions.get(`${repository.toLowerCase()}\u0000${login}`) ?? 'none', isTeamMember: team !== undefined && (this.teams.get(team)?.has(login) ?? false) }
  }
}
