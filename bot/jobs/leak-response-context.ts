import type { RotationDependencies } from '../../src/incidents/rotate-incident.js'
import { responseSettings, type ResponseSettings } from '../../src/incidents/response-settings.js'
import { loadOrganizationConfig, type LoadedConfig } from '../github/load-config.js'
import { OctokitIncidentGitHub } from '../github/octokit-incident-github.js'
import { OctokitSecrets } from '../github/octokit-secrets.js'
import { fullName, type GitHubClient, type RepoRef } from '../github/types.js'
import { sendAlert } from '../response/alert-webhook.js'
import { GitHubTokenSource } from '../response/github-token-source.js'
import { WebhookRotationService } from '../response/webhook-rotation-service.js'
import type { JobDependencies } from './scan-push-job.js'

/** What the environment says about the leak response (read in `bot/index.ts`). */
export interface ResponseEnvironment {
  /** The bot's public URL: the rotation callback is `<url>/localstack-guard/rotation-callback`. */
  readonly publicUrl?: string
  /** Signs requests to the rotation service and checks its callbacks. */
  readonly rotationSecret?: string
  /** Signs outbound alerts. */
  readonly alertSecret?: string
  /** The first retry of an outbound request waits this long, doubling after. */
  readonly retryBaseMs: number
  /** Attempts of an outbound request in all. */
  readonly attempts: number
}

export const ROTATION_CALLBACK_PATH = '/localstack-guard/rotation-callback'

/** The leak response of one repository, wired: its settings (repository plus organisation) and every port. */
export async function leakResponseFor(
  octokit: GitHubClient,
  where: { repo: RepoRef; loaded: LoadedConfig },
  deps: JobDependencies,
): Promise<{ settings: ResponseSettings; response: RotationDependencies }> {
  const environment = deps.response
  const organization = await loadOrganizationConfig(octokit, where.repo.owner, { records: deps.records, repository: where.loaded })
  const callbackUrl = environment.publicUrl === undefined ? undefined : `${environment.publicUrl.replace(/\/$/, '')}${ROTATION_CALLBACK_PATH}`
  const settings = responseSettings({ repository: where.loaded.config, organization: organization.config }, { repository: fullName(where.repo), ...(callbackUrl === undefined ? {} : { callbackUrl }) })
  const post = { timeoutMs: settings.rotation.timeoutMs, attempts: environment.attempts, backoffMs: environment.retryBaseMs }
  const { url } = settings.rotation
  const canCallService = settings.rotation.provider === 'webhook' && url !== undefined && environment.rotationSecret !== undefined
  if (settings.rotation.provider === 'webhook' && !canCallService) deps.log.warn('rotation.service-unavailable', { repository: fullName(where.repo), reason: 'GUARD_ROTATION_SECRET is not set' })
  const webhook = settings.alertWebhook
  const alertSecret = environment.alertSecret
  const response: RotationDependencies = {
    alerts: settings.alerts,
    rotation: settings.rotation,
    github: new OctokitIncidentGitHub(octokit),
    incidents: deps.incidents,
    locks: deps.locks,
    log: deps.log,
    nowMs: deps.nowMs,
    webBaseUrl: deps.webBaseUrl,
    secrets: new OctokitSecrets(octokit),
    tokenSource: new GitHubTokenSource(octokit),
    ...(canCallService ? { rotationService: new WebhookRotationService(url, { secret: environment.rotationSecret ?? '', isDryRun: settings.rotation.isDryRun, ...post }) } : {}),
    ...(webhook === undefined || alertSecret === undefined
      ? {}
      : { notify: (notice) => sendAlert(notice, { url: webhook.url, format: webhook.format, post: { secret: alertSecret, timeoutMs: 10_000, attempts: environment.attempts, backoffMs: environment.retryBaseMs } }, deps.log) }),
  }
  return { settings, response }
}
