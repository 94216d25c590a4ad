import { lineBounds } from './line-bounds.js'

/**
 * Comments are published with the file: `# LOCALSTACK_API_KEY=abc…` in a commented-out line is as leaked as the
 * line itself. In a comment, program source is text, so an unquoted value is a literal there too.
 */
const LINE_COMMENT = /^\s*["']?\s*(?:#|\/\/|--\s|;|\/\*|\*(?:\s|$)|<!--|rem\s|::\s)/i
/** A comment after code (`code # …`, `code // …`), or a line inside a JSON string (`…\n# …`: source maps). */
const TRAILING_COMMENT = /(?:\s|\\n)(?:#|\/\/)(?:\s|$)|\\n[ \t]*(?:\*|--)[ \t]/

/** True when the name (whose line starts with `before`) is inside a line comment. */
export function isInComment(before: string): boolean {
  return LINE_COMMENT.test(before) || TRAILING_COMMENT.test(before)
}

/** A quoted literal assigned to a variable whose name says it is a key: `const key = "…"`, `apiKey: '…'`. */
const KEY_ASSIGNMENT = /(?:^|[^\w$])([\w$]*key[\w$]*)\\?["']?\s*(?::\s*[\w<>[\]]+\s*)?[:=]\s*(\\?["'])([^"'\\\n]{1,128})\2/gi
const DECLARATION_LINE = /^\s*(?:(?:#|\/\/|\*)\s*)?(?:(?:export|const|let|var|val|final|static|private|public|readonly|String|string)\s+)*$/

/** Where a commented key's literal sits, as an absolute offset in the text. */
export interface CommentedLiteral {
  readonly value: string
  readonly offset: number
}

/**
 * A key assigned next to a comment that names the legacy variable: on the same line
 * (`const key = "…" // LOCALSTACK_API_KEY`), or on the line after a comment that holds only the name
 * (`// LOCALSTACK_API_KEY` then `// const key = "…"`). The assigned name must say `key`, so an unrelated secret
 * under the comment is not taken for a LocalStack key.
 */
export function findCommentedKey(text: string, line: { start: number; nameEnd: number; end: number }): CommentedLiteral | undefined {
  const sameLine = lastKeyAssignment(text.slice(line.start, line.end), line.start)
  if (sameLine !== undefined) return sameLine
  const rest = text.slice(line.nameEnd, line.end).replace(/\r$/, '')
  if (!/^[\s:.\-=>*/]*$/.test(rest) || text[line.end] !== '\n') return undefined
  const nextStart = line.end + 1
  const next = text.slice(nextStart, lineBounds(text, nextStart, { before: 0, after: 512 }).end)
  if (/localsta/i.test(next)) return undefined
  const found = lastKeyAssignment(next, nextStart)
  if (found === undefined) return undefined
  // Only a declaration of the key may come first on the next line, nothing else.
  return DECLARATION_LINE.test(next.slice(0, next.search(/[\w$]*key/i))) ? found : undefined
}

function lastKeyAssignment(line: string, base: number): CommentedLiteral | undefined {
  let found: CommentedLiteral | undefined
  KEY_ASSIGNMENT.lastIndex = 0
  for (let match = KEY_ASSIGNMENT.exec(line); match !== null; match = KEY_ASSIGNMENT.exec(line)) {
    const [whole, name = '', quote = '', value = ''] = match
    if (/localsta/i.test(name)) continue
    const valueIndex = match.index + whole.length - quote.length - value.length
    found = { value, offset: base + valueIndex }
  }
  return found
}
