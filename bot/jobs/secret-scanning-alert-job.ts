import { confirmRevokedAlert } from '../../src/incidents/verify-rotation.js'
import type { Finding, FindingKind } from '../../src/scan/finding.js'
import { classifyToken, fingerprintToken, redactToken } from '../../src/tokens/index.js'
import { configuredScan } from '../../src/scan/guard-config.js'
import { alertLeaks } from './alert-leaks.js'
import { leakResponseFor } from './leak-response-context.js'
import { loadConfig } from '../github/load-config.js'
import type { GitHubClient } from '../github/types.js'
import type { BotJob } from './job.js'
import type { JobDependencies } from './scan-push-job.js'

type AlertJob = Extract<BotJob, { type: 'secret-scanning-alert' }>

/**
 * GitHub's own `localstack_api_key` alert, folded into the same incident as our findings; resolved as `revoked`, it
 * confirms the token's rotation. The webhook does not carry the secret; the REST alert does: it is fingerprinted
 * and dropped on the spot, never stored or logged.
 */
export async function runSecretScanningAlertJob(octokit: GitHubClient, job: AlertJob, deps: JobDependencies): Promise<void> {
  const { repo } = job
  const { data: alert } = await octokit.rest.secretScanning.getAlert({ owner: repo.owner, repo: repo.name, alert_number: job.alertNumber })
  const secret = alert.secret ?? ''
  if (secret === '') return
  const fingerprint = fingerprintToken(secret)
  const loaded = await loadConfig({ octokit, repo }, deps.records, { refresh: false })
  if (alert.state === 'resolved') {
    if (alert.resolution !== 'revoked') return
    const { response } = await leakResponseFor(octokit, { repo, loaded }, deps)
    const who = alert.resolved_by?.login
    await confirmRevokedAlert({ installationId: job.installationId, fingerprint }, who === undefined ? undefined : `@${who}`, response)
    return
  }
  if (configuredScan(loaded.config).allowFingerprints.has(fingerprint)) return
  const classification = classifyToken(secret)
  const kind: FindingKind = classification.kind === 'malformed' ? 'auth-token' : classification.kind
  const leaks = await alertFindings(octokit, job, { kind, redacted: redactToken(secret), fingerprint })
  await alertLeaks({ octokit, repo, installationId: job.installationId, headSha: leaks[0]?.commit ?? '' }, leaks, { deps, loaded })
}

/** The alert's commit locations as leak findings of the token. */
async function alertFindings(octokit: GitHubClient, job: AlertJob, token: Pick<Finding, 'kind' | 'redacted' | 'fingerprint'>): Promise<Finding[]> {
  const { data } = await octokit.rest.secretScanning.listLocationsForAlert({ owner: job.repo.owner, repo: job.repo.name, alert_number: job.alertNumber, per_page: 100 })
  const findings: Finding[] = []
  for (const location of data) {
    const details = location.details as { path?: string; start_line?: number; commit_sha?: string } | undefined
    if (location.type !== 'commit' || details?.path === undefined || details.commit_sha === undefined) continue
    findings.push({ category: 'leak', ...token, file: details.path, line: details.start_line ?? 1, column: 1, commit: details.commit_sha })
  }
  return findings
}
