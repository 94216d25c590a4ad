import type { GitHubClient } from '../github/types.js'
import type { GuardMetrics } from './guard-metrics.js'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Counts every response an installation client gets, its rate-limit headroom, and its writes. */
export function instrumentOctokit(octokit: GitHubClient, installationId: number, metrics: GuardMetrics): GitHubClient {
  const installation = String(installationId)
  const record = (method: string | undefined, status: number, headers: Record<string, unknown> | undefined) => {
    metrics.apiCalls.inc({ installation, status })
    const remaining = Number(headers?.['x-ratelimit-remaining'])
    if (Number.isFinite(remaining) && headers?.['x-ratelimit-remaining'] !== undefined) metrics.rateLimitRemaining.set({ installation }, remaining)
    if (WRITE_METHODS.has((method ?? 'GET').toUpperCase())) metrics.writesPaced.inc({ installation })
  }
  octokit.hook.after('request', (response, options) => record(options.method, response.status, response.headers as Record<string, unknown>))
  octokit.hook.error('request', (error, options) => {
    const failed = error as { status?: number; response?: { headers?: Record<string, unknown> } }
    record(options.method, failed.status ?? 0, failed.response?.headers)
    throw error
  })
  return octokit
}
