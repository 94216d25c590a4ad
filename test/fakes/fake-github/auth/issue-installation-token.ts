import { randomBytes } from 'node:crypto'
import type { World } from '../state/world.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const TOKEN_LIFETIME_MS = 60 * 60 * 1000

/**
 * Issues an installation access token: random at run time (no token literal anywhere), with GitHub's `ghs_` prefix
 * and one-hour expiry. Expiry is reported but not enforced: Octokit caches tokens by the wall clock while tests move
 * the fake's clock, and refusing a token Octokit still trusts would test the fake, not the app.
 */
export function issueInstallationToken(world: World, installationId: number): { token: string; expiresAt: Date } {
  const bytes = randomBytes(36)
  const token = `ghs_${[...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('')}`
  const expiresAt = new Date(world.now() + TOKEN_LIFETIME_MS)
  world.tokens.set(token, { installationId, expiresAt })
  return { token, expiresAt }
}
