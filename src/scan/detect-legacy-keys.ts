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
 * The prefilter is the cheap, case-insensitive tail `api[_-]key`; the head (`localstack_`, `localstack-`, `ls-`) is
 * checked only around its rare matches, which keeps the pass near memchr speed.
 */
const KEYWORD_TAIL = /api[_-]key/gi
const HEADS = ['localstack_', 'localstack-', 'ls-']
const TAIL_LENGTH = 'api_key'.length
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
  detect(text, from, to, context) {
    const hits: RawHit[] = []
    let consumedUntil = from
    KEYWORD_TAIL.lastIndex = from
    for (let match = KEYWORD_TAIL.exec(text); match !== null; match = KEYWORD_TAIL.exec(text)) {
      if (match.index - HEADS[0]!.length >= to) break
      const start = headStart(text, match.index)
      if (start === undefined || start < consumedUntil) continue
      if (start >= to) break
      const end = match.index + TAIL_LENGTH
      if (/[A-Za-z0-9_]/.test(text[end] ?? '')) continue
      const occurrence = analyzeOccurrence(text, { start, end }, context)
      if (occurrence.hit !== undefined) hits.push(occurrence.hit)
      consumedUntil = Math.max(end, occurrence.consumedUntil)
    }
    return hits
  },
}

function headStart(text: string, tailIndex: number): number | undefined {
  for (const head of HEADS) {
    const start = tailIndex - head.length
    if (start >= 0 && text.slice(start, tailIndex).toLowerCase() === head) return start
  }
  return undefined
}

interface Occurrence {
  readonly hit: RawHit | undefined
  readonly consumedUntil: number
}

function analyzeOccurrence(text: string, name: { start: number; end: number }, context: DetectionContext): Occurrence {
  const { start: lineStart, end: lineEnd } = lineBounds(text, name.start, CONTEXT_BEFORE, name.end - name.start + CONTEXT_AFTER)
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
  if (operator === null) return kubernetesEnvEntry(text, name, before, lineEnd)
  const valueStart = skip + operator[0].length
  const read = readValue(after.slice(valueStart))
  const hit = judgeValue(read, { nameStart: name.start, nameText, valueOffset: name.end + valueStart }, context)
  return { hit, consumedUntil: name.end + valueStart + read.length }
}

/** Kubernetes `- name: LOCALSTACK_API_KEY` followed by `value: …` (a literal) or `valueFrom:` (a reference). */
function kubernetesEnvEntry(text: string, name: { start: number; end: number }, before: string, lineEnd: number): Occurrence {
  const none = { hit: undefined, consumedUntil: name.end }
  if (!/(?:^|[\s-])name:\s*["']?$/.test(before)) return none
  if (text[lineEnd] !== '\n') return none
  const nextStart = lineEnd + 1
  const nextLine = text.slice(nextStart, lineBounds(text, nextStart, 0, CONTEXT_AFTER).end)
  const entry = /^\s*(value|valueFrom):[ \t]*/.exec(nextLine)
  if (entry === null) return none
  const nameText = text.slice(name.start, name.end)
  if (entry[1] === 'valueFrom') return { hit: migrationHit(name.start, `valueFrom: ${nameText}`), consumedUntil: nextStart }
  const read = readValue(nextLine.slice(entry[0].length).replace(/\r$/, ''))
  const where = { nameStart: name.start, nameText, valueOffset: nextStart + entry[0].length }
  return { hit: judgeValue(read, where, { isCode: false }), consumedUntil: nextStart }
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
