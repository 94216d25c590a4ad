/** A comment on an issue or pull request. */
export interface CommentRecord {
  id: number
  body: string
  user: string
  createdAt: Date
  updatedAt: Date
}

export interface LabelRecord {
  id: number
  name: string
  color: string
  description: string | null
}

/** The pull-request side of an issue number (GitHub numbers issues and pull requests in one sequence). */
export interface PullRecord {
  head: string
  base: string
  headSha: string
  baseSha: string
  draft: boolean
}

export interface IssueRecord {
  id: number
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  stateReason: string | null
  labels: string[]
  assignees: string[]
  creator: string
  createdAt: Date
  updatedAt: Date
  closedAt: Date | null
  comments: CommentRecord[]
  pull?: PullRecord
}

/** Issues, pull requests, labels and comments of one repository. */
export class IssueTracker {
  readonly issues: IssueRecord[] = []
  readonly labels = new Map<string, LabelRecord>()

  constructor(private readonly nextId: () => number) {}

  open(fields: Pick<IssueRecord, 'title' | 'body' | 'labels' | 'assignees' | 'creator' | 'createdAt'> & { pull?: PullRecord }): IssueRecord {
    for (const label of fields.labels) this.ensureLabel(label)
    const issue: IssueRecord = {
      ...fields,
      id: this.nextId(),
      number: this.issues.length + 1,
      state: 'open',
      stateReason: null,
      updatedAt: fields.createdAt,
      closedAt: null,
      comments: [],
    }
    this.issues.push(issue)
    return issue
  }

  find(number: number): IssueRecord | undefined {
    return this.issues[number - 1]
  }

  /** GitHub creates a label named on an issue that the repository does not have yet, with a default colour. */
  ensureLabel(name: string, color = 'ededed', description: string | null = null): LabelRecord {
    const existing = this.label(name)
    if (existing) return existing
    const label = { id: this.nextId(), name, color, description }
    this.labels.set(name.toLowerCase(), label)
    return label
  }

  /** Label names match case-insensitively, as on GitHub. */
  label(name: string): LabelRecord | undefined {
    return this.labels.get(name.toLowerCase())
  }

  comment(issue: IssueRecord, fields: { body: string; user: string; at: Date }): CommentRecord {
    const comment = { id: this.nextId(), body: fields.body, user: fields.user, createdAt: fields.at, updatedAt: fields.at }
    issue.comments.push(comment)
    issue.updatedAt = fields.at
    return comment
  }
}
