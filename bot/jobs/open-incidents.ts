import { incidentLockKey } from '../../src/incidents/leak-response.js'
import type { LockService, RecordStore } from '../../src/ports.js'

const NAMESPACE = 'open-incidents'

/** The fingerprints of an installation's incidents that may still move (watched for rotation and escalation). */
export async function openIncidents(records: RecordStore, installationId: number): Promise<string[]> {
  return (await records.getRecord<string[]>(NAMESPACE, String(installationId))) ?? []
}

/** Adds and removes fingerprints, under the installation's incident lock (replicas share it). */
export async function updateOpenIncidents(deps: { records: RecordStore; locks: LockService }, installationId: number, change: { add?: readonly string[]; remove?: readonly string[] }): Promise<void> {
  if ((change.add?.length ?? 0) === 0 && (change.remove?.length ?? 0) === 0) return
  await deps.locks.withLock(incidentLockKey(installationId), async () => {
    const known = new Set(await openIncidents(deps.records, installationId))
    for (const fingerprint of change.add ?? []) known.add(fingerprint)
    for (const fingerprint of change.remove ?? []) known.delete(fingerprint)
    await deps.records.putRecord(NAMESPACE, String(installationId), [...known])
  })
}
