import { MAX_PREFIX_LETTERS } from './token-grammar.js'
import { redactToken } from './redact-token.js'

/**
 * Anything shaped like a token, checksum or not: text from a push (a path, a ref, a commit message, an error that
 * quotes one) is redacted before it is printed or stored, and a near-miss is redacted too rather than trusted.
 */
const TOKEN_SHAPE = new RegExp(`ls[a-zA-Z]{0,${MAX_PREFIX_LETTERS}}-[a-zA-Z0-9]{8}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{12}`, 'g')

/** `text` with every token shape replaced by its redaction (`redactToken`); text without one is returned as is. */
export function redactTokenShapes(text: string): string {
  if (!text.includes('-')) return text
  return text.replace(TOKEN_SHAPE, (token) => redactToken(token))
}
