import type { Exposure, Incident, Sighting } from './incident.js'
import { addSightings, widerExposure } from './incident.js'
import type { LeakGroup } from './group-leaks.js'
import { incidentLockKey, issueUrl, normalizeIncident, type AlertSettings, type LeakResponseDependencies } from './leak-response.js'
import { renderIncidentBody, renderIncidentTitle, renderSightingRow, isVisibleFrom, type IssueView } from './render-incident-issue.js'
import { routeIncident } from './route-incident.js'
import { severityOf } from './severity.js'
import { applyEvent } from './transition.js'
import { openSummaryIncident, type PushOrigin } from './summary-incident.js'

/** What a push (or sweep, or alert) tells the lifecycle about one token, as the check run shows it. */
export interface TokenOutcome {
  readonly state: Incident['state']
  /** A link the check run of `origin.repository` may show: only when its readers may already read the issue's repository. */
  readonly link?: string
  /** Why no issue exists (a public repository without a private security repository). */
  readonly untrackedReason?: string
}

/** Past this many distinct new tokens in one push, one summary incident is opened instead of one issue per token. */
export const DEFAULT_SUMMARY_THRESHOLD = 10

/**
 * The sighting use case: one incident per token per installation. The first sighting opens the incident (routed so
 * no live token is pointed at in public) and alerts; a later one adds its locations and a comment; a sighting of a
 * token already rotated or resolved is recorded without a new alarm (that token is dead); a dismissed one is ignored.
 * Past `summaryThreshold` new tokens, one summary issue stands for all of them.
 */
export async function recordSightings(
  origin: PushOrigin,
  groups: readonly LeakGroup[],
  deps: LeakResponseDependencies,
): Promise<Map<string, TokenOutcome>> {
  return deps.locks.withLock(incidentLockKey(origin.installationId), async () => {
    const outcomes = new Map<string, TokenOutcome>()
    const fresh: LeakGroup[] = []
    for (const group of groups) {
      const stored = await deps.incidents.findIncident(origin.installationId, group.fingerprint)
      // Untracked (first seen in public, no security repository) and now seen in a private repository: an issue may
      // be opened there at last.
      const mayNowBeTracked = stored?.untrackedReason !== undefined && !origin.exposure.isPublic
      if (stored === undefined || (stored.issue === undefined && (stored.untrackedReason === undefined || mayNowBeTracked))) fresh.push(group)
      else outcomes.set(group.fingerprint, await addToIncident(origin, { known: normalizeIncident(stored), group }, deps))
    }
    if (fresh.length > (deps.alerts.maxIssuesPerPush ?? DEFAULT_SUMMARY_THRESHOLD)) {
      for (const [fingerprint, outcome] of await openSummaryIncident(origin, fresh, deps)) outcomes.set(fingerprint, outcome)
      return outcomes
    }
    for (const group of fresh) outcomes.set(group.fingerprint, await openIncident(origin, group, deps))
    return outcomes
  })
}

/** A new incident, before it is routed or alerted. */
export function detectedIncident(origin: PushOrigin, group: LeakGroup, nowMs: number): Incident {
  const exposure = group.sightings.reduce<Exposure>((wide, s) => widerExposure(wide, s.exposure), origin.exposure)
  return {
    installationId: origin.installationId,
    fingerprint: group.fingerprint,
    kind: group.kind,
    redacted: group.redacted,
    state: 'detected',
    sightings: group.sightings,
    exposure,
    severity: severityOf(group.kind, exposure),
    openedAtMs: nowMs,
    audit: [],
  }
}

/** The issue view of an incident (which locations its readers may see, what to watch). */
export function issueView(incident: Incident, settings: AlertSettings, webBaseUrl: string): IssueView {
  return {
    webBaseUrl,
    issueRepository: incident.issue?.repository ?? '',
    ...(settings.securityRepository === undefined ? {} : { securityRepository: settings.securityRepository }),
    ...(settings.team === undefined ? {} : { mention: `@${settings.team.replace(/^@/, '')}` }),
    watchedSecrets: settings.watchedSecrets,
  }
}

async function openIncident(origin: PushOrigin, group: LeakGroup, deps: LeakResponseDependencies): Promise<TokenOutcome> {
  const settings = deps.alerts
  const stored = await deps.incidents.findIncident(origin.installationId, group.fingerprint)
  const known = stored === undefined ? detectedIncident(origin, group, deps.nowMs()) : addSightings(normalizeIncident(stored), group.sightings).incident
  // Announced by this push before the lock (`announceNewLeaks`), or by an earlier attempt of this job: not again.
  const wasAnnounced = known.announcedAtMs !== undefined || deps.announced?.has(group.fingerprint) === true
  // Saved before the issue exists, so a crash in between leaves a record that the retry completes.
  let detected: Incident = wasAnnounced && known.announcedAtMs === undefined ? { ...known, announcedAtMs: deps.nowMs() } : known
  await deps.incidents.saveIncident(detected)
  const route = await routeIncident({ repository: origin.repository, isPublic: origin.exposure.isPublic }, settings, deps.github)
  if ('untrackedReason' in route) {
    const untracked: Incident = { ...detected, untrackedReason: route.untrackedReason }
    await deps.incidents.saveIncident(untracked)
    deps.log.warn('incident.untracked', { fingerprint: group.fingerprint, repository: origin.repository, severity: untracked.severity })
    if (!wasAnnounced) await announce(untracked, `No incident issue: ${route.untrackedReason}`, deps)
    return { state: untracked.state, untrackedReason: route.untrackedReason }
  }
  // The outbound alert goes first: GitHub paces issue creation (80 writes a minute), the team's own channel is not.
  if (!wasAnnounced) detected = await announce(detected, `The incident issue is being opened in ${route.repository}.`, deps)
  // The issue is rendered as it will be once opened (alerted, with that entry in its history): one write, not two.
  const placed: Incident = { ...withoutUntrackedReason(detected), issue: { repository: route.repository, number: 0 } }
  const { incident: willBeAlerted } = applyEvent(placed, 'alert-sent', { actor: 'push', atMs: deps.nowMs(), note: `Seen in ${origin.repository}.` })
  const { number } = await deps.github.openIssue(route.repository, {
    title: renderIncidentTitle(detected),
    body: renderIncidentBody(willBeAlerted, issueView(willBeAlerted, settings, deps.webBaseUrl)),
    labels: settings.labels,
    assignees: settings.assignees,
  })
  const alerted: Incident = { ...willBeAlerted, issue: { repository: route.repository, number } }
  await deps.incidents.saveIncident(alerted)
  deps.log.info('incident.opened', { fingerprint: group.fingerprint, kind: group.kind, severity: alerted.severity, repository: origin.repository, issue: number })
  return outcomeFor(origin, alerted, deps)
}

/** The incident without the reason it had no issue: it is about to have one. */
function withoutUntrackedReason(incident: Incident): Incident {
  const copy: { -readonly [K in keyof Incident]?: Incident[K] } = { ...incident }
  delete copy.untrackedReason
  return copy as Incident
}

/** Sends the `opened` alert (when one is configured) and records that it went out, before anything else can fail. */
async function announce(incident: Incident, detail: string, deps: LeakResponseDependencies): Promise<Incident> {
  if (deps.notify === undefined) return incident
  await deps.notify({ event: 'opened', incident, detail })
  const announced: Incident = { ...incident, announcedAtMs: deps.nowMs() }
  await deps.incidents.saveIncident(announced)
  return announced
}

async function addToIncident(origin: PushOrigin, seen: { known: Incident; group: LeakGroup }, deps: LeakResponseDependencies): Promise<TokenOutcome> {
  const settings = deps.alerts
  const { known, group } = seen
  if (known.state === 'dismissed') return { state: 'dismissed' }
  const { incident, added } = addSightings(known, group.sightings)
  if (added.length === 0) return outcomeFor(origin, known, deps)
  const updated: Incident = { ...incident, severity: severityOf(incident.kind, incident.exposure) }
  await deps.incidents.saveIncident(updated)
  if (updated.issue !== undefined && !updated.issue.isSummary) {
    const view = issueView(updated, settings, deps.webBaseUrl)
    await deps.github.updateIssue(updated.issue.repository, updated.issue.number, { body: renderIncidentBody(updated, view) })
    await deps.github.comment(updated.issue.repository, updated.issue.number, renderSightingComment(updated, added, view))
  }
  deps.log.info('incident.sighted', { fingerprint: group.fingerprint, added: added.length, state: updated.state })
  return outcomeFor(origin, updated, deps)
}

function renderSightingComment(incident: Incident, added: readonly Sighting[], view: IssueView): string {
  const visible = added.filter((s) => isVisibleFrom(s, view))
  const isDead = incident.state === 'rotated' || incident.state === 'resolved'
  const lead = isDead
    ? `Seen again in ${added.length} more place${added.length === 1 ? '' : 's'}. This token was already rotated, so it is dead: recorded here, no new alarm.`
    : `Seen in ${added.length} more place${added.length === 1 ? '' : 's'}. It is still live until it is rotated.`
  const rows = visible.length === 0 ? [] : ['', '| location | commit | ref | pushed by |', '| --- | --- | --- | --- |', ...visible.map((s) => renderSightingRow(s, view.webBaseUrl))]
  const hidden = added.length - visible.length
  return [lead, ...rows, hidden > 0 ? `\n${hidden} of them in repositories whose readers may differ from this one's; not listed here.` : ''].join('\n').trim()
}

/** What the check run of the pushed repository may say about one token. */
export function outcomeFor(origin: Pick<PushOrigin, 'repository' | 'exposure'>, incident: Incident, deps: Pick<LeakResponseDependencies, 'alerts' | 'webBaseUrl'>): TokenOutcome {
  const { alerts: settings, webBaseUrl } = deps
  const base = { state: incident.state, ...(incident.untrackedReason === undefined ? {} : { untrackedReason: incident.untrackedReason }) }
  const issueRepository = incident.issue?.repository
  if (issueRepository === undefined) return base
  // A public repository's check run never links to an incident: the issue names the locations of a live token.
  const isSameRepository = issueRepository.toLowerCase() === origin.repository.toLowerCase()
  const isSecurity = settings.securityRepository !== undefined && issueRepository.toLowerCase() === settings.securityRepository.toLowerCase()
  if (origin.exposure.isPublic || !(isSameRepository || isSecurity)) return base
  const url = issueUrl(webBaseUrl, incident)
  return url === undefined ? base : { ...base, link: url }
}

/**
 * Sends the `opened` alert of every token not seen before, outside the installation's incident lock and before any
 * GitHub write: under a burst, issue creation waits for GitHub's content budget (and other pushes wait on the lock),
 * while the team's own channel need not. Two pushes racing on one new token may both announce it; the alert's
 * idempotency key is the same for both, so a receiver that honours it shows one. Returns the announced fingerprints.
 */
export async function announceNewLeaks(origin: PushOrigin, groups: readonly LeakGroup[], deps: LeakResponseDependencies): Promise<Set<string>> {
  const announced = new Set<string>()
  // A flood becomes one summary incident, announced once by `openSummaryIncident`, not one alert per token.
  if (deps.notify === undefined || groups.length > (deps.alerts.maxIssuesPerPush ?? DEFAULT_SUMMARY_THRESHOLD)) return announced
  for (const group of groups) {
    if ((await deps.incidents.findIncident(origin.installationId, group.fingerprint)) !== undefined) continue
    const incident = detectedIncident(origin, group, deps.nowMs())
    const route = await routeIncident({ repository: origin.repository, isPublic: origin.exposure.isPublic }, deps.alerts, deps.github)
    const detail = 'untrackedReason' in route ? `No incident issue: ${route.untrackedReason}` : `The incident issue is being opened in ${route.repository}.`
    await deps.notify({ event: 'opened', incident, detail })
    announced.add(group.fingerprint)
  }
  return announced
}
