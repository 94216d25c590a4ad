import type { Redis } from 'ioredis'
import type { Incident } from '../../src/incidents/incident.js'
import type { DeliveryLedger, IncidentStore, RecordStore, ScanLedger } from '../../src/ports.js'

/** How long a delivery id is remembered: GitHub only redelivers on request, from the last 3 days of deliveries. */
const DELIVERY_MEMORY_SECONDS = 30 * 24 * 3600

/**
 * The bot's state in Redis, for the scaled mode (`REDIS_URL`): every replica sees the same deliveries, scanned
 * commits, incidents and records, so a redelivery to another replica, or the same token pushed through two, still
 * makes one incident. Keys are prefixed so one Redis can serve other tenants. Never holds a raw token.
 */
export class RedisStore implements DeliveryLedger, ScanLedger, IncidentStore<Incident>, RecordStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'localstack-guard',
  ) {}

  async claimDelivery(deliveryId: string): Promise<boolean> {
    // SET NX is atomic: of two replicas handed the same delivery, exactly one claims it.
    return (await this.redis.set(this.key('delivery', deliveryId), '1', 'EX', DELIVERY_MEMORY_SECONDS, 'NX')) === 'OK'
  }

  async scannedAmong(repositoryId: number, shas: readonly string[]): Promise<Set<string>> {
    if (shas.length === 0) return new Set()
    const flags = await this.redis.smismember(this.key('scanned', String(repositoryId)), ...shas)
    return new Set(shas.filter((_, index) => flags[index] === 1))
  }

  async markScanned(repositoryId: number, shas: readonly string[]): Promise<void> {
    if (shas.length > 0) await this.redis.sadd(this.key('scanned', String(repositoryId)), ...shas)
  }

  async findIncident(installationId: number, fingerprint: string): Promise<Incident | undefined> {
    const data = await this.redis.hget(this.key('incidents', String(installationId)), fingerprint)
    return data === null ? undefined : (JSON.parse(data) as Incident)
  }

  async saveIncident(incident: Incident): Promise<void> {
    await this.redis.hset(this.key('incidents', String(incident.installationId)), incident.fingerprint, JSON.stringify(incident))
  }

  async getRecord<T>(namespace: string, key: string): Promise<T | undefined> {
    const data = await this.redis.hget(this.key('records', namespace), key)
    return data === null ? undefined : (JSON.parse(data) as T)
  }

  async putRecord(namespace: string, key: string, value: unknown): Promise<void> {
    await this.redis.hset(this.key('records', namespace), key, JSON.stringify(value))
  }

  private key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':')
  }
}
