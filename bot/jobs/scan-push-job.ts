import type { Incident } from '../../src/incidents/incident.js'
import { CHECK_RUN_NAME } from '../../src/incidents/render-check-run.js'
import { toMigrationItems } from '../../src/incidents/render-migration-issue.js'
import { planMigration } from '../../src/incidents/migration-plan.js'
import type { IncidentStore, LockService, Logger, RecordStore, ScanLedger } from '../../src/ports.js'
import { planPush, type PushPlan } from '../../src/push/plan-push.js'
import type { Finding } from '../../src/scan/finding.js'
import { applyGuardConfig, configuredScan, DEFAULT_GUARD_CONFIG, GUARD_CONFIG_PATH } from '../../src/scan/guard-config.js'
import { alertAndCheck } from './alert-leaks.js'
import { CONFIG_CHECK_RUN_NAME, createCheckRun } from '../github/check-runs.js'
import { fetchPushDiffs } from '../github/fetch-push-diffs.js'
import { invalidateOwnerConfigs, loadConfig, peekConfig, type LoadedConfig } from '../github/load-config.js'
import { upsertMigrationIssue } from '../github/migration-issue.js'
import { openMigrationPullRequest } from '../github/migration-pull-request.js'
import { incompleteScanConclusion, renderScanGaps } from '../../src/incidents/render-scan-gaps.js'
import { dedupeFindings } from '../../src/push/dedupe-findings.js'
import { scanChanges, type ChangeScanStats, type ScanProblem } from '../github/scan-changes.js'
import { fullName, type GitHubClient, type RepoClient } from '../github/types.js'
import type { BotJob } from './job.js'
import type { ResponseEnvironment } from './leak-response-context.js'

/** What the push job needs; wired in `bot/index.ts`. */
export interface JobDependencies {
  readonly ledger: ScanLedger
  readonly incidents: IncidentStore<Incident>
  readonly records: RecordStore
  readonly locks: LockService
  readonly log: Logger
  readonly webBaseUrl: string
  readonly nowMs: () => number
  /** The leak response's environment: callback URL, signing secrets, outbound retries. */
  readonly response: ResponseEnvironment
}

type ScanPushJob = Extract<BotJob, { type: 'scan-push' }>

/**
 * Scans one push: plan (no API call), fetch the diffs the plan needs, scan, then write only where a person must act:
 * a failed check run and incidents for leaks, the migration issue for legacy references, a check run for a broken
 * configuration. A clean push costs reads only.
 */
export async function runScanPushJob(octokit: GitHubClient, job: ScanPushJob, deps: JobDependencies): Promise<void> {
  const client = { octokit, repo: job.repo }
  const scanned = await deps.ledger.scannedAmong(job.repo.id, [...job.push.commits.map((c) => c.id), job.push.after])
  const plan = planPush(job.push, (sha) => scanned.has(sha))
  if (plan.kind === 'skip') {
    deps.log.info('scan.skipped', { repository: fullName(job.repo), ref: job.push.ref, reason: plan.reason })
    return
  }
  const result = await scanPush(client, { job, plan }, deps)
  deps.log.info('scan.completed', { repository: fullName(job.repo), ref: job.push.ref, plan: plan.kind, commits: result.commits.length, ...result.stats })
  await reportConfigProblem(client, job, result.loaded)
  await reportFindings(client, { job, scan: result }, deps)
  await deps.ledger.markScanned(job.repo.id, [...result.commits, job.push.after])
}

interface PushScan {
  readonly findings: Finding[]
  readonly loaded: LoadedConfig
  readonly stats: ChangeScanStats
  readonly commits: string[]
  /** Files not scanned, or scanned in part: a check run says so (never silence). */
  readonly problems: readonly ScanProblem[]
}

/** Fetches and scans; the configuration is read only when a finding needs it (it can only remove findings). */
async function scanPush(client: RepoClient, work: { job: ScanPushJob; plan: PushPlan }, deps: JobDependencies): Promise<PushScan> {
  const { job, plan } = work
  const { repo, push } = job
  if (repo.name === '.github' && touchesConfig(job)) await invalidateOwnerConfigs(deps.records, repo.owner)
  const cached = touchesConfig(job) ? undefined : await peekConfig(repo, deps.records)
  const scannedAmong = (shas: readonly string[]) => deps.ledger.scannedAmong(repo.id, [...shas])
  const fetched = await fetchPushDiffs(client, plan, { push, scannedAmong })
  const scan = await scanChanges(client, fetched.changes, configuredScan((cached ?? { config: DEFAULT_GUARD_CONFIG }).config))
  // The ref and commit messages were scanned when the webhook arrived (the job row never holds them raw).
  for (const finding of job.nameFindings ?? []) scan.findings.push(finding)
  const isConfigNeeded = cached === undefined && (scan.findings.length > 0 || touchesConfig(job))
  const loaded = isConfigNeeded ? await loadConfig(client, deps.records, { refresh: true }) : (cached ?? { config: DEFAULT_GUARD_CONFIG })
  const findings = dedupeFindings(applyGuardConfig(scan.findings, loaded.config), push.after)
  return { findings, loaded, stats: scan.stats, commits: fetched.commits, problems: scan.problems }
}

/** Leaks: incidents, then the failed check run that links them. Legacy references: the migration issue. */
async function reportFindings(client: RepoClient, work: { job: ScanPushJob; scan: PushScan }, deps: JobDependencies): Promise<void> {
  const { job, scan } = work
  const { push } = job
  const { config } = scan.loaded
  const leaks = scan.findings.filter((f) => f.category === 'leak')
  if (leaks.length > 0) {
    const origin = { ...client, installationId: job.installationId, headSha: push.after, ref: push.ref, ...(job.pusher === undefined ? {} : { pusher: job.pusher }) }
    await alertAndCheck(origin, leaks, { deps, loaded: scan.loaded, summaryNote: renderScanGaps(scan.problems, scan.stats.droppedFindings) })
  } else if (scan.problems.length > 0) {
    const title = `Scan incomplete: ${scan.problems.length} file${scan.problems.length === 1 ? '' : 's'} not fully scanned`
    await createCheckRun(client, push.after, { name: CHECK_RUN_NAME, conclusion: incompleteScanConclusion(scan.problems), title, summary: `No LocalStack credentials found in what was scanned.${renderScanGaps(scan.problems, scan.stats.droppedFindings)}` })
  } else if (config['check-on-clean-push']) {
    const summary = `Scanned ${scan.stats.files} changed files.`
    await createCheckRun(client, push.after, { name: CHECK_RUN_NAME, conclusion: 'success', title: 'No LocalStack credentials found', summary })
  }
  const items = toMigrationItems(scan.findings)
  const plan = planMigration(config.migration, { items, isSweep: false })
  if (plan.pullRequest) await openMigrationPullRequest(client, deps.records, items)
  if (plan.issue) await upsertMigrationIssue(client, deps.records, { items, replace: false })
}

function touchesConfig(job: ScanPushJob): boolean {
  // A removal counts: the cached configuration no longer holds.
  return job.push.commits.some((c) => [...c.added, ...c.modified, ...(c.removed ?? [])].includes(GUARD_CONFIG_PATH))
}

/** A broken configuration gets its own check run, once per push that changes the file (not on every push). */
async function reportConfigProblem(client: RepoClient, job: ScanPushJob, loaded: LoadedConfig): Promise<void> {
  if (loaded.problem === undefined || !touchesConfig(job)) return
  await createCheckRun(client, job.push.after, {
    name: CONFIG_CHECK_RUN_NAME,
    conclusion: 'failure',
    title: `${GUARD_CONFIG_PATH} is not valid`,
    summary: `${loaded.problem.message}\n\n${loaded.problem.problems.map((p) => `- \`${p}\``).join('\n')}\n\nDetection ran with the default configuration.`,
  })
}
