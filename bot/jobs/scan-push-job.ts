import { groupLeaks } from '../../src/incidents/group-leaks.js'
import type { Incident } from '../../src/incidents/incident.js'
import { CHECK_RUN_NAME, renderLeakCheckRun } from '../../src/incidents/render-check-run.js'
import { toMigrationItems } from '../../src/incidents/render-migration-issue.js'
import type { IncidentStore, Logger, RecordStore, ScanLedger } from '../../src/ports.js'
import { planPush } from '../../src/push/plan-push.js'
import type { Finding } from '../../src/scan/finding.js'
import { createPathFilter, DEFAULT_GUARD_CONFIG, GUARD_CONFIG_PATH, type GuardConfig } from '../../src/scan/guard-config.js'
import { alertLeaks } from './alert-leaks.js'
import { CONFIG_CHECK_RUN_NAME, createCheckRun } from '../github/check-runs.js'
import { fetchPushDiffs } from '../github/fetch-push-diffs.js'
import { invalidateOwnerConfigs, loadConfig, peekConfig, type LoadedConfig } from '../github/load-config.js'
import { upsertMigrationIssue } from '../github/migration-issue.js'
import { dedupeFindings, scanChanges } from '../github/scan-changes.js'
import { fullName, type GitHubClient } from '../github/types.js'
import type { BotJob } from './job.js'

/** What the push job needs; wired in `bot/index.ts`. */
export interface JobDependencies {
  readonly ledger: ScanLedger
  readonly incidents: IncidentStore<Incident>
  readonly records: RecordStore
  readonly log: Logger
  readonly webBaseUrl: string
  readonly nowMs: () => number
}

type ScanPushJob = Extract<BotJob, { type: 'scan-push' }>

/**
 * Scans one push: plan (no API call), fetch the diffs the plan needs, scan, then write only where a person must act:
 * a failed check run and incidents for leaks, the migration issue for legacy references, a check run for a broken
 * configuration. A clean push costs reads only.
 */
export async function runScanPushJob(octokit: GitHubClient, job: ScanPushJob, deps: JobDependencies): Promise<void> {
  const { repo, push } = job
  const candidates = [...push.commits.map((c) => c.id), push.after]
  const scanned = await deps.ledger.scannedAmong(repo.id, candidates)
  const plan = planPush(push, (sha) => scanned.has(sha))
  if (plan.kind === 'skip') {
    deps.log.info('scan.skipped', { repository: fullName(repo), ref: push.ref, reason: plan.reason })
    return
  }
  if (repo.name === '.github' && touchesConfig(job)) await invalidateOwnerConfigs(deps.records, repo.owner)
  // The configuration can only remove findings (or ask for a passing check): a clean push never pays to read it.
  const cached = touchesConfig(job) ? undefined : await peekConfig(repo, deps.records)
  const fetched = await fetchPushDiffs(octokit, repo, plan, push)
  const scan = await scanChanges(octokit, repo, fetched.changes, scanOptions((cached ?? { config: DEFAULT_GUARD_CONFIG }).config))
  const isConfigNeeded = cached === undefined && (scan.findings.length > 0 || touchesConfig(job))
  const loaded = isConfigNeeded ? await loadConfig(octokit, repo, deps.records, { refresh: true }) : (cached ?? { config: DEFAULT_GUARD_CONFIG })
  const findings = dedupeFindings(applyConfig(scan.findings, loaded.config), push.after)
  const stats = scan.stats
  const leaks = findings.filter((f) => f.category === 'leak')
  deps.log.info('scan.completed', { repository: fullName(repo), ref: push.ref, plan: plan.kind, commits: fetched.commits.length, ...stats, leaks: leaks.length })
  await reportConfigProblem(octokit, job, loaded)
  if (leaks.length > 0) {
    const groups = groupLeaks(leaks, { repository: fullName(repo), headSha: push.after, ref: push.ref, ...(job.pusher === undefined ? {} : { pusher: job.pusher }) })
    const links = await alertLeaks(octokit, repo, job.installationId, groups, { ...deps, config: loaded.config })
    const rendered = renderLeakCheckRun(leaks, links)
    await createCheckRun(octokit, repo, push.after, { name: CHECK_RUN_NAME, conclusion: 'failure', ...rendered })
  } else if (loaded.config['check-on-clean-push']) {
    await createCheckRun(octokit, repo, push.after, { name: CHECK_RUN_NAME, conclusion: 'success', title: 'No LocalStack credentials found', summary: `Scanned ${stats.files} changed files.` })
  }
  const items = toMigrationItems(findings)
  if (items.length > 0 && loaded.config.migration !== 'off') await upsertMigrationIssue(octokit, repo, deps.records, { items, replace: false })
  await deps.ledger.markScanned(repo.id, [...fetched.commits, push.after])
}

function scanOptions(config: GuardConfig): { isPathIncluded: (path: string) => boolean; allowFingerprints: Set<string> } {
  return { isPathIncluded: createPathFilter(config), allowFingerprints: new Set(config['allow-fingerprints']) }
}

/** Applies a configuration read after the scan (the scan ran with the defaults). */
function applyConfig(findings: readonly Finding[], config: GuardConfig): Finding[] {
  const { isPathIncluded, allowFingerprints } = scanOptions(config)
  return findings.filter((f) => isPathIncluded(f.file) && !allowFingerprints.has(f.fingerprint))
}

function touchesConfig(job: ScanPushJob): boolean {
  return job.push.commits.some((c) => c.added.includes(GUARD_CONFIG_PATH) || c.modified.includes(GUARD_CONFIG_PATH))
}

/** A broken configuration gets its own check run, once per push that changes the file (not on every push). */
async function reportConfigProblem(octokit: GitHubClient, job: ScanPushJob, loaded: LoadedConfig): Promise<void> {
  if (loaded.problem === undefined || !touchesConfig(job)) return
  await createCheckRun(octokit, job.repo, job.push.after, {
    name: CONFIG_CHECK_RUN_NAME,
    conclusion: 'failure',
    title: `${GUARD_CONFIG_PATH} is not valid`,
    summary: `${loaded.problem.message}\n\n${loaded.problem.problems.map((p) => `- \`${p}\``).join('\n')}\n\nDetection ran with the default configuration.`,
  })
}
