import { hasValidChecksum } from '../tokens/checksum.js'
import { classifyToken } from '../tokens/classify-token.js'
import { redactToken } from '../tokens/redact-token.js'
import { createTokenScanPattern, SCANNING_TOKEN_SOURCE } from '../tokens/token-grammar.js'
import type { FindingKind } from './finding.js'
import type { Detector, RawHit } from './raw-hit.js'

/**
 * Auth Tokens anywhere, in any file type: the grammar, then the checksum (docs/facts.md §1.7: no entropy, no word list).
 * No left boundary is required, so `\nls-…` inside a JSON string and `set-token ls-…` are found; anything failing
 * the checksum (every auth-token-shaped placeholder) is dropped here. The keyword is the whole token grammar, so
 * the shared pass already delivers complete candidates.
 */
export const detectAuthTokens: Detector = {
  name: 'auth-token',
  keyword: SCANNING_TOKEN_SOURCE,
  owns: (match) => match.length > 'ls-api-key'.length && match.startsWith('ls'),
  confirm({ index, match }) {
    return isChecksumValid(match) ? { hit: authTokenHit(index, match) } : {}
  },
}

/**
 * Verdicts on recent candidates: a file that repeats one token-shaped string (130,000 decoys) computes its md5 once.
 * A pure function's memo, bounded so a file of distinct candidates costs what it did.
 */
const checksumVerdicts = new Map<string, boolean>()
const MAX_REMEMBERED_VERDICTS = 256

function isChecksumValid(token: string): boolean {
  const known = checksumVerdicts.get(token)
  if (known !== undefined) return known
  const verdict = hasValidChecksum(token.slice(token.indexOf('-') + 1))
  if (checksumVerdicts.size >= MAX_REMEMBERED_VERDICTS) checksumVerdicts.clear()
  checksumVerdicts.set(token, verdict)
  return verdict
}

/** Checksum-valid tokens starting in `[from, to)` of `text` (for decoded text, outside the shared pass). */
export function findAuthTokens(text: string, from: number, to: number): { offset: number; token: string }[] {
  const pattern = createTokenScanPattern()
  pattern.lastIndex = from
  const found: { offset: number; token: string }[] = []
  for (let match = pattern.exec(text); match !== null && match.index < to; match = pattern.exec(text)) {
    if (isChecksumValid(match[0])) found.push({ offset: match.index, token: match[0] })
  }
  return found
}

/** The hit for a checksum-valid token found at `offset`. */
export function authTokenHit(offset: number, token: string): RawHit {
  const kind = classifyToken(token).kind as FindingKind
  return { offset, category: 'leak', kind, secret: token, redacted: redactToken(token) }
}
