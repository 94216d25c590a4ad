import { hasValidChecksum } from './checksum.js'
import { parseToken } from './parse-token.js'

/** What a string given as a LocalStack credential is. */
export type TokenKind =
  /** `ls-`: a personal Developer Auth Token; cannot be used in CI. */
  | 'developer-token'
  /** `lsci-`: a CI Auth Token. */
  | 'ci-token'
  /** Another `ls<letters>-` prefix the grammar allows but no public source names. */
  | 'auth-token'
  /** Auth-token shaped but the checksum is wrong, or starts like a token but breaks the grammar. */
  | 'malformed'
  /** No `ls…-` prefix: a legacy API key, which has no format at all. */
  | 'legacy-key'

/** The result of classifying one credential; holds no part of the token. */
export interface TokenClassification {
  readonly kind: TokenKind
  /** True for a checksum-valid Auth Token and for any non-empty legacy key (which has no checksum to check). */
  readonly isValid: boolean
}

const KIND_BY_PREFIX: Readonly<Record<string, TokenKind>> = { 'ls-': 'developer-token', 'lsci-': 'ci-token' }

/** Looks like an attempt at an Auth Token: an `ls<letters>-` prefix. */
const AUTH_TOKEN_PREFIX = /^ls[a-zA-Z]*-/

/**
 * Classifies a credential offline, from its grammar and checksum alone (docs/facts.md §1.1, §1.2).
 * Surrounding whitespace and quotes are ignored, as LocalStack strips them too (docs/facts.md §2.1).
 */
export function classifyToken(raw: string): TokenClassification {
  const value = normalizeCredential(raw)
  const parsed = parseToken(value)
  if (parsed !== undefined) {
    if (!hasValidChecksum(parsed.body)) return { kind: 'malformed', isValid: false }
    return { kind: KIND_BY_PREFIX[parsed.prefix] ?? 'auth-token', isValid: true }
  }
  if (AUTH_TOKEN_PREFIX.test(value)) return { kind: 'malformed', isValid: false }
  return { kind: 'legacy-key', isValid: value.length > 0 }
}

/** Strips surrounding whitespace and one pair of matching quotes, as LocalStack's licensing client does. */
export function normalizeCredential(raw: string): string {
  const trimmed = raw.trim()
  const quoted = /^(["'])(.*)\1$/s.exec(trimmed)
  return (quoted?.[2] ?? trimmed).trim()
}
