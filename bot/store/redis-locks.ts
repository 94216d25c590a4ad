import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { LockService } from '../../src/ports.js'

/** A lock lives this long unless its holder renews it: a crashed replica blocks others briefly only. */
const LOCK_MS = 30_000
/** A waiter gives up after this long (and its job is retried): a lock is held for an alert's few writes. */
const MAX_WAIT_MS = 5 * 60_000
const RELEASE_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

/** Locks shared by every replica (the scaled mode): `SET NX PX`, renewed while held, released only by its owner. */
export class RedisLocks implements LockService {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'localstack-guard',
  ) {}

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const lockKey = `${this.prefix}:lock:${key}`
    const owner = randomUUID()
    const deadline = Date.now() + MAX_WAIT_MS
    for (let waitMs = 20; (await this.redis.set(lockKey, owner, 'PX', LOCK_MS, 'NX')) !== 'OK'; waitMs = Math.min(waitMs * 2, 500)) {
      if (Date.now() > deadline) throw new Error(`lock ${key} still held after ${MAX_WAIT_MS / 1000} s; the job will be retried`)
      await new Promise((resolve) => setTimeout(resolve, waitMs))
    }
    const renew = setInterval(() => void this.redis.pexpire(lockKey, LOCK_MS), LOCK_MS / 3)
    try {
      return await work()
    } finally {
      clearInterval(renew)
      await this.redis.eval(RELEASE_IF_OWNER, 1, lockKey, owner)
    }
  }
}
