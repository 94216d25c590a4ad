import { randomBytes } from 'node:crypto'

function supportSuffix(): string {
  const requestId = randomBytes(8).toString('hex').toUpperCase().replace(/(.{4})(.{4})(.{4})(.{4})/, '$1:$2:$3:$4')
  return `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`
}

/** GitHub's message for an exhausted primary budget (403 with `x-ratelimit-remaining: 0`). */
export function primaryLimitMessage(installationId: number): string {
  return `API rate limit exceeded for installation ID ${installationId}. ${supportSuffix()}`
}

/** GitHub's secondary-limit messages; Octokit's throttling plugin recognises them by "secondary rate". */
export function secondaryLimitMessage(kind: 'secondary-rate-limit' | 'concurrency-limit'): string {
  if (kind === 'secondary-rate-limit') {
    return `You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later. ${supportSuffix()}`
  }
  return `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ${supportSuffix()}`
}
