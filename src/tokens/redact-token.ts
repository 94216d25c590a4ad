/** How many characters of the body a redacted token keeps: stricter than LocalStack's own mask, which keeps 8. */
export const REDACTED_BODY_CHARS = 4

const MASKED_TAIL = '****-****-****-****-************'

/**
 * The only form in which a token may be shown: the prefix and the first four body characters, then a mask that keeps
 * the grammar's shape. Never shows the checksum. A value with no `ls…-` prefix (a legacy key) keeps nothing but its
 * length, as LocalStack's own logs do.
 */
export function redactToken(token: string): string {
  const match = /^ls[a-zA-Z]*-/.exec(token)
  if (match === null) return `****(${token.length})`
  const prefix = match[0]
  return `${prefix}${token.slice(prefix.length, prefix.length + REDACTED_BODY_CHARS)}${MASKED_TAIL}`
}
