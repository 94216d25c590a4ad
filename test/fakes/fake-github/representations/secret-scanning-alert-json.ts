import type { FakeRepository } from '../state/fake-repository.js'
import type { AlertLocation, SecretScanningAlertRecord } from '../state/secret-scanning-alerts.js'
import type { GitHubUrls } from '../urls.js'
import { isoSeconds } from './commit-json.js'

/** An alert as the webhook carries it (no `secret`) or as `GET …/secret-scanning/alerts/{n}` returns it (with it). */
export function secretScanningAlertJson(urls: GitHubUrls, repo: FakeRepository, alert: SecretScanningAlertRecord, withSecret: boolean): Record<string, unknown> {
  const api = `${urls.repoApi(repo.fullName)}/secret-scanning/alerts/${alert.number}`
  return {
    number: alert.number,
    created_at: isoSeconds(alert.createdAt),
    updated_at: isoSeconds(alert.createdAt),
    url: api,
    html_url: `${urls.repoHtml(repo.fullName)}/security/secret-scanning/${alert.number}`,
    locations_url: `${api}/locations`,
    state: alert.state,
    resolution: null,
    resolved_at: null,
    resolved_by: null,
    resolution_comment: null,
    secret_type: alert.secretType,
    secret_type_display_name: alert.secretTypeDisplayName,
    ...(withSecret ? { secret: alert.secret } : {}),
    validity: 'unknown',
    push_protection_bypassed: false,
    push_protection_bypassed_by: null,
    push_protection_bypassed_at: null,
    publicly_leaked: false,
    multi_repo: false,
  }
}

export function alertLocationJson(urls: GitHubUrls, repo: FakeRepository, location: AlertLocation): Record<string, unknown> {
  const api = urls.repoApi(repo.fullName)
  return {
    type: 'commit',
    details: {
      path: location.path,
      start_line: location.startLine,
      end_line: location.endLine,
      start_column: location.startColumn,
      end_column: location.endColumn,
      blob_sha: location.blobSha,
      blob_url: `${api}/git/blobs/${location.blobSha}`,
      commit_sha: location.commitSha,
      commit_url: `${api}/git/commits/${location.commitSha}`,
    },
  }
}
