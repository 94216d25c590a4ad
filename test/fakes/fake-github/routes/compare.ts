import { diffSnapshots } from '../git/diff-snapshots.js'
import { logRange, mergeBase } from '../git/history.js'
import { notFound } from '../http/http-error.js'
import { requireRepo, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { commitJson } from '../representations/commit-json.js'
import { fileEntryJson } from '../representations/file-entry-json.js'
import { isPaged, paginate } from './paging.js'

/** Without paging the compare API lists at most 250 commits, the most recent last (docs/facts.md §5). */
const UNPAGED_COMMITS = 250
/** Files appear on the first page only, at most 300 for the whole comparison. */
const MAX_FILES = 300

function compareStatus(aheadBy: number, behindBy: number): 'identical' | 'behind' | 'ahead' | 'diverged' {
  if (aheadBy === 0) return behindBy === 0 ? 'identical' : 'behind'
  return behindBy === 0 ? 'ahead' : 'diverged'
}

function compare(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const basehead = context.params['basehead'] ?? ''
  const separator = basehead.indexOf('...')
  if (separator < 0) throw notFound()
  const base = repo.resolve(basehead.slice(0, separator))
  const head = repo.resolve(basehead.slice(separator + 3))
  if (!base || !head) throw notFound()
  const common = mergeBase(repo.objects, base.sha, head.sha)
  // GitHub answers 404 for histories without a common ancestor.
  if (!common) throw notFound()
  const ahead = logRange(repo.objects, base.sha, head.sha)
  const behind = logRange(repo.objects, head.sha, base.sha)
  const paged = isPaged(context)
  const page = paged ? paginate(ahead, context, { defaultPerPage: 250, maxPerPage: 250 }) : { items: ahead.slice(-UNPAGED_COMMITS), headers: {} }
  const firstPage = !paged || Number(context.query.get('page') ?? 1) <= 1
  // Three dots: the files are the diff from the merge base to the head, like `git diff base...head`.
  const changes = diffSnapshots(common.files, head.files).slice(0, MAX_FILES)
  const urls = context.world.urls
  const html = urls.repoHtml(repo.fullName)
  const files = firstPage ? changes.map((change) => fileEntryJson({ urls, repo, limits: context.world.patchLimits }, change, head.sha)) : []
  return {
    status: 200,
    headers: page.headers,
    body: {
      url: `${urls.repoApi(repo.fullName)}/compare/${basehead}`,
      html_url: `${html}/compare/${basehead}`,
      permalink_url: `${html}/compare/${repo.owner.login}:${base.sha.slice(0, 7)}...${repo.owner.login}:${head.sha.slice(0, 7)}`,
      diff_url: `${html}/compare/${basehead}.diff`,
      patch_url: `${html}/compare/${basehead}.patch`,
      base_commit: commitJson(urls, repo, base),
      merge_base_commit: commitJson(urls, repo, common),
      status: compareStatus(ahead.length, behind.length),
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: page.items.map((commit) => commitJson(urls, repo, commit)),
      files,
    },
  }
}

export const compareRoutes: Route[] = [
  { operation: 'GET /repos/{owner}/{repo}/compare/{basehead}', auth: 'installation', permission: { name: 'contents', level: 'read' }, handle: compare },
]
