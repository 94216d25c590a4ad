import { CHECK_RUN_NAME } from '../../src/incidents/render-check-run.js'
import { incompleteScanConclusion, listScanGaps } from '../../src/incidents/render-scan-gaps.js'
import { configuredScan } from '../../src/scan/guard-config.js'
import { alertAndCheck } from './alert-leaks.js'
import { createCheckRun } from '../github/check-runs.js'
import { fetchCommitChanges } from '../github/fetch-push-diffs.js'
import { loadConfig } from '../github/load-config.js'
import { scanChanges } from '../github/scan-changes.js'
import type { GitHubClient } from '../github/types.js'
import type { BotJob } from './job.js'
import type { JobDependencies } from './scan-push-job.js'

/** "Re-run" on the check run: scan the commit again with the current configuration, and answer with a check run. */
export async function runRescanJob(octokit: GitHubClient, job: Extract<BotJob, { type: 'rescan-commit' }>, deps: JobDependencies): Promise<void> {
  const { repo, headSha } = job
  const loaded = await loadConfig({ octokit, repo }, deps.records, { refresh: true })
  const { changes } = await fetchCommitChanges({ octokit, repo }, headSha)
  const { findings, problems } = await scanChanges({ octokit, repo }, changes, configuredScan(loaded.config))
  const leaks = findings.filter((f) => f.category === 'leak')
  if (leaks.length === 0) {
    const content =
      problems.length === 0
        ? { conclusion: 'success' as const, title: 'No LocalStack credentials found', summary: 'Scanned again on request.' }
        : { conclusion: incompleteScanConclusion(problems), title: `Scan incomplete: ${problems.length} files not fully scanned`, summary: ['Scanned again on request; not fully scanned:', ...listScanGaps(problems)].join('\n') }
    await createCheckRun({ octokit, repo }, headSha, { name: CHECK_RUN_NAME, ...content })
    return
  }
  await alertAndCheck({ octokit, repo, installationId: job.installationId, headSha }, leaks, { deps, loaded })
}
