import { get } from 'node:http'
import type { Http, JsonResponse } from '../src/ports.js'

/**
 * `Http` over node:http with a per-request bound; used for the emulator's own endpoints on 127.0.0.1. node:http, not
 * undici or fetch: it is already loaded with Node, so the Action starts faster.
 */
export const nodeHttp: Http = {
  getJson(url, { signal, timeoutMs: rawTimeoutMs }): Promise<JsonResponse> {
    const timeoutMs = Math.max(1, Math.ceil(rawTimeoutMs))
    return new Promise((resolve, reject) => {
      signal.throwIfAborted()
      const request = get(url, { signal, timeout: timeoutMs, headers: { accept: 'application/json' } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: parseJson(Buffer.concat(chunks).toString('utf8')) }))
        response.on('error', (error) => reject(describe(error, signal)))
      })
      request.on('timeout', () => request.destroy(new Error('no answer within the request timeout')))
      request.on('error', (error) => reject(describe(error, signal)))
    })
  },
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** `connect ECONNREFUSED 127.0.0.1:4566`, or the abort reason when the caller aborted. */
function describe(error: Error, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason as unknown
  return new Error(error.message, { cause: error })
}
