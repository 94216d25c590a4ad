/**
 * The narrow interfaces the core needs from the outside world (DESIGN.md, STYLE.md §3).
 * Adapters live in the front end that wires them; fakes live in `test/fakes/`.
 */

/** Time, injected so waits are testable without real sleeps. */
export interface Clock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** Structured logging: `event` is a domain event name such as `scan.completed`; fields never hold a raw token. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void
  info(event: string, fields?: Record<string, unknown>): void
  warn(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}
