import { createHash } from 'node:crypto'

/**
 * A token's identity: `sha256:` + the hex SHA-256 of the whole token (docs/facts.md §4, "our conventions").
 * Incidents are keyed by it and configs allow-list by it; the token cannot be recovered from it.
 */
export function fingerprintToken(token: string): string {
  return `sha256:${createHash('sha256').update(token).digest('hex')}`
}
