import { request } from 'undici'
import type { Http, JsonResponse } from '../src/ports.js'

/** `Http` over undici with a per-request bound; used for the emulator's own endpoints on 127.0.0.1. */
export const undiciHttp: Http = {
  async getJson(url, { signal, timeoutMs: rawTimeoutMs }): Promise<JsonResponse> {
    // undici and AbortSignal.timeout take whole milliseconds; a fractional bound throws.
    const timeoutMs = Math.max(1, Math.ceil(rawTimeoutMs))
    try {
      const response = await request(url, {
        method: 'GET',
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      })
      const text = await response.body.text()
      return { status: response.statusCode, body: parseJson(text) }
    } catch (error: unknown) {
      signal.throwIfAborted()
      throw new Error(describe(error), { cause: error })
    }
  },
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** `connect ECONNREFUSED 127.0.0.1:4566` rather than undici's generic wrapper text. */
function describe(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause
  if (cause instanceof Error) return cause.message
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer within the request timeout'
  return error instanceof Error ? error.message : String(error)
}
