/** A literal inside an expression: a shell default, or a quoted string in a template or workflow expression. */
export interface ExpressionLiteral {
  readonly value: string
  /** Offset of the value's first character in the expression. */
  readonly index: number
  /** True when the expression evaluates to it when the variable is unset (`:-`, `-`, `:=`, `=`, Spring's `:`). */
  readonly isFallback: boolean
}

/** An expression with every literal in it replaced by `****`, and those literals. */
export interface ReadExpression {
  readonly redacted: string
  readonly literals: readonly ExpressionLiteral[]
}

const MASK = '****'
/** `${NAME`, `${#NAME`, `${localEnv:NAME` (dev containers): the parameter before an operator. */
const PARAMETER = /^[#!]?(?:(?:localEnv|containerEnv|env):)?[A-Za-z_][\w.]{0,100}/
/** Shell and Compose operators (`:-` `-` `:=` `=` `:?` `?` `:+` `+`), and Spring's `${name:default}`. */
const OPERATOR = /^(?::[-=?+]|[-=?+]|:(?!\s))/
const FALLBACK_OPERATORS = new Set([':-', '-', ':=', '=', ':'])

/**
 * Reads `${NAME:-default}` (nested too: `${A:-${B:-x}}`), and, when `hasQuotedValues`, `'…'`/`"…"` strings (in a
 * value such as `${{ secrets.X || '…' }}` or `{{ x | default('…') }}`; in a reference such as `getenv("NAME")` the
 * quoted string is the name), so that a reference shown in a finding never shows a value (a default is often the key
 * itself) and each literal can be judged. Linear in the expression, which callers bound.
 */
export function readExpression(expression: string, options: { hasQuotedValues: boolean }): ReadExpression {
  const literals: ExpressionLiteral[] = []
  let redacted = ''
  let i = 0
  while (i < expression.length) {
    const isParameter = expression.startsWith('${', i) && expression[i + 2] !== '{'
    const part = isParameter ? readParameter(expression, i) : options.hasQuotedValues ? readQuoted(expression, i) : undefined
    if (part === undefined) {
      redacted += expression[i]
      i++
      continue
    }
    redacted += part.redacted
    literals.push(...part.literals)
    i = part.end
  }
  return { redacted, literals }
}

interface Part extends ReadExpression {
  readonly end: number
}

function readParameter(expression: string, start: number): Part | undefined {
  const nameStart = start + 2
  const name = PARAMETER.exec(expression.slice(nameStart))
  if (name === null) return undefined
  const operatorStart = nameStart + name[0].length
  const operator = OPERATOR.exec(expression.slice(operatorStart))?.[0] ?? ''
  const wordStart = operatorStart + operator.length
  const close = matchingBrace(expression, wordStart)
  if (close < 0) return undefined
  const head = expression.slice(start, wordStart)
  const word = expression.slice(wordStart, close)
  if (word === '') return { redacted: `${head}}`, literals: [], end: close + 1 }
  if (word.startsWith('$')) {
    const inner = readExpression(word, { hasQuotedValues: false })
    const literals = inner.literals.map((literal) => ({ ...literal, index: literal.index + wordStart }))
    return { redacted: `${head}${inner.redacted}}`, literals, end: close + 1 }
  }
  const quoted = /^(["'])(.*)\1$/s.exec(word)
  const value = quoted?.[2] ?? word
  // `${NAME:2}` and `${NAME:2:4}` are a shell's substrings; Spring's `${name:default}` has any other default.
  const isSubstring = operator === ':' && /^\s*-?\d+(?::-?\d+)?$/.test(word)
  const literal = { value, index: wordStart + (quoted === null ? 0 : 1), isFallback: FALLBACK_OPERATORS.has(operator) && !isSubstring }
  return { redacted: `${head}${MASK}}`, literals: [literal], end: close + 1 }
}

function readQuoted(expression: string, start: number): Part | undefined {
  const quote = expression.startsWith('\\"', start) ? '\\"' : expression[start]
  if (quote !== '"' && quote !== "'" && quote !== '\\"') return undefined
  const close = expression.indexOf(quote, start + quote.length)
  if (close < 0) return undefined
  const value = expression.slice(start + quote.length, close)
  const end = close + quote.length
  if (value === '') return { redacted: expression.slice(start, end), literals: [], end }
  return { redacted: `${quote}${MASK}${quote}`, literals: [{ value, index: start + quote.length, isFallback: true }], end }
}

/** The index of the `}` closing a `${` whose word starts at `from`, counting nested braces; -1 when unclosed. */
function matchingBrace(text: string, from: number): number {
  let depth = 0
  for (let i = from; i < text.length; i++) {
    const char = text[i]
    if (char === '\n') return -1
    if (char === '{') depth++
    else if (char === '}') {
      if (depth === 0) return i
      depth--
    }
  }
  return -1
}
