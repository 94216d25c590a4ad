import { redactToken } from '../tokens/redact-token.js'
import { judgeLegacyValue } from './judge-legacy-value.js'
import type { DetectionContext, RawHit } from './raw-hit.js'

/** One occurrence of a legacy name, with the line around it (bounded). Offsets are absolute in `text`. */
export interface LegacySite {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly name: string
  /** The line before the name. */
  readonly before: string
  /** The line after the name, without a trailing `\r`. */
  readonly after: string
  readonly lineStart: number
  readonly lineEnd: number
  /** `ls-api-key`: the platform header, which carries Auth Tokens too, so only a literal key there is a finding. */
  readonly isHeader: boolean
  readonly isComment: boolean
  readonly context: DetectionContext
}

/** What an occurrence gave, and up to where later names sit inside what was read (and are skipped). */
export interface Occurrence {
  readonly hit: RawHit | undefined
  readonly consumedUntil: number
}

/** Nothing here; later names on the line are read on their own. */
export function nothingAt(site: LegacySite): Occurrence {
  return { hit: undefined, consumedUntil: site.end }
}

/** The most a migration finding's expression shows. */
const MAX_EXPRESSION_CHARS = 120

export function migrationHit(site: LegacySite, expression: string): RawHit {
  const shown = expression.slice(0, MAX_EXPRESSION_CHARS)
  return { offset: site.start, category: 'migration', kind: 'legacy-key-reference', secret: shown, redacted: shown }
}

/**
 * The hit for a literal given to the legacy name at absolute `offset`: a leak for a key, a migration item for an
 * Auth Token under the legacy name (the auth-token detector reports its leak), nothing for a placeholder.
 */
export function literalHit(site: LegacySite, literal: { value: string; offset: number }): RawHit | undefined {
  const verdict = judgeLegacyValue(literal.value)
  if (verdict.type === 'key') {
    return { offset: literal.offset, category: 'leak', kind: 'legacy-key', secret: verdict.key, redacted: redactToken(verdict.key) }
  }
  if (verdict.type === 'token' && !site.isHeader) return migrationHit(site, `${site.name}=${verdict.redacted}`)
  return undefined
}
