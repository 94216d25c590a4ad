import { redactToken } from '../tokens/redact-token.js'
import { hasValidChecksum } from '../tokens/checksum.js'
import { findReference } from './legacy-references.js'
import { lineBounds } from './line-bounds.js'
import { isLegacyPlaceholder } from './placeholders.js'
import type { DetectionContext, Detector, RawHit } from './raw-hit.js'
import { readValue, type ReadValue } from './read-value.js'

/**
 * Legacy API keys, found by context only (FACTS.md §1.4): a literal value given to `LOCALSTACK_API_KEY`,
 * `localstack_api_key`, an `ls-api-key` header or a `localstack-api-key` input. A reference to the name is a
 * migration finding; a placeholder is nothing.
 *
 * The prefilter looks for the rare tails `ck_api_key` (of `localstack_api_key`, any case, `_` or `-`) and
 * `ls-api-key`; the head `localsta` is checked only around their matches. A pattern for the common `api_key` alone
 * would stop on every `api_key` in ordinary code.
 */
const KEYWORD_LENGTH = 'ls-api-key'.length
const HEAD = 'localsta'
/** How far a line's context is read around a name: bounded, so minified lines cost no more than normal ones. */
const CONTEXT_BEFORE = 256
const CONTEXT_AFTER = 512
/** Real legacy keys are ten alphanumerics; allow some slack, but not prose or paths. */
const LITERAL_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{5,127}$/
/** Operators that give a value: `=`, `:`, `:=`, `?=`, `+=`, `::=`, `=>`; JSON and Python put a quote first. */
const OPERATOR = /^(?:\\?["'`])?\]?[ \t]*(?:::=|:=|\?=|\+=|=>|=(?!=)|:(?!:))[ \t]*/
/** Dockerfile `ENV NAME value`, Windows `setx NAME value`: whitespace is the operator. */
const SPACE_OPERATOR_BEFORE = /(?:^|\s)(?:ENV|ARG|setx)\s+$/i
const SPACE_OPERATOR = /^[ \t]+/

export const detectLegacyKeys: Detector = {
  name: 'legacy-key',
  // Case-insensitive by hand: the shared pass is case-sensitive, and an `i` flag would slow every other keyword.
  keyword: '[lL][sS]-[aA][pP][iI]-[kK][eE][yY]|[cC][kK][_-][aA][pP][iI][_-][kK][eE][yY]',
  owns: (match) => match.length === KEYWORD_LENGTH && /^(?:ls|ck)[-_]api[-_]key$/i.test(match),
  confirm({ text, index, context }) {
    const start = nameStart(text, index)
    const end = index + KEYWORD_LENGTH
    if (start === undefined || /[A-Za-z0-9_]/.test(text[end] ?? '')) return {}
    const occurrence = analyzeOccurrence(text, { start, end }, context)
    return occurrence.hit === undefined ? { skipTo: occurrence.consumedUntil } : { hit: occurrence.hit, skipTo: occurrence.consumedUntil }
  },
}

function nameStart(text: string, matchIndex: number): number | undefined {
  if ((text.charCodeAt(matchIndex) | 0x20) !== 0x63) return matchIndex // `ls-api-key`
  const start = matchIndex - HEAD.length
  return start >= 0 && text.slice(start, matchIndex).toLowerCase() === HEAD ? start : undefined
}

interface Occurrence {
  readonly hit: RawHit | undefined
  readonly consumedUntil: number
}

function analyzeOccurrence(text: string, name: { start: number; end: number }, context: DetectionContext): Occurrence {
  const { start: lineStart, end: lineEnd } = lineBounds(text, name.start, { before: CONTEXT_BEFORE, after: name.end - name.start + CONTEXT_AFTER })
  const before = text.slice(lineStart, name.start)
  const after = text.slice(name.end, lineEnd).replace(/\r$/, '')
  const nameText = text.slice(name.start, name.end)

  const reference = findReference(before, nameText, after)
  if (reference !== undefined && !reference.isAssigned) {
    return { hit: migrationHit(name.start, reference.expression), consumedUntil: name.end + reference.endAfterName }
  }
  const skip = reference?.endAfterName ?? 0
  const rest = after.slice(skip)
  const operator = OPERATOR.exec(rest) ?? (SPACE_OPERATOR_BEFORE.test(before) ? SPACE_OPERATOR.exec(rest) : null)
  if (operator === null) return kubernetesEnvEntry(text, { ...name, before, lineEnd })
  const valueStart = skip + operator[0].length
  const read = readValue(after.slice(valueStart))
  const hit = judgeValue(read, { nameStart: name.start, nameText, valueOffset: name.end + valueStart }, context)
  return { hit, consumedUntil: name.end + valueStart + read.length }
}

/** Kubernetes `- name: LOCALSTACK_API_KEY` followed by `value: …` (a literal) or `valueFrom:` (a reference). */
function kubernetesEnvEntry(text: string, name: { start: number; end: number; before: string; lineEnd: number }): Occurrence {
  const { before, lineEnd } = name
  const none = { hit: undefined, consumedUntil: name.end }
  if (!/(?:^|[\s-])name:\s*["']?$/.test(before)) return none
  if (text[lineEnd] !== '\n') return none
  const nextStart = lineEnd + 1
  const nextLine = text.slice(nextStart, lineBounds(text, nextStart, { before: 0, after: CONTEXT_AFTER }).end)
  const entry = /^\s*(value|valueFrom):[ \t]*/.exec(nextLine)
  if (entry === null) return none
  const nameText = text.slice(name.start, name.end)
  if (entry[1] === 'valueFrom') return { hit: migrationHit(name.start, `valueFrom: ${nameText}`), consumedUntil: nextStart }
  const read = readValue(nextLine.slice(entry[0].length).replace(/\r$/, ''))
  const where = { nameStart: name.start, nameText, valueOffset: nextStart + entry[0].length }
  return { hit: judgeValue(read, where, { isCode: false, isDataFile: true }), consumedUntil: nextStart }
}

interface ValuePlace {
  readonly nameStart: number
  readonly nameText: string
  /** Where the value (or its opening quote) starts: a literal leak is reported there. */
  readonly valueOffset: number
}

function judgeValue(read: ReadValue, name: ValuePlace, context: DetectionContext): RawHit | undefined {
  const value = read.value.trim()
  if (value === '') return undefined
  if (/^[$%]|\{\{/.test(value)) return migrationHit(name.nameStart, `${name.nameText}=${value}`.slice(0, 120))
  if (!read.isQuoted && context.isCode) return undefined
  const authPrefix = /^ls[a-zA-Z]*-/.exec(value)
  if (authPrefix !== null) {
    // An Auth Token under the legacy name: the auth-token detector reports the leak; this is the migration item.
    const isToken = hasValidChecksum(value.slice(authPrefix[0].length))
    return isToken ? migrationHit(name.nameStart, `${name.nameText}=${redactToken(value)}`) : undefined
  }
  if (isLegacyPlaceholder(value) || !LITERAL_KEY.test(value)) return undefined
  const offset = name.valueOffset + (read.length - read.value.length) / 2
  return { offset, category: 'leak', kind: 'legacy-key', secret: value, redacted: redactToken(value) }
}

function migrationHit(offset: number, expression: string): RawHit {
  return { offset, category: 'migration', kind: 'legacy-key-reference', secret: expression, redacted: expression }
}
