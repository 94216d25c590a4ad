import type { Incident } from '../../src/incidents/incident.js'
import type { IncidentStore, LockService, RecordStore } from '../../src/ports.js'

/** Incidents and records in memory, stored as JSON so a test sees exactly the bytes a real store would hold. */
export class InMemoryStore implements IncidentStore<Incident>, RecordStore {
  readonly rows = new Map<string, string>()

  async findIncident(installationId: number, fingerprint: string): Promise<Incident | undefined> {
    const row = this.rows.get(`incident:${installationId}:${fingerprint}`)
    return row === undefined ? undefined : (JSON.parse(row) as Incident)
  }
  async saveIncident(incident: Incident): Promise<void> {
    this.rows.set(`incident:${incident.installationId}:${incident.fingerprint}`, JSON.stringify(incident))
  }
  async getRecord<T>(namespace: string, key: string): Promise<T | undefined> {
    const row = this.rows.get(`${namespace}:${key}`)
    return row === undefined ? undefined : (JSON.parse(row) as T)
  }
  async putRecord(namespace: string, key: string, value: unknown): Promise<void> {
    this.rows.set(`${namespace}:${key}`, JSON.stringify(value))
  }
  /** Every stored byte, for redaction checks. */
  dump(): string {
    return [...this.rows.values()].join('\n')
  }
}

/** A lock that serialises work per key in one process (what LocalLocks does in the bot). */
export class InMemoryLocks implements LockService {
  private readonly tails = new Map<string, Promise<unknown>>()
  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const next = previous.then(work, work)
    this.tails.set(key, next.catch(() => undefined))
    return next
  }
}
