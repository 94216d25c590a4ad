import { notFound } from '../http/http-error.js'
import { requireRepo, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { commentJson, issueJson } from '../representations/issue-json.js'
import type { IssueRecord } from '../state/issue-tracker.js'
import { paginate } from './paging.js'

const READ_ISSUES = { name: 'issues', level: 'read' } as const
const WRITE_ISSUES = { name: 'issues', level: 'write' } as const

type LabelInput = string | { name?: string }

function labelNames(labels: LabelInput[] | undefined): string[] | undefined {
  return labels?.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter((name) => name !== '')
}

function requireIssue(context: RouteContext): IssueRecord {
  const issue = requireRepo(context).issues.find(Number(context.params['issue_number']))
  if (!issue) throw notFound()
  return issue
}

function createIssue(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const body = context.body as { title: string | number; body?: string | null; labels?: LabelInput[]; assignees?: string[]; assignee?: string | null }
  const assignees = body.assignees ?? (body.assignee ? [body.assignee] : [])
  const issue = repo.issues.open({
    title: String(body.title),
    body: body.body ?? null,
    labels: labelNames(body.labels) ?? [],
    assignees,
    creator: context.world.app.botUser.login,
    createdAt: context.now,
  })
  return { status: 201, body: issueJson(context.world.urls, repo, issue) }
}

function updateIssue(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const issue = requireIssue(context)
  const body = context.body as { title?: string | number | null; body?: string | null; state?: 'open' | 'closed'; state_reason?: string | null; labels?: LabelInput[]; assignees?: string[] }
  if (body.title !== undefined && body.title !== null) issue.title = String(body.title)
  if (body.body !== undefined) issue.body = body.body
  const labels = labelNames(body.labels)
  if (labels) {
    for (const label of labels) repo.issues.ensureLabel(label)
    issue.labels = labels
  }
  if (body.assignees) issue.assignees = body.assignees
  if (body.state !== undefined && body.state !== issue.state) {
    issue.state = body.state
    issue.closedAt = body.state === 'closed' ? context.now : null
    issue.stateReason = body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened'
  }
  issue.updatedAt = context.now
  return { status: 200, body: issueJson(context.world.urls, repo, issue) }
}

function listIssues(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const state = context.query.get('state') ?? 'open'
  const labels = (context.query.get('labels') ?? '').split(',').map((label) => label.trim().toLowerCase()).filter((label) => label !== '')
  const creator = context.query.get('creator')
  const matching = repo.issues.issues
    .filter((issue) => state === 'all' || issue.state === state)
    .filter((issue) => labels.every((label) => issue.labels.some((name) => name.toLowerCase() === label)))
    .filter((issue) => creator === null || issue.creator.toLowerCase() === creator.toLowerCase())
  // Newest first, GitHub's default sort (created, desc).
  const page = paginate([...matching].reverse(), context, { defaultPerPage: 30, maxPerPage: 100 })
  return { status: 200, headers: page.headers, body: page.items.map((issue) => issueJson(context.world.urls, repo, issue)) }
}

function createComment(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const issue = requireIssue(context)
  const comment = repo.issues.comment(issue, { body: (context.body as { body: string }).body, user: context.world.app.botUser.login, at: context.now })
  return { status: 201, body: commentJson(context.world.urls, repo, issue, comment) }
}

function listComments(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const issue = requireIssue(context)
  const page = paginate(issue.comments, context, { defaultPerPage: 30, maxPerPage: 100 })
  return { status: 200, headers: page.headers, body: page.items.map((comment) => commentJson(context.world.urls, repo, issue, comment)) }
}

export const issueRoutes: Route[] = [
  { operation: 'POST /repos/{owner}/{repo}/issues', auth: 'installation', permission: WRITE_ISSUES, createsContent: true, handle: createIssue },
  { operation: 'GET /repos/{owner}/{repo}/issues', auth: 'installation', permission: READ_ISSUES, handle: listIssues },
  { operation: 'GET /repos/{owner}/{repo}/issues/{issue_number}', auth: 'installation', permission: READ_ISSUES, handle: (context) => ({ status: 200, body: issueJson(context.world.urls, requireRepo(context), requireIssue(context)) }) },
  { operation: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', auth: 'installation', permission: WRITE_ISSUES, handle: updateIssue },
  { operation: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', auth: 'installation', permission: WRITE_ISSUES, createsContent: true, handle: createComment },
  { operation: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', auth: 'installation', permission: READ_ISSUES, handle: listComments },
]
