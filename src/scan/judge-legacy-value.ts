import { hasValidChecksum } from '../tokens/checksum.js'
import { redactToken } from '../tokens/redact-token.js'
import { isLegacyPlaceholder, isVariableName } from './placeholders.js'

/** Real legacy keys are ten alphanumerics; allow some slack, but not prose or paths. */
const LITERAL_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{5,127}$/
/** A whole base64 value, padded to whole groups, as Kubernetes writes a Secret's `data:` entries. */
const BASE64_VALUE = /^(?:[A-Za-z0-9+/]{4}){2,40}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const PRINTABLE = /^[\x21-\x7e]+$/

/** What a literal given to the legacy variable is. */
export type LegacyValue =
  | { readonly type: 'key'; readonly key: string }
  /** An Auth Token under the legacy name: the auth-token detector reports the leak; this is the migration item. */
  | { readonly type: 'token'; readonly redacted: string }
  | { readonly type: 'none' }

const NONE: LegacyValue = { type: 'none' }

/**
 * Judges one literal value (already unquoted), through one level of base64: a Kubernetes Secret keeps its `data:`
 * values encoded, and a key there is the decoded text. Only a value of whole base64 groups is decoded, and only
 * printable, key-shaped text is kept: a random twelve-character key decodes to such text about once in 250,000
 * (each of its nine bytes must be one of 64 of 256 values), and is reported either way.
 */
export function judgeLegacyValue(value: string): LegacyValue {
  const trimmed = value.trim()
  if (trimmed === '') return NONE
  const authPrefix = /^ls[a-zA-Z]*-/.exec(trimmed)
  if (authPrefix !== null) {
    const isToken = hasValidChecksum(trimmed.slice(authPrefix[0].length))
    return isToken ? { type: 'token', redacted: redactToken(trimmed) } : NONE
  }
  const decoded = decodeBase64Value(trimmed)
  if (decoded !== undefined) return judgeLegacyValue(decoded)
  if (isLegacyPlaceholder(trimmed) || isVariableName(trimmed) || !LITERAL_KEY.test(trimmed)) return NONE
  return { type: 'key', key: trimmed }
}

function decodeBase64Value(value: string): string | undefined {
  if (!BASE64_VALUE.test(value)) return undefined
  const decoded = Buffer.from(value, 'base64').toString('latin1').replace(/\r?\n$/, '')
  return PRINTABLE.test(decoded) && (LITERAL_KEY.test(decoded) || decoded.startsWith('ls')) ? decoded : undefined
}
