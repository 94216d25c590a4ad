import { logRange } from '../git/history.js'
import { validationFailed } from '../http/http-error.js'
import { requireRepo, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { isoSeconds } from '../representations/commit-json.js'
import { repositoryJson } from '../representations/repository-json.js'
import { userByLogin, userJson } from '../representations/user-json.js'
import type { FakeRepository } from '../state/fake-repository.js'
import type { IssueRecord } from '../state/issue-tracker.js'
import { nodeId } from '../urls.js'
import { paginate } from './paging.js'

function pullJson(context: RouteContext, repo: FakeRepository, issue: IssueRecord): Record<string, unknown> {
  const urls = context.world.urls
  const pull = issue.pull as NonNullable<IssueRecord['pull']>
  const side = (ref: string, sha: string): Record<string, unknown> => ({ label: `${repo.owner.login}:${ref}`, ref, sha, user: userJson(urls, repo.owner), repo: repositoryJson(urls, repo) })
  const html = `${urls.repoHtml(repo.fullName)}/pull/${issue.number}`
  return {
    id: issue.id,
    node_id: nodeId('PullRequest', issue.id),
    url: `${urls.repoApi(repo.fullName)}/pulls/${issue.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${urls.repoApi(repo.fullName)}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    body: issue.body,
    user: userJson(urls, userByLogin(issue.creator)),
    labels: [],
    created_at: isoSeconds(issue.createdAt),
    updated_at: isoSeconds(issue.updatedAt),
    closed_at: issue.closedAt === null ? null : isoSeconds(issue.closedAt),
    merged_at: null,
    draft: pull.draft,
    head: side(pull.head, pull.headSha),
    base: side(pull.base, pull.baseSha),
    author_association: 'NONE',
  }
}

function createPull(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const body = context.body as { title?: string; head: string; base: string; body?: string; draft?: boolean }
  const head = body.head.includes(':') ? body.head.slice(body.head.indexOf(':') + 1) : body.head
  const headSha = repo.head(head)
  const baseSha = repo.head(body.base)
  if (headSha === undefined) throw validationFailed('PullRequest', 'invalid', 'head')
  if (baseSha === undefined) throw validationFailed('PullRequest', 'invalid', 'base')
  if (logRange(repo.objects, baseSha, headSha).length === 0) throw validationFailed('PullRequest', 'custom', undefined, `No commits between ${body.base} and ${head}`)
  if (repo.issues.issues.some((issue) => issue.state === 'open' && issue.pull?.head === head && issue.pull.base === body.base)) {
    throw validationFailed('PullRequest', 'custom', undefined, `A pull request already exists for ${repo.owner.login}:${head}.`)
  }
  const issue = repo.issues.open({
    title: body.title ?? head,
    body: body.body ?? null,
    labels: [],
    assignees: [],
    creator: context.world.app.botUser.login,
    createdAt: context.now,
    pull: { head, base: body.base, headSha, baseSha, draft: body.draft ?? false },
  })
  return { status: 201, body: pullJson(context, repo, issue) }
}

function listPulls(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const state = context.query.get('state') ?? 'open'
  const head = context.query.get('head')
  const base = context.query.get('base')
  const pulls = repo.issues.issues
    .filter((issue) => issue.pull && (state === 'all' || issue.state === state))
    .filter((issue) => head === null || `${repo.owner.login}:${issue.pull?.head ?? ''}` === head)
    .filter((issue) => base === null || issue.pull?.base === base)
  const page = paginate([...pulls].reverse(), context, { defaultPerPage: 30, maxPerPage: 100 })
  return { status: 200, headers: page.headers, body: page.items.map((issue) => pullJson(context, repo, issue)) }
}

export const pullRoutes: Route[] = [
  { operation: 'POST /repos/{owner}/{repo}/pulls', auth: 'installation', permission: { name: 'pull_requests', level: 'write' }, createsContent: true, handle: createPull },
  { operation: 'GET /repos/{owner}/{repo}/pulls', auth: 'installation', permission: { name: 'pull_requests', level: 'read' }, handle: listPulls },
]
