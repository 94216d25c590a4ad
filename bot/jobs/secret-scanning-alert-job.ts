import type { LeakGroup } from '../../src/incidents/group-leaks.js'
import type { Sighting } from '../../src/incidents/incident.js'
import type { FindingKind } from '../../src/scan/finding.js'
import { classifyToken, fingerprintToken, redactToken } from '../../src/tokens/index.js'
import { configuredScan } from '../../src/scan/guard-config.js'
import { alertLeaks } from './alert-leaks.js'
import { loadConfig } from '../github/load-config.js'
import { fullName, type GitHubClient } from '../github/types.js'
import type { BotJob } from './job.js'
import type { JobDependencies } from './scan-push-job.js'

/**
 * GitHub's own `localstack_api_key` alert, folded into the same incident as our findings. The webhook does not carry
 * the secret; the REST alert does (FACTS.md §4): it is fingerprinted and dropped on the spot, never stored or logged.
 */
export async function runSecretScanningAlertJob(octokit: GitHubClient, job: Extract<BotJob, { type: 'secret-scanning-alert' }>, deps: JobDependencies): Promise<void> {
  const { repo } = job
  const { data: alert } = await octokit.rest.secretScanning.getAlert({ owner: repo.owner, repo: repo.name, alert_number: job.alertNumber })
  const secret = alert.secret ?? ''
  if (secret === '') return
  const classification = classifyToken(secret)
  const kind: FindingKind = classification.kind === 'malformed' ? 'auth-token' : classification.kind
  const group: LeakGroup = { fingerprint: fingerprintToken(secret), kind, redacted: redactToken(secret), sightings: await alertSightings(octokit, job) }
  const loaded = await loadConfig({ octokit, repo }, deps.records, { refresh: false })
  if (configuredScan(loaded.config).allowFingerprints.has(group.fingerprint)) return
  await alertLeaks({ octokit, repo, installationId: job.installationId }, [group], { ...deps, config: loaded.config })
}

async function alertSightings(octokit: GitHubClient, job: Extract<BotJob, { type: 'secret-scanning-alert' }>): Promise<Sighting[]> {
  const { data } = await octokit.rest.secretScanning.listLocationsForAlert({ owner: job.repo.owner, repo: job.repo.name, alert_number: job.alertNumber, per_page: 100 })
  const sightings: Sighting[] = []
  for (const location of data) {
    const details = location.details as { path?: string; start_line?: number; commit_sha?: string } | undefined
    if (location.type !== 'commit' || details?.path === undefined || details.commit_sha === undefined) continue
    sightings.push({ repository: fullName(job.repo), commit: details.commit_sha, path: details.path, line: details.start_line ?? 1 })
  }
  return sightings
}
