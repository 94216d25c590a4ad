import type { LockService } from '../../src/ports.js'

/** Locks for one process (the embedded mode): a promise chain per key, so holders run one after another, in order. */
export class LocalLocks implements LockService {
  private readonly tails = new Map<string, Promise<unknown>>()

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const run = previous.then(work, work)
    const tail = run.catch(() => undefined)
    this.tails.set(key, tail)
    try {
      return await run
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    }
  }
}
