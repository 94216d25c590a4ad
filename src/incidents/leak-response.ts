import type { IncidentStore, LockService, Logger } from '../ports.js'
import type { Incident } from './incident.js'
import type { IncidentGitHub } from './incident-github.js'

/** What the configuration says about alerting (validated in `src/scan/guard-config.ts`). */
export interface AlertSettings {
  readonly labels: readonly string[]
  readonly assignees: readonly string[]
  /** `org/team`, mentioned in every incident and allowed to run commands. */
  readonly team?: string
  /** The private security repository (`org/name`) for incidents that must not be public. */
  readonly securityRepository?: string
  /** Track every incident in the security repository, not only those of public repositories. */
  readonly isSecurityRepositoryAlways: boolean
  /** Actions secrets whose update confirms a rotation. */
  readonly watchedSecrets: readonly string[]
  /** Past this many distinct new tokens in one push, one summary incident instead of one issue each. */
  readonly maxIssuesPerPush?: number
}

/** A lifecycle event worth telling the security team's own channels about (the outbound alert). */
export interface IncidentNotice {
  readonly event: 'opened' | 'rotation-requested' | 'rotated' | 'failed' | 'escalated' | 'resolved' | 'dismissed'
  readonly incident: Incident
  /** A link to the issue, when there is one. */
  readonly issueUrl?: string
  /** One sentence, safe to send: no token, no location. */
  readonly detail?: string
}

/** Everything the lifecycle's use cases need, as ports. */
export interface LeakResponseDependencies {
  /** The configuration of the repository (or organisation) the incident belongs to. */
  readonly alerts: AlertSettings
  readonly github: IncidentGitHub
  readonly incidents: IncidentStore<Incident>
  readonly locks: LockService
  readonly log: Logger
  readonly nowMs: () => number
  /** `https://github.com`, or the GHES web root. */
  readonly webBaseUrl: string
  /** The outbound alert; a no-op when none is configured. */
  readonly notify?: (notice: IncidentNotice) => Promise<void>
  /** Tokens whose `opened` alert `announceNewLeaks` already sent (so the lifecycle does not send it twice). */
  readonly announced?: ReadonlySet<string>
}

/** The lock under which an installation's incidents are found, opened and moved: one token never gets two issues. */
export function incidentLockKey(installationId: number): string {
  return `incidents:${installationId}`
}

/** The issue's URL. */
export function issueUrl(webBaseUrl: string, incident: Incident): string | undefined {
  return incident.issue === undefined ? undefined : `${webBaseUrl}/${incident.issue.repository}/issues/${incident.issue.number}`
}

/** Records that have no audit trail or exposure yet (written before these existed) read as private, default branch. */
export function normalizeIncident(stored: Incident): Incident {
  const legacyState = (stored.state as string) === 'closed' ? 'resolved' : stored.state
  return {
    ...stored,
    state: legacyState,
    audit: stored.audit ?? [],
    exposure: stored.exposure ?? { isPublic: false, isDefaultBranch: true },
    severity: stored.severity ?? 'high',
  }
}
