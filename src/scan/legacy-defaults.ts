import { readValue } from './read-value.js'

/**
 * A default written after a reference, in the languages people read the variable from:
 * - `process.env.NAME ?? "v"`, `|| "v"` (JavaScript, C#, PHP, Swift, Dart), `?: "v"` (Kotlin, Groovy, PHP),
 *   `or "v"` (Python, Lua), `// "v"` (Perl);
 * - `.unwrap_or("v")`, `.unwrap_or_else(|_| "v".into())` (Rust), `.orElse("v")` (Java `Optional`),
 *   `.getOrElse("v")` (Scala), `.getOrDefault(…, "v")`;
 * - Ruby's `ENV.fetch("NAME") { "v" }`, and a template filter `| default("v")` / `| default "v"` (Jinja, Helm).
 * Only a quoted value counts: an unquoted one is another variable.
 */
const AFTER_REFERENCE = [
  /^\s*(?:\?\?|\|\||\?:|\bor\b|\/\/(?=\s*\\?["']))\s*/,
  /^\s*\)*\s*\.(?:unwrap_or(?:_else)?|or_else|orElse(?:Get)?|getOrElse|getOrDefault|or|default)\s*\(\s*(?:\|[^|\n]{0,20}\|\s*|\(\)\s*(?:->|=>)\s*)?/,
  /^\s*\{\s*(?:\|[^|\n]{0,20}\|\s*)?/,
  /^\s*\|\s*default\b\s*\(?\s*/,
]
/** The next argument of a call whose first argument is the name: `getenv("NAME", "v")`, `setenv("NAME", "v")`. */
const NEXT_ARGUMENT = /^\s*,\s*/
/**
 * A call that returns its first non-empty argument, around a reference: `cmp.Or(os.Getenv("NAME"), "v")` (Go),
 * `Objects.requireNonNullElse(…, "v")` (Java), `StringUtils.defaultIfBlank(…, "v")`, `coalesce(…, "v")`.
 */
const FIRST_NON_EMPTY_CALL = /(?:\bOr|requireNonNullElse|defaultIfBlank|defaultIfEmpty|defaultString|firstNonNull|coalesce)\s*\([^()]{0,64}$/

/** Where a default literal sits in the text after a reference (offsets relative to that text). */
export interface DefaultLiteral {
  readonly value: string
  /** Offset of the value's first character. */
  readonly index: number
  /** Characters read, up to and including the closing quote. */
  readonly end: number
}

/**
 * Finds a quoted default in `rest`, the text just after a reference. `isCallArgument` says the reference is a quoted
 * name inside a call that continues, so a following `, "v"` is that call's next argument; `before` is the line up to
 * the reference, for calls that wrap it.
 */
export function findDefault(rest: string, options: { isCallArgument: boolean; before: string }): DefaultLiteral | undefined {
  for (const pattern of AFTER_REFERENCE) {
    const found = quotedAfter(rest, pattern)
    if (found !== undefined) return found
  }
  if (options.isCallArgument || FIRST_NON_EMPTY_CALL.test(options.before.slice(-96))) return quotedAfter(rest, NEXT_ARGUMENT)
  return undefined
}

function quotedAfter(rest: string, pattern: RegExp): DefaultLiteral | undefined {
  const operator = pattern.exec(rest)
  if (operator === null) return undefined
  const start = operator[0].length
  const read = readValue(rest.slice(start))
  if (!read.isQuoted) return undefined
  const quoteLength = (read.length - read.value.length) / 2
  return { value: read.value, index: start + quoteLength, end: start + read.length }
}
