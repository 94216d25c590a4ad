import { readExpression } from './expression-literals.js'
import { isInComment } from './legacy-comments.js'
import { findReference } from './legacy-references.js'
import { analyzeWithoutOperator } from './legacy-no-operator.js'
import { analyzeValue, findOperator, type LegacySite, type Occurrence } from './legacy-values.js'
import { readLegacyReference } from './legacy-reference-values.js'
import { migrationHit } from './legacy-site.js'
import { lineBounds } from './line-bounds.js'
import type { DetectionContext, Detector } from './raw-hit.js'

/**
 * Legacy API keys, found by context only (they have no format): a literal value given to `LOCALSTACK_API_KEY` (in any of
 * its spellings: `localstack_api_key`, `localstack-api-key`, `localstack.api.key`, `localstackApiKey`,
 * `LocalstackApiKey`), or an `ls-api-key` header. A reference to the name is a migration finding; a placeholder is
 * nothing. See README.md, "What it finds", for the contexts.
 *
 * The prefilter looks for the rare tails `ck_api_key` (of `localstack_api_key`, any case, with `_`, `-`, `.` or no
 * separator) and `ls-api-key`; the head `localsta` is checked only around their matches. A pattern for the common
 * `api_key` alone would stop on every `api_key` in ordinary code.
 */
const HEAD = 'localsta'
/** How far a line's context is read around a name: bounded, so minified lines cost no more than normal ones. */
const CONTEXT_BEFORE = 256
const CONTEXT_AFTER = 512

export const detectLegacyKeys: Detector = {
  name: 'legacy-key',
  // Case-insensitive by hand: the shared pass is case-sensitive, and an `i` flag would slow every other keyword.
  keyword: '[lL][sS]-[aA][pP][iI]-[kK][eE][yY]|[cC][kK][._-]?[aA][pP][iI][._-]?[kK][eE][yY]',
  owns: (match) => /^(?:ls-api-key|ck[._-]?api[._-]?key)$/i.test(match),
  confirm({ text, index, match, context }) {
    const start = nameStart(text, index)
    const end = index + match.length
    if (start === undefined || /[A-Za-z0-9_]/.test(text[end] ?? '')) return {}
    const occurrence = analyzeOccurrence(readSite(text, { start, end }, context))
    return occurrence.hit === undefined ? { skipTo: occurrence.consumedUntil } : { hit: occurrence.hit, skipTo: occurrence.consumedUntil }
  },
}

function nameStart(text: string, matchIndex: number): number | undefined {
  if ((text.charCodeAt(matchIndex) | 0x20) !== 0x63) return matchIndex // `ls-api-key`
  const start = matchIndex - HEAD.length
  return start >= 0 && text.slice(start, matchIndex).toLowerCase() === HEAD ? start : undefined
}

function readSite(text: string, name: { start: number; end: number }, context: DetectionContext): LegacySite {
  const line = lineBounds(text, name.start, { before: CONTEXT_BEFORE, after: name.end - name.start + CONTEXT_AFTER })
  const before = text.slice(line.start, name.start)
  const isComment = isInComment(before)
  return {
    text,
    start: name.start,
    end: name.end,
    name: text.slice(name.start, name.end),
    before,
    after: text.slice(name.end, line.end).replace(/\r$/, ''),
    lineStart: line.start,
    lineEnd: line.end,
    isHeader: name.end - name.start === 'ls-api-key'.length && /^ls-/i.test(text.slice(name.start, name.end)),
    isComment,
    // In a comment, program source is text: an unquoted value there is a literal.
    context: isComment ? { ...context, isCode: false } : context,
  }
}

function analyzeOccurrence(site: LegacySite): Occurrence {
  const reference = findReference(site.before, site.name, site.after)
  if (reference !== undefined && !reference.isAssigned) return readLegacyReference(site, reference)
  const operator = findOperator(site, reference?.endAfterName ?? 0)
  if (operator === undefined) return analyzeWithoutOperator(site)
  const occurrence = analyzeValue(site, operator)
  // `os.environ["LOCALSTACK_API_KEY"] = api_key`, `$env:LOCALSTACK_API_KEY = $key`: the program sets the legacy variable.
  if (reference === undefined || occurrence.hit !== undefined || site.isHeader) return occurrence
  return { hit: migrationHit(site, readExpression(reference.expression, { hasQuotedValues: false }).redacted), consumedUntil: occurrence.consumedUntil }
}
