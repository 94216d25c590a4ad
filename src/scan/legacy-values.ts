import { readExpressionValue } from './legacy-reference-values.js'
import { literalHit, migrationHit, nothingAt, type LegacySite, type Occurrence } from './legacy-site.js'
import { continuesSentence, isInCodeSpan, isOwnCodeSpan, startsPhrase } from './prose.js'
import { readValue } from './read-value.js'

export type { LegacySite, Occurrence } from './legacy-site.js'

/** Operators that give a value: `=`, `:`, `:=`, `?=`, `+=`, `::=`, `=>`; JSON and Python put a quote first. */
const OPERATOR = /^(?:\\?["'`])?\]?[ \t]*(?:::=|:=|\?=|\+=|=>|=(?![=~])|:(?!:))[ \t]*/
/**
 * A typed declaration with a quoted value: `const LOCALSTACK_API_KEY: string = "…"`, Rust `: &str = "…"`, Kotlin
 * `: String = "…"`, Go `LocalstackApiKey string = "…"`. Tried first, so `NAME: string` is not read as YAML.
 */
const TYPED_OPERATOR = /^(?::[ \t]*[\w&'<>[\]., ]{1,40}?|[ \t]+[\w.*[\]]{1,20})[ \t]*=(?![=~])[ \t]*(?=\\?["'`])/
/** Dockerfile `ENV NAME value`, Windows `setx NAME value`, fish `set -x NAME value`, C `#define NAME "value"`. */
const SPACE_OPERATOR_BEFORE = /(?:^|\s|["']|\\n)(?:ENV|setx|set[ \t]+-[a-zA-Z]+|#define)[ \t]+$/i
const SPACE_OPERATOR = /^[ \t]+/
/** An expression rather than a literal: `${…}`, `$NAME`, `%NAME%`, `{{ … }}`. */
export const EXPRESSION = /^[$%]|\{\{/

/** An operator after the name (past a reference that is assigned to, `skip` characters long). */
export interface Operator {
  /** Offset in `site.after` where the operator starts. */
  readonly start: number
  readonly text: string
}

export function findOperator(site: LegacySite, skip: number): Operator | undefined {
  const rest = site.after.slice(skip)
  const operator = TYPED_OPERATOR.exec(rest) ?? OPERATOR.exec(rest) ?? (SPACE_OPERATOR_BEFORE.test(site.before) ? SPACE_OPERATOR.exec(rest) : null)
  return operator === null ? undefined : { start: skip, text: operator[0] }
}

/** A value after an operator: a literal (a leak when key-shaped), an expression, or prose. */
export function analyzeValue(site: LegacySite, operator: Operator): Occurrence {
  const { context } = site
  if (context.isProse === true && isOwnCodeSpan(site.before, site.after, operator.start)) return nothingAt(site)
  const valueStart = operator.start + operator.text.length
  const read = readValue(site.after.slice(valueStart))
  const value = read.value.trim()
  const quoteLength = read.isQuoted ? (read.length - read.value.length) / 2 : 0
  const offset = site.end + valueStart + quoteLength
  const end = site.end + valueStart + read.length
  if (value === '') return emptyValue(site, operator, read.isQuoted)
  if (EXPRESSION.test(value)) return readExpressionValue(site, { text: value, offset, end })
  if (!read.isQuoted && isNotLiteral(site, operator, { value, rest: site.after.slice(valueStart + read.length) })) return nothingAt(site)
  const hit = literalHit(site, { value, offset })
  return hit === undefined ? nothingAt(site) : { hit, consumedUntil: end }
}

function isNotLiteral(site: LegacySite, operator: Operator, value: { value: string; rest: string }): boolean {
  if (site.context.isCode) return true
  if (startsPhrase(operator.text, value.rest)) return true
  const isProse = (site.context.isProse === true && !isInCodeSpan(site.before)) || site.isComment
  return isProse && continuesSentence(value.value, value.rest)
}

/** `LOCALSTACK_API_KEY:` with nothing after it, in YAML: Compose passes the variable through from the shell. */
function emptyValue(site: LegacySite, operator: Operator, isQuoted: boolean): Occurrence {
  const isYamlPassThrough = !isQuoted && /^:[ \t]*$/.test(operator.text) && site.context.isDataFile && site.context.isProse !== true
  return isYamlPassThrough && !site.isHeader ? { hit: migrationHit(site, `${site.name}:`), consumedUntil: site.end } : nothingAt(site)
}
