import type { DatabaseSync } from 'node:sqlite'
import type { Incident } from '../../src/incidents/incident.js'
import type { DeliveryLedger, IncidentStore, RecordStore, ScanLedger } from '../../src/ports.js'

/** The bot's state in SQLite: deliveries, scanned commits, incidents and small records. Never holds a raw token. */
export class SqliteStore implements DeliveryLedger, ScanLedger, IncidentStore<Incident>, RecordStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async claimDelivery(deliveryId: string): Promise<boolean> {
    const result = this.db.prepare('INSERT OR IGNORE INTO deliveries (id, received_at_ms) VALUES (?, ?)').run(deliveryId, this.nowMs())
    return result.changes === 1
  }

  async scannedAmong(repositoryId: number, shas: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>()
    const query = this.db.prepare('SELECT 1 FROM scanned_commits WHERE repository_id = ? AND sha = ?')
    for (const sha of shas) if (query.get(repositoryId, sha) !== undefined) found.add(sha)
    return found
  }

  async markScanned(repositoryId: number, shas: readonly string[]): Promise<void> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO scanned_commits (repository_id, sha) VALUES (?, ?)')
    this.inTransaction(() => shas.forEach((sha) => insert.run(repositoryId, sha)))
  }

  async findIncident(installationId: number, fingerprint: string): Promise<Incident | undefined> {
    const row = this.db.prepare('SELECT data FROM incidents WHERE installation_id = ? AND fingerprint = ?').get(installationId, fingerprint)
    return row === undefined ? undefined : (JSON.parse(String(row.data)) as Incident)
  }

  async saveIncident(incident: Incident): Promise<void> {
    this.db
      .prepare('INSERT INTO incidents (installation_id, fingerprint, data) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data')
      .run(incident.installationId, incident.fingerprint, JSON.stringify(incident))
  }

  async getRecord<T>(namespace: string, key: string): Promise<T | undefined> {
    const row = this.db.prepare('SELECT data FROM records WHERE namespace = ? AND key = ?').get(namespace, key)
    return row === undefined ? undefined : (JSON.parse(String(row.data)) as T)
  }

  async putRecord(namespace: string, key: string, value: unknown): Promise<void> {
    this.db
      .prepare('INSERT INTO records (namespace, key, data) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data')
      .run(namespace, key, JSON.stringify(value))
  }

  private inTransaction(work: () => void): void {
    this.db.exec('BEGIN')
    try {
      work()
      this.db.exec('COMMIT')
    } catch (error: unknown) {
      this.db.exec('ROLLBACK')
      throw error
    }
  }
}
