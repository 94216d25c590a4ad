import { diffSnapshots } from '../git/diff-snapshots.js'
import { logRange } from '../git/history.js'
import { HttpError, notFound } from '../http/http-error.js'
import { requireRepo, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { commitJson } from '../representations/commit-json.js'
import { fileEntryJson } from '../representations/file-entry-json.js'
import { paginate } from './paging.js'

const READ_CONTENTS = { name: 'contents', level: 'read' } as const

/** Get-a-commit: files are the diff against the first parent, 300 a page, at most 3000 (docs/facts.md §5). */
function getCommit(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const commit = repo.resolve(context.params['ref'] ?? '')
  if (!commit) throw new HttpError(422, `No commit found for SHA: ${context.params['ref'] ?? ''}`)
  const parent = commit.parents[0] === undefined ? undefined : repo.objects.commit(commit.parents[0])
  const changes = diffSnapshots(parent?.files ?? new Map(), commit.files)
  const page = paginate(changes, context, { defaultPerPage: 300, maxPerPage: 300, cap: 3000 })
  const limits = context.world.patchLimits
  const files = page.items.map((change) => fileEntryJson({ urls: context.world.urls, repo, limits }, change, commit.sha))
  const additions = files.reduce((sum, file) => sum + (file['additions'] as number), 0)
  const deletions = files.reduce((sum, file) => sum + (file['deletions'] as number), 0)
  return {
    status: 200,
    headers: page.headers,
    body: { ...commitJson(context.world.urls, repo, commit), stats: { total: additions + deletions, additions, deletions }, files },
  }
}

/** List commits: newest first from `sha` (default: the default branch). */
function listCommits(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const start = repo.resolve(context.query.get('sha') ?? repo.defaultBranch)
  if (!start) throw notFound()
  const history = logRange(repo.objects, undefined, start.sha).reverse()
  const page = paginate(history, context, { defaultPerPage: 30, maxPerPage: 100 })
  return { status: 200, headers: page.headers, body: page.items.map((commit) => commitJson(context.world.urls, repo, commit)) }
}

export const commitRoutes: Route[] = [
  { operation: 'GET /repos/{owner}/{repo}/commits/{ref}', auth: 'installation', permission: READ_CONTENTS, handle: getCommit },
  { operation: 'GET /repos/{owner}/{repo}/commits', auth: 'installation', permission: READ_CONTENTS, handle: listCommits },
]
