import { secretScanningAlertJson } from '../representations/secret-scanning-alert-json.js'
import type { FakeRepository } from '../state/fake-repository.js'
import type { AlertLocation, SecretScanningAlertRecord } from '../state/secret-scanning-alerts.js'
import type { World } from '../state/world.js'
import { payloadInstallation, payloadRepository, payloadSender } from './payload-parts.js'

/** What GitHub's own secret scanning found; the alert is added to the repository so the REST routes can serve it. */
export interface SecretScanningAlertOptions {
  /** The raw secret (generate it at test time); the webhook never carries it, `GET …/alerts/{n}` does. */
  secret: string
  /** Default `localstack_api_key`, the type of GitHub's LocalStack partner pattern. */
  secretType?: string
  secretTypeDisplayName?: string
  locations?: (Pick<AlertLocation, 'path' | 'commitSha'> & Partial<AlertLocation>)[]
  action?: 'created' | 'reopened' | 'resolved' | 'publicly_leaked' | 'validated'
}

export function secretScanningAlertPayload(world: World, repo: FakeRepository, options: SecretScanningAlertOptions): Record<string, unknown> {
  const alert: SecretScanningAlertRecord = {
    number: repo.secretScanningAlerts.length + 1,
    secretType: options.secretType ?? 'localstack_api_key',
    secretTypeDisplayName: options.secretTypeDisplayName ?? 'LocalStack API Key',
    secret: options.secret,
    state: options.action === 'resolved' ? 'resolved' : 'open',
    createdAt: new Date(world.now()),
    locations: (options.locations ?? []).map((location) => ({
      startLine: 1,
      endLine: 1,
      startColumn: 0,
      endColumn: options.secret.length,
      blobSha: repo.requireCommit(location.commitSha).files.get(location.path) ?? '',
      ...location,
    })),
  }
  repo.secretScanningAlerts.push(alert)
  return {
    action: options.action ?? 'created',
    alert: secretScanningAlertJson(world.urls, repo, alert, false),
    repository: payloadRepository(world, repo, 'event'),
    installation: payloadInstallation(world, repo),
    sender: payloadSender(world, 'github'),
  }
}
