import type { Incident, RotationRecord } from './incident.js'
import { advanceIncident } from './advance-incident.js'
import { refuseNewToken } from './check-new-token.js'
import { incidentLockKey, issueUrl, normalizeIncident, type LeakResponseDependencies } from './leak-response.js'
import { describePropagation, propagateToken } from './propagate-token.js'
import { AUTH_TOKENS_PAGE } from './render-incident-issue.js'
import type { LeakedTokenSource, RotationService, SecretsPort, SecretTarget } from './rotation-ports.js'
import { canApply } from './transition.js'

/** How rotation is configured for an incident. */
export interface RotationSettings {
  readonly provider: 'manual' | 'webhook'
  readonly isDryRun: boolean
  readonly sendsToken: boolean
  /** Where the new token goes (and whose updates confirm a manual rotation). */
  readonly targets: readonly SecretTarget[]
  /** The bot's callback endpoint, for services that answer 202. */
  readonly callbackUrl?: string
}

/** The ports rotation needs beyond the lifecycle's. */
export interface RotationDependencies extends LeakResponseDependencies {
  readonly rotation: RotationSettings
  readonly rotationService?: RotationService
  readonly secrets: SecretsPort
  readonly tokenSource?: LeakedTokenSource
}

type Key = { installationId: number; fingerprint: string }

/** The outcome of a rotation request, for the command's answer. */
export type RotationStart = 'requested' | 'already-requested' | 'not-applicable' | 'unknown-incident'

/**
 * Requests rotation, once per fingerprint: manual (the incident says what to do, with the deep link) or through the
 * organisation's service. The claim is made under the installation's lock, so two commands or two replicas never ask
 * twice; a failed or dry-run attempt may be asked again.
 */
export async function requestRotation(key: Key, actor: string, deps: RotationDependencies): Promise<RotationStart> {
  const { rotation } = deps
  const claimed = await claimRotation(key, rotation, deps)
  if (typeof claimed === 'string') return claimed
  const atMs = deps.nowMs()
  const service = deps.rotationService
  if (rotation.provider === 'manual' || service === undefined) {
    await advanceIncident(key, { event: 'rotation-requested', cause: { actor, atMs, note: `Manual rotation: reset the token on LocalStack's Auth Tokens page (${AUTH_TOKENS_PAGE}), then update ${targetNames(rotation)}.` } }, deps)
    return 'requested'
  }
  const note = rotation.isDryRun ? 'Dry run: the rotation service is asked with dryRun: true; nothing will be written.' : 'Asked the organisation\'s rotation service.'
  await advanceIncident(key, { event: 'rotation-requested', cause: { actor, atMs, note } }, deps)
  await askService(key, { incident: claimed, service }, deps)
  return 'requested'
}

/** One request to the organisation's service (the adapter retries); its answer decides what happens next. */
async function askService(key: Key, asked: { incident: Incident; service: RotationService }, deps: RotationDependencies): Promise<void> {
  const { rotation } = deps
  const claimed = asked.incident
  const token = rotation.sendsToken && !rotation.isDryRun ? await readLeakedToken(claimed, deps) : undefined
  const url = issueUrl(deps.webBaseUrl, claimed)
  const answer = await asked.service.request({
    incidentId: `${key.installationId}:${key.fingerprint}`,
    fingerprint: key.fingerprint,
    kind: claimed.kind,
    redacted: claimed.redacted,
    repository: claimed.sightings[0]?.repository ?? '',
    ...(url === undefined ? {} : { issueUrl: url }),
    ...(rotation.callbackUrl === undefined ? {} : { callbackUrl: rotation.callbackUrl }),
    ...(token === undefined ? {} : { token }),
  })
  if (answer.kind === 'rotated') await completeRotation(key, { newToken: answer.newToken, via: 'rotation service' }, deps)
  else if (answer.kind === 'accepted') await recordRotation(key, { status: 'accepted', note: 'The rotation service accepted the request (202) and will call back.' }, deps)
  else await failRotation(key, answer.reason, deps)
}

async function claimRotation(key: Key, rotation: RotationSettings, deps: RotationDependencies): Promise<Incident | Exclude<RotationStart, 'requested'>> {
  return deps.locks.withLock(incidentLockKey(key.installationId), async () => {
    const stored = await deps.incidents.findIncident(key.installationId, key.fingerprint)
    if (stored === undefined) return 'unknown-incident'
    const incident = normalizeIncident(stored)
    const status = incident.rotation?.status
    if (status === 'pending' || status === 'accepted' || status === 'done') return 'already-requested'
    if (!canApply(incident.state, 'rotation-requested') && incident.state !== 'rotation-requested') return 'not-applicable'
    const record: RotationRecord = { status: rotation.provider === 'webhook' && rotation.isDryRun ? 'dry-run' : 'pending', attempts: (incident.rotation?.attempts ?? 0) + 1, requestedAtMs: deps.nowMs() }
    const claimed = { ...incident, rotation: record }
    await deps.incidents.saveIncident(claimed)
    return claimed
  })
}

/**
 * A new token arrived (the service's answer, or its signed callback): checked, then written to every target (nothing
 * in dry-run), then the incident moves to rotated. A refused token or a failure everywhere is a failed rotation.
 */
export async function completeRotation(key: Key, arrival: { newToken: string; via: string }, deps: RotationDependencies): Promise<'rotated' | 'refused' | 'failed' | 'dry-run'> {
  const refusal = refuseNewToken(arrival.newToken, key.fingerprint)
  if (refusal !== undefined) {
    await failRotation(key, `${refusal}. Nothing was written`, deps)
    return 'refused'
  }
  const results = await propagateToken(arrival.newToken, { targets: deps.rotation.targets, isDryRun: deps.rotation.isDryRun, secrets: deps.secrets })
  const report = describePropagation(results)
  if (deps.rotation.isDryRun) {
    await recordRotation(key, { status: 'dry-run', note: `Dry run: the ${arrival.via} answered with a well-formed new CI Auth Token.\n${report}` }, deps)
    return 'dry-run'
  }
  if (results.length > 0 && results.every((r) => r.outcome === 'failed')) {
    await failRotation(key, `the new token could not be written anywhere:\n${report}`, deps)
    return 'failed'
  }
  await recordRotation(key, { status: 'done' }, deps)
  await advanceIncident(key, { event: 'rotation-confirmed', cause: { actor: arrival.via, atMs: deps.nowMs(), note: `New token in place.\n${report}` } }, deps)
  return 'rotated'
}

/** A failed rotation: recorded, commented, and told to the outbound alert (the incident stays where it is). */
export async function failRotation(key: Key, reason: string, deps: RotationDependencies): Promise<void> {
  const incident = await recordRotation(key, { status: 'failed', note: `Rotation failed: ${reason}. Rotate manually on LocalStack's Auth Tokens page, or comment /localstack-guard rotate to try again.` }, deps)
  deps.log.warn('rotation.failed', { fingerprint: key.fingerprint })
  if (incident !== undefined) await deps.notify?.({ event: 'failed', incident, detail: `Rotation failed: ${reason}.` })
}

/** Saves the rotation's status and, when there is a note, comments it on the issue. */
async function recordRotation(key: Key, change: { status: RotationRecord['status']; note?: string }, deps: RotationDependencies): Promise<Incident | undefined> {
  const { status } = change
  return deps.locks.withLock(incidentLockKey(key.installationId), async () => {
    const stored = await deps.incidents.findIncident(key.installationId, key.fingerprint)
    if (stored === undefined) return undefined
    const incident = normalizeIncident(stored)
    const updated: Incident = { ...incident, rotation: { attempts: 1, requestedAtMs: deps.nowMs(), ...incident.rotation, status } }
    await deps.incidents.saveIncident(updated)
    if (change.note !== undefined && updated.issue !== undefined) await deps.github.comment(updated.issue.repository, updated.issue.number, change.note)
    return updated
  })
}

async function readLeakedToken(incident: Incident, deps: RotationDependencies): Promise<string | undefined> {
  for (const sighting of incident.sightings.slice(0, 5)) {
    const token = await deps.tokenSource?.readToken(sighting, incident.fingerprint)
    if (token !== undefined) return token
  }
  return undefined
}

function targetNames(rotation: RotationSettings): string {
  const names = [...new Set(rotation.targets.map((t) => t.name))]
  return names.length === 0 ? 'the Actions secret that holds it' : names.map((n) => `\`${n}\``).join(', ')
}
