import { SUMMARY_MARKER } from './incident-commands.js'
import type { Exposure, Incident } from './incident.js'
import type { LeakGroup } from './group-leaks.js'
import { issueUrl, type AlertSettings, type LeakResponseDependencies } from './leak-response.js'
import { escapeMarkdown } from './markdown.js'
import { detectedIncident, outcomeFor, type TokenOutcome } from './record-sightings.js'
import { KIND_NAMES } from './render-incident-issue.js'
import { routeIncident } from './route-incident.js'
import { applyEvent } from './transition.js'

/** Where sightings come from: the installation, the repository and how exposed the push was. */
export interface PushOrigin {
  readonly installationId: number
  /** `owner/name`. */
  readonly repository: string
  readonly exposure: Exposure
  /** The pushed commit, named in a summary incident. */
  readonly headSha?: string
}

/** A summary issue lists at most this many tokens; the rest are counted (an issue holds 65536 characters). */
const MAX_LISTED_TOKENS = 200

/**
 * A push of many distinct new tokens is one incident for people, not one issue each: hundreds of issues spend the
 * installation's content-creation budget (80 a minute) and delay every other repository's alert. Each token still
 * gets its own record (found again by fingerprint, moved by rotation), pointing at the one summary issue.
 */
export async function openSummaryIncident(
  origin: PushOrigin,
  groups: readonly LeakGroup[],
  deps: LeakResponseDependencies,
): Promise<Map<string, TokenOutcome>> {
  const settings = deps.alerts
  const nowMs = deps.nowMs()
  const detected = groups.map((group) => detectedIncident(origin, group, nowMs))
  for (const incident of detected) await deps.incidents.saveIncident(incident)
  const route = await routeIncident({ repository: origin.repository, isPublic: origin.exposure.isPublic }, settings, deps.github)
  const outcomes = new Map<string, TokenOutcome>()
  if ('untrackedReason' in route) {
    for (const incident of detected) {
      await deps.incidents.saveIncident({ ...incident, untrackedReason: route.untrackedReason })
      outcomes.set(incident.fingerprint, { state: incident.state, untrackedReason: route.untrackedReason })
    }
    deps.log.warn('incident.summary-untracked', { repository: origin.repository, tokens: groups.length })
    // No issue may say it, so the team's own channel must: the flood is announced once, here (a retry finds the
    // incidents recorded as untracked and does not come back).
    const first = detected[0]
    if (first !== undefined) await deps.notify?.({ event: 'opened', incident: { ...first, untrackedReason: route.untrackedReason }, detail: `${groups.length} tokens in one push; no incident issue: ${route.untrackedReason}` })
    return outcomes
  }
  const { number } = await deps.github.openIssue(route.repository, {
    title: `${groups.length} LocalStack credentials leaked in one push to ${origin.repository}`,
    body: renderSummaryBody(origin, detected, settings),
    labels: settings.labels,
    assignees: settings.assignees,
  })
  for (const incident of detected) {
    const placed: Incident = { ...incident, issue: { repository: route.repository, number, isSummary: true } }
    const { incident: alerted } = applyEvent(placed, 'alert-sent', { actor: 'push', atMs: nowMs, note: `One of ${groups.length} tokens in one push to ${origin.repository}.` })
    await deps.incidents.saveIncident(alerted)
    outcomes.set(incident.fingerprint, outcomeFor(origin, alerted, deps))
  }
  const first = detected[0]
  if (first !== undefined) {
    const summary: Incident = { ...first, issue: { repository: route.repository, number, isSummary: true } }
    const url = issueUrl(deps.webBaseUrl, summary)
    await deps.notify?.({ event: 'opened', incident: summary, detail: `${groups.length} tokens in one push: one summary incident.`, ...(url === undefined ? {} : { issueUrl: url }) })
  }
  deps.log.info('incident.summary-opened', { repository: origin.repository, tokens: groups.length, issue: number })
  return outcomes
}

function renderSummaryBody(origin: PushOrigin, incidents: readonly Incident[], settings: AlertSettings): string {
  const listed = incidents.slice(0, MAX_LISTED_TOKENS)
  const places = incidents.reduce((sum, incident) => sum + incident.sightings.length, 0)
  const rows = listed.map((i) => `| \`${i.redacted}\` | ${KIND_NAMES[i.kind]} | ${i.sightings.length} | \`${i.fingerprint}\` |`)
  return [
    SUMMARY_MARKER,
    `One push to ${escapeMarkdown(origin.repository)}${origin.headSha === undefined ? '' : ` (${origin.headSha.slice(0, 7)})`} added **${incidents.length} distinct LocalStack credentials** in ${places} places. This is one incident for all of them, instead of one issue each.`,
    settings.team === undefined ? '' : `\ncc @${settings.team.replace(/^@/, '')}`,
    '',
    `**Severity: ${incidents.reduce((worst, i) => (rank(i.severity) > rank(worst) ? i.severity : worst), 'low' as Incident['severity'])}**.`,
    '',
    '### Tokens',
    '| token | kind | places | fingerprint |',
    '| --- | --- | --- | --- |',
    ...rows,
    incidents.length > listed.length ? `\n…and ${incidents.length - listed.length} more tokens.` : '',
    '',
    '### What to do',
    "A push of this many tokens is often test data or a dump. Rotate each real one on LocalStack's Auth Tokens page; allow fake ones by fingerprint in `.github/localstack-guard.yml` (`allow-fingerprints`). The failed check run on the commit shows the files.",
    '',
    'Commands here name one token by its fingerprint: `/localstack-guard rotate sha256:…`, `/localstack-guard resolve sha256:…` or `/localstack-guard false-positive sha256:…`.',
  ].join('\n')
}

function rank(severity: Incident['severity']): number {
  return ['low', 'medium', 'high', 'critical'].indexOf(severity)
}
