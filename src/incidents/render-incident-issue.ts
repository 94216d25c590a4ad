import type { FindingKind } from '../scan/finding.js'
import type { AuditEntry, Incident, IncidentState, Sighting } from './incident.js'
import { encodePath, escapeMarkdown } from './markdown.js'
import { describeExposure } from './severity.js'

/** Hidden in every incident issue, so the issue can be found again from the fingerprint alone. */
export function incidentMarker(fingerprint: string): string {
  return `<!-- localstack-guard:incident ${fingerprint} -->`
}

/** LocalStack's Auth Tokens page, where "Reset Auth Token" rotates a token (no public API does; docs/facts.md). */
export const AUTH_TOKENS_PAGE = 'https://app.localstack.cloud/settings/auth-tokens'

export const KIND_NAMES: Readonly<Record<FindingKind, string>> = {
  'developer-token': 'personal Developer Auth Token',
  'ci-token': 'CI Auth Token',
  'auth-token': 'LocalStack Auth Token',
  'legacy-key': 'legacy LocalStack API key',
  'legacy-key-reference': 'reference to LOCALSTACK_API_KEY',
}

export const STATE_NAMES: Readonly<Record<IncidentState, string>> = {
  detected: 'Detected',
  alerted: 'Alerted',
  'rotation-requested': 'Rotation requested',
  rotated: 'Rotated: a new token is in place',
  resolved: 'Resolved',
  dismissed: 'Dismissed as a false positive',
  escalated: 'Escalated: nothing happened in time',
}

/** Issues hold at most 65536 characters; past this many locations the list is summarised. */
const MAX_LISTED_SIGHTINGS = 200

/** A permalink to one line of one commit. */
export function permalink(webBaseUrl: string, sighting: Sighting): string {
  return `${webBaseUrl}/${sighting.repository}/blob/${sighting.commit}/${encodePath(sighting.path)}#L${sighting.line}`
}

/** The incident issue's title: the kind and the redacted token only. */
export function renderIncidentTitle(incident: Pick<Incident, 'kind' | 'redacted'>): string {
  return `Leaked ${KIND_NAMES[incident.kind]}: ${incident.redacted}`
}

/** What the body needs besides the incident. */
export interface IssueView {
  readonly webBaseUrl: string
  /** `@org/team` to mention. */
  readonly mention?: string
  /** The repository the issue lives in. */
  readonly issueRepository: string
  /** The configured private security repository: an issue there may list every location. */
  readonly securityRepository?: string
  /** Actions secrets the bot watches to confirm a rotation. */
  readonly watchedSecrets: readonly string[]
}

/**
 * Readers of an issue may see a location only if they may already read its repository: the issue's own repository,
 * a public one, or any, when the issue lives in the security repository (whose readers are the security team).
 */
export function isVisibleFrom(sighting: Sighting, view: Pick<IssueView, 'issueRepository' | 'securityRepository'>): boolean {
  if (view.securityRepository !== undefined && view.issueRepository.toLowerCase() === view.securityRepository.toLowerCase()) return true
  return sighting.repository.toLowerCase() === view.issueRepository.toLowerCase() || sighting.exposure?.isPublic === true
}

/** One table row per location, every pushed string escaped (a file name is data, not Markdown). */
export function renderSightingRow(sighting: Sighting, webBaseUrl: string): string {
  const where = `[${escapeMarkdown(sighting.repository)}: ${escapeMarkdown(sighting.path)} line ${sighting.line}](${permalink(webBaseUrl, sighting)})`
  const ref = sighting.ref === undefined ? '' : escapeMarkdown(sighting.ref.replace(/^refs\/(heads|tags)\//, ''))
  return `| ${where} | ${escapeMarkdown(sighting.commit.slice(0, 7))} | ${ref} | ${sighting.pusher === undefined ? '' : escapeMarkdown(sighting.pusher)} |`
}

function renderLocations(incident: Incident, view: IssueView): string[] {
  const visible = incident.sightings.filter((s) => isVisibleFrom(s, view))
  const hiddenElsewhere = incident.sightings.length - visible.length
  const listed = visible.slice(0, MAX_LISTED_SIGHTINGS)
  return [
    '### Where it was seen',
    '| location | commit | ref | pushed by |',
    '| --- | --- | --- | --- |',
    ...listed.map((s) => renderSightingRow(s, view.webBaseUrl)),
    visible.length > listed.length ? `\n…and ${visible.length - listed.length} more locations.` : '',
    hiddenElsewhere > 0
      ? `\nSeen in ${hiddenElsewhere} more place${hiddenElsewhere === 1 ? '' : 's'} in repositories whose readers may differ from this one's; they are not listed here.${view.securityRepository === undefined ? ' Configure `alerts.repository` (a private security repository) to see every location in one place.' : ''}`
      : '',
  ]
}

/** The lifecycle as a checklist: every state reached is ticked, the current one is bold. */
export function renderChecklist(incident: Incident): string[] {
  const reached = new Set<IncidentState>(['detected', ...incident.audit.map((entry) => entry.to)])
  const main: IncidentState[] = ['detected', 'alerted', 'rotation-requested', 'rotated', 'resolved']
  const side: IncidentState[] = (['escalated', 'dismissed'] as const).filter((s) => reached.has(s))
  return [...main, ...side].map((state) => {
    const name = state === incident.state ? `**${STATE_NAMES[state]}** (current)` : STATE_NAMES[state]
    return `- [${reached.has(state) ? 'x' : ' '}] ${name}`
  })
}

function renderHistory(audit: readonly AuditEntry[]): string[] {
  if (audit.length === 0) return []
  return ['', '### History', '| when (UTC) | by | change | note |', '| --- | --- | --- | --- |', ...audit.map(renderAuditRow)]
}

export function renderAuditRow(entry: AuditEntry): string {
  const when = new Date(entry.atMs).toISOString().replace('T', ' ').slice(0, 19)
  return `| ${when} | ${renderActor(entry.actor)} | ${STATE_NAMES[entry.from].split(':')[0]} → ${STATE_NAMES[entry.to].split(':')[0]} | ${tableCell(entry.note ?? '')} |`
}

function renderSteps(incident: Incident, view: IssueView): string[] {
  const rotation =
    incident.kind === 'legacy-key'
      ? `Legacy API keys were phased out and no longer activate; delete it on the [Auth Tokens page](${AUTH_TOKENS_PAGE}) and use a CI Auth Token instead.`
      : `Open LocalStack's [Auth Tokens page](${AUTH_TOKENS_PAGE}) and choose **Reset Auth Token**: the leaked token stops working at once.`
  const secrets = view.watchedSecrets.map((name) => `\`${name}\``).join(', ')
  return [
    '### What to do',
    `1. **Rotate it now.** ${rotation}`,
    `2. Put the new token in the Actions secret${view.watchedSecrets.length === 1 ? '' : 's'} ${secrets} (repository, environment or organisation). The bot watches their update time and marks this incident rotated when one changes after the leak.`,
    '3. Deleting the line is **not enough**: the token stays in git history, forks and clones. Rotation is the fix.',
    '4. Comment `/localstack-guard resolve` once nothing uses the old token, `/localstack-guard rotate` to ask the configured rotation service, or `/localstack-guard false-positive` if this is not a real token (admins, maintainers and the configured team only).',
  ]
}

/**
 * The incident issue's body, rewritten on every transition: what leaked (redacted), severity and exposure, the
 * lifecycle as a checklist, the locations this issue's readers may see, what to do, and the audit trail.
 */
export function renderIncidentBody(incident: Incident, view: IssueView): string {
  return [
    incidentMarker(incident.fingerprint),
    `A ${KIND_NAMES[incident.kind]} was pushed to a repository: \`${incident.redacted}\`.`,
    '',
    `**Severity: ${incident.severity}**. Exposure: ${describeExposure(incident.exposure)}.`,
    view.mention === undefined ? '' : `\ncc ${view.mention}`,
    '',
    '### Status',
    ...renderChecklist(incident),
    '',
    ...renderLocations(incident, view),
    '',
    ...renderSteps(incident, view),
    ...renderHistory(incident.audit),
    '',
    `Fingerprint: \`${incident.fingerprint}\``,
  ]
    .filter((line, index, lines) => !(line === '' && lines[index - 1] === ''))
    .join('\n')
}

/** The comment that records one transition. */
export function renderTransitionComment(entry: AuditEntry): string {
  // Notes are written by the bot (pushed text is escaped where a note quotes it), so they keep their Markdown.
  const note = entry.note === undefined ? '' : `\n\n${entry.note}`
  return `**${STATE_NAMES[entry.from].split(':')[0]} → ${STATE_NAMES[entry.to]}**, by ${renderActor(entry.actor)}.${note}`
}

/** A GitHub login (`@octocat`, validated by GitHub) stays a mention; anything else is escaped text. */
function renderActor(actor: string): string {
  return /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(actor) ? actor : escapeMarkdown(actor)
}

/** A bot-written note inside a table row: one line, no cell breaks. */
function tableCell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')
}
