// Figures from what the fake GitHub recorded, and how the benchmark prints them.
import type { RecordedRequest } from '../fakes/fake-github/index.js'

export const TOKEN_EXCHANGE = 'POST /app/installations/{installation_id}/access_tokens'
const CREATE_CHECK_RUN = 'POST /repos/{owner}/{repo}/check-runs'
const CREATE_ISSUE = 'POST /repos/{owner}/{repo}/issues'

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((sum, v) => sum + v, 0) / values.length
}

export function ms(value: number): string {
  if (Number.isNaN(value)) return 'n/a'
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`
}

/** `label ........ value   (goal: ...)`: the figure and the goal side by side. */
export function line(label: string, value: string, goal?: string): void {
  const text = `  ${label.padEnd(44)} ${value}`
  console.log(goal === undefined ? text : `${text.padEnd(84)} goal: ${goal}`)
}

export function verdict(isMet: boolean): string {
  return isMet ? 'met' : 'MISSED'
}

/** An API call the bot made with its installation token (the token exchange itself is counted apart). */
export function isApiCall(request: RecordedRequest): boolean {
  return request.operation !== TOKEN_EXCHANGE
}

/** A request that creates or changes content (what GitHub's content-creation budget counts). */
export function isWrite(request: RecordedRequest): boolean {
  return request.method !== 'GET' && request.method !== 'HEAD' && request.operation !== TOKEN_EXCHANGE
}

function headShaOf(request: RecordedRequest): string | undefined {
  try {
    return (JSON.parse(request.body) as { head_sha?: string }).head_sha
  } catch {
    return undefined
  }
}

/** When each head commit got its first accepted check run (`atMs`, the fake's clock). */
export function checkRunTimes(requests: readonly RecordedRequest[]): Map<string, number> {
  const times = new Map<string, number>()
  for (const request of requests) {
    if (request.operation !== CREATE_CHECK_RUN || request.status !== 201) continue
    const sha = headShaOf(request)
    if (sha !== undefined && !times.has(sha)) times.set(sha, request.atMs)
  }
  return times
}

/** Issues the bot opened (accepted requests). */
export function openedIssues(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.operation === CREATE_ISSUE && request.status === 201)
}

/** When the bot first asked about a commit (its path names the sha): the job left the queue just before. */
export function firstTouchTimes(requests: readonly RecordedRequest[], shas: readonly string[]): Map<string, number> {
  const wanted = new Set(shas)
  const times = new Map<string, number>()
  for (const request of requests) {
    for (const match of request.path.matchAll(/[0-9a-f]{40}/g)) {
      if (wanted.has(match[0]) && !times.has(match[0])) times.set(match[0], request.atMs)
    }
  }
  return times
}

/** Counts by OpenAPI operation, most frequent first, e.g. `12 x GET /repos/{owner}/{repo}/commits/{ref}`. */
export function operationCounts(requests: readonly RecordedRequest[]): string[] {
  const counts = new Map<string, number>()
  for (const request of requests) {
    const key = request.operation ?? `${request.method} ${request.path}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([operation, count]) => `${count} x ${operation}`)
}

/** Raw tokens found in any request body or query the bot sent, or in anything it printed. */
export function leakedTokens(tokens: readonly string[], requests: readonly RecordedRequest[], output: string): number {
  const sent = requests.map((request) => `${request.path} ${JSON.stringify(request.query)} ${request.body}`).join('\n')
  return tokens.filter((token) => sent.includes(token) || output.includes(token)).length
}
