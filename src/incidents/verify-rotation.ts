import { advanceIncident } from './advance-incident.js'
import { normalizeIncident, type LeakResponseDependencies } from './leak-response.js'
import { describeTarget, type SecretsPort, type SecretTarget } from './rotation-ports.js'
import { canApply } from './transition.js'

/**
 * Manual rotation, verified by what the bot can see: an Actions secret that holds LocalStack credentials was updated
 * after the leak was detected. The bot cannot see LocalStack's side (no public API), so it says exactly what it saw.
 */
export async function verifyRotationBySecrets(
  key: { installationId: number; fingerprint: string },
  targets: readonly SecretTarget[],
  deps: LeakResponseDependencies & { secrets: SecretsPort },
): Promise<boolean> {
  const stored = await deps.incidents.findIncident(key.installationId, key.fingerprint)
  if (stored === undefined) return false
  const incident = normalizeIncident(stored)
  if (!canApply(incident.state, 'rotation-confirmed')) return false
  for (const target of targets) {
    const updatedAtMs = await deps.secrets.updatedAtMs(target)
    if (updatedAtMs === undefined || updatedAtMs <= incident.openedAtMs) continue
    const note = `The Actions secret ${describeTarget(target)} was updated at ${new Date(updatedAtMs).toISOString()}, after the leak was detected. The bot cannot see LocalStack's side: make sure the old token was reset.`
    await advanceIncident(key, { event: 'rotation-confirmed', cause: { actor: `secret update (${target.name})`, atMs: deps.nowMs(), note } }, deps)
    return true
  }
  return false
}

/** GitHub's secret-scanning alert was resolved as `revoked`: someone with the rights says the token is dead. */
export async function confirmRevokedAlert(key: { installationId: number; fingerprint: string }, who: string | undefined, deps: LeakResponseDependencies): Promise<boolean> {
  const stored = await deps.incidents.findIncident(key.installationId, key.fingerprint)
  if (stored === undefined || !canApply(normalizeIncident(stored).state, 'rotation-confirmed')) return false
  const note = `GitHub's secret-scanning alert was resolved as revoked${who === undefined ? '' : ` by ${who}`}.`
  const result = await advanceIncident(key, { event: 'rotation-confirmed', cause: { actor: 'secret scanning (revoked)', atMs: deps.nowMs(), note } }, deps)
  return result.isChanged
}
