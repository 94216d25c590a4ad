import type { CommitSource, PushFacts, PushPlan } from '../../src/push/plan-push.js'
import { selectCommits } from '../../src/push/select-commits.js'
import { walkUnscanned } from '../../src/push/walk-unscanned.js'
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

/** GitHub lists at most this many files per compare, or per page of a commit. */
const FILES_PER_PAGE = 300
/** Get-a-commit stops at 3000 files. */
const MAX_COMMIT_PAGES = 10
const COMPARE_COMMITS_LIMIT = 250
const LIST_PAGE_SIZE = 100

/** Which of these commits were scanned before (the scan ledger). */
export type ScannedAmong = (shas: readonly string[]) => Promise<ReadonlySet<string>>

/** Fetches the diffs a push plan needs, spending as few API calls as the push allows. */
export async function fetchPushDiffs(client: RepoClient, plan: PushPlan, work: { push: PushFacts; scannedAmong: ScannedAmong }): Promise<FetchedPush> {
  if (plan.kind === 'skip') return { changes: [], commits: [] }
  if (plan.kind === 'commits' || plan.kind === 'list') return readEachCommit(client, plan, work.scannedAmong)
  const compared = await compareOrUndefined(client, `${plan.base}...${plan.head}`)
  if (compared === undefined) return readEachCommit(client, plan.fallback, work.scannedAmong)
  return readComparison(client, { plan, compared }, work)
}

type Comparison = NonNullable<Awaited<ReturnType<typeof compareOrUndefined>>>

/** The net diff where it shows everything, and each commit's own diff where it may not (`selectCommits`). */
async function readComparison(
  client: RepoClient,
  { plan, compared }: { plan: Extract<PushPlan, { kind: 'compare' }>; compared: Comparison },
  work: { push: PushFacts; scannedAmong: ScannedAmong },
): Promise<FetchedPush> {
  const range = compared.commits.map((commit) => ({ sha: commit.sha, parentCount: commit.parents.length }))
  const isCommitListTruncated = compared.total_commits > compared.commits.length || compared.commits.length >= COMPARE_COMMITS_LIMIT
  const all = isCommitListTruncated ? await listAllCommits(client, plan) : range.map((c) => c.sha)
  const scanned = await work.scannedAmong(all)
  // Payloads list a rename as the old path removed and the new one added: both are changes. A commit without its
  // removals (a job queued by an older version) is left undescribed, so the selection reads it on its own.
  const touched = new Map(work.push.commits.flatMap((commit) => (commit.removed === undefined ? [] : [[commit.id, [...commit.added, ...commit.modified, ...commit.removed]] as const])))
  const limits = { isFileListTruncated: (compared.files?.length ?? 0) >= FILES_PER_PAGE, isCommitListTruncated }
  const listed = isCommitListTruncated ? all.map((sha) => ({ sha, parentCount: 1 })) : range
  const selection = selectCommits(listed, { touchedFiles: touched, isScanned: (sha) => scanned.has(sha), limits })
  const changes: FileChange[] = selection.useNetDiff ? (compared.files ?? []).map((file) => toChange(file, plan.head)) : []
  for (const sha of selection.perCommit) changes.push(...(await fetchCommitChanges(client, sha)).changes)
  return { changes, commits: [...new Set([...all, ...selection.perCommit])] }
}

/** The comparison, or `undefined` when GitHub has none: no common history (a rewritten history), or no such base. */
async function compareOrUndefined({ octokit, repo }: RepoClient, basehead: string) {
  try {
    return (await octokit.rest.repos.compareCommitsWithBasehead({ owner: repo.owner, repo: repo.name, basehead })).data
  } catch (error: unknown) {
    if ((error as { status?: unknown } | null)?.status === 404) return undefined
    throw error
  }
}

/** Reads each commit on its own: the ones named, or the history listed from a head down to what was scanned. */
async function readEachCommit(client: RepoClient, source: CommitSource, scannedAmong: ScannedAmong): Promise<FetchedPush> {
  const shas = source.kind === 'commits' ? [...source.shas] : await listUnscannedHistory(client, source.head, scannedAmong)
  const changes: FileChange[] = []
  for (const sha of shas) changes.push(...(await fetchCommitChanges(client, sha)).changes)
  return { changes, commits: shas }
}

/**
 * A history the payload could not list (past its 2048 commits) and nothing can be compared with: list commits from
 * the head, newest first, 100 a page, until every commit reachable from the head without passing a scanned commit is
 * listed. Listing is by date, not by ancestry: a merged side branch's commits can sit pages below the first scanned
 * commit, so the walk follows each new commit's parents and stops only when none of them is still unknown.
 */
async function listUnscannedHistory({ octokit, repo }: RepoClient, head: string, scannedAmong: ScannedAmong): Promise<string[]> {
  const parentsOf = new Map<string, readonly string[]>()
  const scanned = new Set<string>()
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.repos.listCommits({ owner: repo.owner, repo: repo.name, sha: head, per_page: LIST_PAGE_SIZE, page })
    for (const commit of data) parentsOf.set(commit.sha, commit.parents.map((parent) => parent.sha))
    const unknown = [...new Set([...data.map((commit) => commit.sha), ...data.flatMap((commit) => commit.parents.map((parent) => parent.sha))])]
    for (const sha of await scannedAmong(unknown)) scanned.add(sha)
    const { reachable, isComplete } = walkUnscanned(head, parentsOf, scanned)
    if (data.length < LIST_PAGE_SIZE || isComplete) return reachable.reverse()
  }
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
async function listAllCommits({ octokit, repo }: RepoClient, plan: Extract<PushPlan, { kind: 'compare' }>): Promise<string[]> {
  const shas: string[] = []
  for (let page = 1; ; page++) {
    const basehead = `${plan.base}...${plan.head}`
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: repo.owner, repo: repo.name, basehead, page, per_page: LIST_PAGE_SIZE })
    shas.push(...data.commits.map((commit) => commit.sha))
    if (data.commits.length < LIST_PAGE_SIZE || shas.length >= data.total_commits) break
  }
  return [...new Set(shas)]
}

function toChange(file: { filename: string; status: string; patch?: string; sha?: string | null; changes?: number }, commit: string): FileChange {
  const patch = file.patch === undefined ? {} : { patch: file.patch }
  const blob = typeof file.sha === 'string' ? { blobSha: file.sha } : {}
  const changed = typeof file.changes === 'number' ? { changedLines: file.changes } : {}
  return { path: file.filename, commit, status: file.status, ...patch, ...blob, ...changed }
}
