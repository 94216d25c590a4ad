import type { GuardConfig } from '../scan/guard-config.js'
import type { AlertSettings } from './leak-response.js'
import type { SecretTarget } from './rotation-ports.js'
import type { RotationSettings } from './rotate-incident.js'

/** The leak response of one repository: alerting, rotation, and the outbound alert. */
export interface ResponseSettings {
  readonly alerts: AlertSettings
  readonly rotation: RotationSettings & { readonly url?: string; readonly timeoutMs: number }
  readonly alertWebhook?: { readonly url: string; readonly format: 'json' | 'slack' }
  readonly escalateAfterMs: number
}

/**
 * Combines a repository's configuration with its organisation's. Whoever can push to a repository can edit its
 * `.github/localstack-guard.yml`, so the keys that decide where an incident, a token or an alert goes (the security
 * repository, the rotation service, the alert webhook, organisation secrets and secrets of another repository) are taken from the organisation's
 * `.github` repository only; a repository's own file cannot redirect them.
 */
export function responseSettings(configs: { repository: GuardConfig; organization: GuardConfig }, where: { repository: string; callbackUrl?: string }): ResponseSettings {
  const own = configs.repository
  const org = configs.organization
  const owner = where.repository.split('/')[0] ?? ''
  const targets = [...own.secrets.filter((s) => !s.organization && s.repository === undefined), ...org.secrets.filter((s) => s.organization || s.repository !== undefined)].map((s): SecretTarget => toTarget(s, { owner, repository: where.repository }))
  const alerts: AlertSettings = {
    labels: own.alerts.labels,
    assignees: own.alerts.assignees,
    ...(own.alerts.team === undefined ? {} : { team: own.alerts.team.replace(/^@/, '') }),
    ...(org.alerts.repository === undefined ? {} : { securityRepository: org.alerts.repository }),
    isSecurityRepositoryAlways: org.alerts['repository-for'] === 'all',
    watchedSecrets: [...new Set(targets.map((t) => t.name))],
    maxIssuesPerPush: own.alerts['max-issues-per-push'],
  }
  const rotation = org.rotation
  return {
    alerts,
    rotation: {
      provider: rotation.provider,
      isDryRun: rotation['dry-run'],
      sendsToken: rotation['send-token'],
      targets,
      timeoutMs: rotation['timeout-seconds'] * 1000,
      ...(rotation.url === undefined ? {} : { url: rotation.url }),
      ...(where.callbackUrl === undefined ? {} : { callbackUrl: where.callbackUrl }),
    },
    ...(org.alerts.webhook === undefined ? {} : { alertWebhook: org.alerts.webhook }),
    escalateAfterMs: own.alerts['escalate-after-hours'] * 3_600_000,
  }
}

function toTarget(secret: GuardConfig['secrets'][number], where: { owner: string; repository: string }): SecretTarget {
  if (secret.organization) return { scope: 'organization', organization: where.owner, name: secret.name }
  const repository = secret.repository ?? where.repository
  return secret.environment === undefined ? { scope: 'repository', repository, name: secret.name } : { scope: 'environment', repository, environment: secret.environment, name: secret.name }
}
