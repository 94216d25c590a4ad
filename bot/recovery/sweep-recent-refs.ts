import type { JobQueue, Logger, RecordStore, ScanLedger } from '../../src/ports.js'
import type { PushFacts } from '../../src/push/plan-push.js'
import { queueGroup } from '../handlers/register-handlers.js'
import type { GitHubClient, RepoRef } from '../github/types.js'
import type { BotJob } from '../jobs/job.js'

const LAST_RUN = { namespace: 'ref-sweep', key: 'last-run' }
/** The head each ref had at the last sweep, so a moved ref is scanned from there, not from its whole history. */
const REF_HEADS = 'ref-sweep-head'
const ZERO_SHA = '0'.repeat(40)
/** The first sweep looks this far back (later ones: since the previous sweep, plus a margin for clock skew). */
const FIRST_LOOK_BACK_MS = 24 * 3_600_000
const MARGIN_MS = 10 * 60_000

export interface RefSweepDependencies {
  readonly ledger: ScanLedger
  readonly records: RecordStore
  readonly queue: JobQueue<BotJob>
  readonly log: Logger
  readonly nowMs: () => number
  /** At most this many repositories per sweep (the most recently pushed first): the sweep's read budget. */
  readonly maxRepositories: number
  readonly client: (installationId: number) => Promise<GitHubClient>
}

interface RepositoryItem {
  readonly id: number
  readonly name: string
  readonly owner: { readonly login: string }
  readonly default_branch?: string
  readonly pushed_at?: string | null
}

interface RefItem {
  readonly ref: string
  readonly object: { readonly sha: string; readonly type: string }
}

/**
 * GitHub sends no push event when more than three tags are pushed at once, and a delivery can be lost for good. The
 * sweep lists, per installation, the repositories pushed since the last sweep, reads their branches and tags (two
 * reads per repository) and queues a scan for each head no scan has seen. The scan jobs run in each repository's
 * queue group, so they are paced like pushes; a head already scanned costs nothing.
 */
export async function sweepRecentRefs(appOctokit: GitHubClient, deps: RefSweepDependencies): Promise<{ repositories: number; queued: number }> {
  const startedAt = deps.nowMs()
  const last = await deps.records.getRecord<{ atMs: number }>(LAST_RUN.namespace, LAST_RUN.key)
  const sinceMs = last === undefined ? startedAt - FIRST_LOOK_BACK_MS : last.atMs - MARGIN_MS
  const installations = (await appOctokit.paginate('GET /app/installations', { per_page: 100 })) as { id: number }[]
  let budget = deps.maxRepositories
  let repositories = 0
  let queued = 0
  for (const installation of installations) {
    if (budget <= 0) break
    const octokit = await deps.client(installation.id)
    const all = (await octokit.paginate('GET /installation/repositories', { per_page: 100 })) as unknown as RepositoryItem[]
    const recent = all
      .filter((repo) => Date.parse(repo.pushed_at ?? '') >= sinceMs)
      .sort((a, b) => Date.parse(b.pushed_at ?? '') - Date.parse(a.pushed_at ?? ''))
      .slice(0, budget)
    budget -= recent.length
    repositories += recent.length
    for (const repo of recent) queued += await sweepRepository(octokit, { installationId: installation.id, repo }, deps)
  }
  await deps.records.putRecord(LAST_RUN.namespace, LAST_RUN.key, { atMs: startedAt })
  deps.log.info('ref-sweep.completed', { installations: installations.length, repositories, queued })
  return { repositories, queued }
}

async function sweepRepository(octokit: GitHubClient, target: { installationId: number; repo: RepositoryItem }, deps: RefSweepDependencies): Promise<number> {
  const { repo } = target
  const ref: RepoRef = { id: repo.id, owner: repo.owner.login, name: repo.name, defaultBranch: repo.default_branch ?? 'main' }
  const list = async (prefix: string) =>
    (await octokit.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', { owner: ref.owner, repo: ref.name, ref: prefix })).data as unknown as RefItem[]
  // Annotated tags point at a tag object, not a commit: their commit is a branch's, or is read when the tag is pushed.
  const refs = [...(await list('heads')), ...(await list('tags'))].filter((item) => item.object.type === 'commit')
  const scanned = await deps.ledger.scannedAmong(ref.id, refs.map((item) => item.object.sha))
  let queued = 0
  for (const item of refs.filter((candidate) => !scanned.has(candidate.object.sha))) {
    const known = await deps.records.getRecord<{ sha: string }>(REF_HEADS, `${ref.id}:${item.ref}`)
    if (known?.sha === item.object.sha) continue
    const push: PushFacts = { ref: item.ref, before: known?.sha ?? ZERO_SHA, after: item.object.sha, created: known === undefined, deleted: false, forced: false, defaultBranch: ref.defaultBranch, commits: [] }
    const job: BotJob = { type: 'scan-push', installationId: target.installationId, repo: ref, push }
    await deps.queue.enqueue(job, { group: queueGroup(job) })
    await deps.records.putRecord(REF_HEADS, `${ref.id}:${item.ref}`, { sha: item.object.sha })
    deps.log.info('ref-sweep.queued', { repository: `${ref.owner}/${ref.name}`, ref: item.ref })
    queued += 1
  }
  return queued
}
