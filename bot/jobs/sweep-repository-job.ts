import { toMigrationItems } from '../../src/incidents/render-migration-issue.js'
import { planMigration } from '../../src/incidents/migration-plan.js'
import { configuredScan } from '../../src/scan/guard-config.js'
import { alertLeaks } from './alert-leaks.js'
import type { FileChange } from '../github/fetch-push-diffs.js'
import { loadConfig } from '../github/load-config.js'
import { upsertMigrationIssue } from '../github/migration-issue.js'
import { openMigrationPullRequest } from '../github/migration-pull-request.js'
import { scanChanges } from '../github/scan-changes.js'
import { fullName, type GitHubClient, type RepoRef } from '../github/types.js'
import type { BotJob } from './job.js'
import type { JobDependencies } from './scan-push-job.js'

/** Files larger than this are not read in a sweep: a generated artefact, not a place people paste tokens. */
const MAX_SWEEP_BLOB_BYTES = 1024 * 1024
/** A sweep reads at most this many blobs, so one huge repository cannot spend the installation's hourly budget. */
const MAX_SWEEP_BLOBS = 1500

/**
 * The first look at a newly installed repository: its default branch as it is now (tree, then each text blob),
 * plus whether a repository secret still carries the legacy name. The queue runs one job per installation at a time
 * and Octokit's throttling waits out rate limits, so a large organisation is swept at a pace GitHub accepts.
 */
export async function runSweepJob(octokit: GitHubClient, job: Extract<BotJob, { type: 'sweep-repository' }>, deps: JobDependencies): Promise<void> {
  const { data: meta } = await octokit.rest.repos.get({ owner: job.repo.owner, repo: job.repo.name })
  const repo: RepoRef = { ...job.repo, defaultBranch: meta.default_branch, isPrivate: meta.private }
  const { data: ref } = await octokit.rest.git.getRef({ owner: repo.owner, repo: repo.name, ref: `heads/${repo.defaultBranch}` })
  const head = ref.object.sha
  const loaded = await loadConfig({ octokit, repo }, deps.records, { refresh: true })
  const scanning = configuredScan(loaded.config)
  const { data: tree } = await octokit.rest.git.getTree({ owner: repo.owner, repo: repo.name, tree_sha: head, recursive: 'true' })
  const blobs = tree.tree.filter((e) => e.type === 'blob' && e.path !== undefined && e.sha !== undefined && (e.size ?? 0) <= MAX_SWEEP_BLOB_BYTES && scanning.isPathIncluded(e.path))
  const changes: FileChange[] = blobs.slice(0, MAX_SWEEP_BLOBS).map((e) => ({ path: e.path ?? '', commit: head, status: 'added', blobSha: e.sha ?? '' }))
  const { findings, stats } = await scanChanges({ octokit, repo }, changes, scanning)
  deps.log.info('sweep.completed', { repository: fullName(repo), files: stats.files, skipped: Math.max(0, blobs.length - MAX_SWEEP_BLOBS), truncated: tree.truncated })
  const leaks = findings.filter((f) => f.category === 'leak')
  if (leaks.length > 0) await alertLeaks({ octokit, repo, installationId: job.installationId, headSha: head, ref: `refs/heads/${repo.defaultBranch}` }, leaks, { deps, loaded })
  if (loaded.config.migration === 'off') return
  const items = toMigrationItems(findings)
  const hasLegacySecret = await hasRepositorySecret(octokit, repo, 'LOCALSTACK_API_KEY')
  const plan = planMigration(loaded.config.migration, { items, hasLegacySecret, isSweep: true })
  if (plan.pullRequest) await openMigrationPullRequest({ octokit, repo }, deps.records, items)
  if (plan.issue) await upsertMigrationIssue({ octokit, repo }, deps.records, { items, hasLegacySecret, replace: true })
}

/** Secret names only (values can never be read back); false when the app may not list them. */
async function hasRepositorySecret(octokit: GitHubClient, repo: RepoRef, name: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.actions.listRepoSecrets({ owner: repo.owner, repo: repo.name, per_page: 100 })
    return data.secrets.some((secret) => secret.name === name)
  } catch (error: unknown) {
    if ((error as { status?: number }).status === 403 || (error as { status?: number }).status === 404) return false
    throw error
  }
}
