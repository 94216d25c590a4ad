/**
 * Reads how long GitHub asked to wait from a failed request (`retry-after`, or the primary limit's reset time), so a
 * failed job is retried when GitHub will accept it rather than on a fixed schedule (docs/facts.md §5).
 */
export function withRetryHint(error: unknown, nowMs: number): unknown {
  const response = (error as { status?: number; response?: { headers?: Record<string, string | undefined> } }).response
  const headers = response?.headers ?? {}
  const retryAfterSeconds = Number(headers['retry-after'])
  if (Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0) return Object.assign(error as object, { retryAfterMs: retryAfterSeconds * 1000 })
  const resetSeconds = Number(headers['x-ratelimit-reset'])
  if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(resetSeconds)) {
    return Object.assign(error as object, { retryAfterMs: Math.max(1000, resetSeconds * 1000 - nowMs) })
  }
  return error
}
