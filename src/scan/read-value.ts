/** A value read after an assignment operator. */
export interface ReadValue {
  readonly value: string
  readonly isQuoted: boolean
  /** Characters consumed from the start of the input, closing quote included. */
  readonly length: number
}

const MAX_VALUE_CHARS = 256
/** An unquoted value ends at whitespace, a delimiter, a comment, a redirection or tag (`<`), or a JSON escape (`\n`). */
const UNQUOTED_END = /[\s,;)}\]#"'`\\<>|&]/

/**
 * Reads one value: an expression (`${{ … }}`, `${…}`, `$(…)`, which may hold spaces), quoted (`"…"`, `'…'`, `` `…` ``, or a JSON-escaped `\"…\"` inside an `.ipynb` string) or bare.
 * Bounded, so a minified line costs no more than the value.
 */
export function readValue(input: string): ReadValue {
  const expression = readExpressionValue(input.slice(0, MAX_VALUE_CHARS))
  if (expression !== undefined) return { value: expression, isQuoted: false, length: expression.length }
  const escapedQuote = input.startsWith('\\"')
  const quote = escapedQuote ? '\\"' : /^["'`]/.test(input) ? (input[0] ?? '') : ''
  if (quote !== '') {
    const close = input.indexOf(quote, quote.length)
    if (close < 0 || close > MAX_VALUE_CHARS) return { value: '', isQuoted: true, length: 0 }
    return { value: input.slice(quote.length, close), isQuoted: true, length: close + quote.length }
  }
  let end = 0
  while (end < input.length && end < MAX_VALUE_CHARS && !UNQUOTED_END.test(input[end] ?? '')) end++
  return { value: input.slice(0, end), isQuoted: false, length: end }
}

/** `${{ … }}`, `$( … )`, or `${ … }` up to its matching brace (`${A:-${B:-x}}` nests). */
function readExpressionValue(input: string): string | undefined {
  const simple = /^(?:\$\{\{[^\n]*?\}\}|\$\([^)\n]*\))/.exec(input)
  if (simple !== null) return simple[0]
  if (!input.startsWith('${')) return undefined
  let depth = 0
  for (let i = 2; i < input.length && input[i] !== '\n'; i++) {
    if (input[i] === '{') depth++
    else if (input[i] === '}' && depth-- === 0) return input.slice(0, i + 1)
  }
  return undefined
}
