import type { PushFacts, PushPlan } from '../../src/push/plan-push.js'
import { selectCommits } from '../../src/push/select-commits.js'
import type { RepoClient } from './types.js'

/** One file's change in one commit (or in the net diff, attributed to the head commit). */
export interface FileChange {
  readonly path: string
  readonly commit: string
  readonly status: string
  /** The unified-diff hunks; absent when GitHub omitted them (binary or large files). */
  readonly patch?: string
  /** The blob of the new version, to read when the patch is missing. */
  readonly blobSha?: string
  /**
   * Lines GitHub counted as changed. Without a patch, 0 means git's own content check found the file binary (or it
   * did not change): nothing to read. A large text file that lost its patch still counts its lines.
   */
  readonly changedLines?: number
}

/** What fetching cost and covered, for logs and the benchmark. */
export interface FetchedPush {
  readonly changes: FileChange[]
  /** Every commit whose content the changes cover: they are marked scanned afterwards. */
  readonly commits: string[]
}

/** GitHub lists at most this many files per compare, or per page of a commit (FACTS.md §5). */
const FILES_PER_PAGE = 300
/** Get-a-commit stops at 3000 files. */
const MAX_COMMIT_PAGES = 10
const COMPARE_COMMITS_LIMIT = 250

/** Fetches the diffs a push plan needs, spending as few API calls as the push allows. */
export async function fetchPushDiffs(client: RepoClient, plan: PushPlan, push: PushFacts): Promise<FetchedPush> {
  const { octokit, repo } = client
  if (plan.kind === 'skip') return { changes: [], commits: [] }
  if (plan.kind === 'single-commit') return { changes: (await fetchCommitChanges(client, plan.sha)).changes, commits: [plan.sha] }
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: repo.owner, repo: repo.name, basehead: `${plan.base}...${plan.head}` })
  const compared = data.commits.map((commit) => ({ sha: commit.sha, parentCount: commit.parents.length }))
  const touched = new Map(push.commits.map((commit) => [commit.id, [...commit.added, ...commit.modified]]))
  const selection = selectCommits(compared, touched, {
    isFileListTruncated: (data.files?.length ?? 0) >= FILES_PER_PAGE,
    isCommitListTruncated: data.total_commits > data.commits.length || data.commits.length >= COMPARE_COMMITS_LIMIT,
  })
  const changes: FileChange[] = selection.useNetDiff ? (data.files ?? []).map((file) => toChange(file, plan.head)) : []
  const perCommit = selection.useNetDiff ? selection.perCommit : await listAllCommits(client, plan, compared.map((c) => c.sha))
  for (const sha of perCommit) changes.push(...(await fetchCommitChanges(client, sha)).changes)
  return { changes, commits: [...new Set([...compared.map((c) => c.sha), ...perCommit])] }
}

/** One commit's own changes (get-a-commit, paged past 300 files up to GitHub's 3000). */
export async function fetchCommitChanges({ octokit, repo }: RepoClient, sha: string): Promise<{ changes: FileChange[] }> {
  const changes: FileChange[] = []
  for (let page = 1; page <= MAX_COMMIT_PAGES; page++) {
    const { data } = await octokit.rest.repos.getCommit({ owner: repo.owner, repo: repo.name, ref: sha, ...(page > 1 ? { page } : {}) })
    const files = data.files ?? []
    changes.push(...files.map((file) => toChange(file, sha)))
    if (files.length < FILES_PER_PAGE) break
  }
  return { changes }
}

/** Past 250 commits the compare's first page is incomplete: list them all, 100 a page, oldest first. */
async function listAllCommits({ octokit, repo }: RepoClient, plan: Extract<PushPlan, { kind: 'compare' }>, firstPage: string[]): Promise<string[]> {
  if (firstPage.length < COMPARE_COMMITS_LIMIT) return firstPage
  const shas: string[] = []
  for (let page = 1; ; page++) {
    const basehead = `${plan.base}...${plan.head}`
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: repo.owner, repo: repo.name, basehead, page, per_page: 100 })
    shas.push(...data.commits.map((commit) => commit.sha))
    if (data.commits.length < 100 || shas.length >= data.total_commits) break
  }
  return [...new Set(shas)]
}

function toChange(file: { filename: string; status: string; patch?: string; sha?: string | null; changes?: number }, commit: string): FileChange {
  const patch = file.patch === undefined ? {} : { patch: file.patch }
  const blob = typeof file.sha === 'string' ? { blobSha: file.sha } : {}
  const changed = typeof file.changes === 'number' ? { changedLines: file.changes } : {}
  return { path: file.filename, commit, status: file.status, ...patch, ...blob, ...changed }
}
