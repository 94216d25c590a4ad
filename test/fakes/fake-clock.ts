import type { Clock } from '../../src/ports.js'

/**
 * A clock whose `sleep` advances `now` instead of waiting (docs/style.md §3). After advancing it yields one macrotask, so
 * every promise the new time settles (a scripted container exit, say) runs before the sleeper continues.
 */
export class FakeClock implements Clock {
  private nowMs: number
  private readonly listeners = new Set<(nowMs: number) => void>()
  /** Every duration passed to `sleep`, in order: tests assert the polling schedule with it. */
  readonly sleeps: number[] = []

  constructor(startMs = 1_000_000) {
    this.nowMs = startMs
  }

  now(): number {
    return this.nowMs
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    this.sleeps.push(ms)
    this.advance(ms)
    await new Promise((resolve) => setImmediate(resolve))
    signal?.throwIfAborted()
  }

  advance(ms: number): void {
    this.nowMs += ms
    for (const listener of [...this.listeners]) listener(this.nowMs)
  }

  /** Resolves once `now()` reaches `atMs` (immediately if it already has). */
  until(atMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (nowMs: number): void => {
        if (nowMs < atMs) return
        this.listeners.delete(check)
        resolve()
      }
      signal?.addEventListener('abort', () => {
        this.listeners.delete(check)
        reject(signal.reason)
      })
      this.listeners.add(check)
      check(this.nowMs)
    })
  }
}
