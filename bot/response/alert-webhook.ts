import { createHash } from 'node:crypto'
import type { IncidentNotice } from '../../src/incidents/leak-response.js'
import { KIND_NAMES } from '../../src/incidents/render-incident-issue.js'
import { describeExposure } from '../../src/incidents/severity.js'
import type { Logger } from '../../src/ports.js'
import { postSigned, type SignedPostOptions } from './post-signed.js'

/** The outbound alert: where, in which format, signed how. */
export interface AlertWebhookSettings {
  readonly url: string
  readonly format: 'json' | 'slack'
  readonly post: Omit<SignedPostOptions, 'idempotencyKey'>
}

/**
 * Tells the security team's own channel about an incident event, signed like every outbound request. Never holds a
 * raw token or a file location: the kind, the redacted token, the repositories, severity and exposure, and a link.
 * The key is stable per incident event, so a retried job does not alert twice at a receiver that honours it.
 */
export async function sendAlert(notice: IncidentNotice, settings: AlertWebhookSettings, log: Logger): Promise<void> {
  const { incident } = notice
  const idempotencyKey = createHash('sha256').update(`${incident.installationId}:${incident.fingerprint}:${notice.event}:${incident.audit.length}`).digest('hex')
  const payload = settings.format === 'slack' ? slackMessage(notice) : jsonAlert(notice, idempotencyKey)
  const result = await postSigned(settings.url, payload, { ...settings.post, idempotencyKey })
  const isDelivered = typeof result.status === 'number' && result.status >= 200 && result.status < 300
  if (isDelivered) log.info('alert.sent', { event: notice.event, fingerprint: incident.fingerprint, attempts: result.attempts })
  else log.warn('alert.failed', { event: notice.event, fingerprint: incident.fingerprint, attempts: result.attempts, status: result.status })
}

function repositoriesOf(notice: IncidentNotice): string[] {
  return [...new Set(notice.incident.sightings.map((s) => s.repository))]
}

/** The JSON alert (README "When a token leaks"). */
export function jsonAlert(notice: IncidentNotice, idempotencyKey: string): Record<string, unknown> {
  const { incident } = notice
  return {
    event: notice.event,
    idempotencyKey,
    incident: {
      id: `${incident.installationId}:${incident.fingerprint}`,
      fingerprint: incident.fingerprint,
      kind: incident.kind,
      redacted: incident.redacted,
      state: incident.state,
      severity: incident.severity,
      exposure: incident.exposure,
      repositories: repositoriesOf(notice),
      issueUrl: notice.issueUrl ?? null,
    },
    detail: notice.detail ?? null,
  }
}

/** Slack's incoming-webhook shape: one `text` in mrkdwn, with `&`, `<` and `>` escaped as Slack requires. */
export function slackMessage(notice: IncidentNotice): { text: string } {
  const { incident } = notice
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const link = notice.issueUrl === undefined ? '' : ` <${notice.issueUrl}|Incident>`
  const lines = [
    `*[${incident.severity}] Leaked ${KIND_NAMES[incident.kind]}* \`${escape(incident.redacted)}\`: ${notice.event}.${link}`,
    `${escape(repositoriesOf(notice).join(', '))} (${describeExposure(incident.exposure)}).`,
    notice.detail === undefined ? '' : escape(notice.detail),
  ]
  return { text: lines.filter((line) => line !== '').join('\n') }
}
