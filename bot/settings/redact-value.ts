import { redactToken } from '../../src/tokens/redact-token.js'

/** Anything shaped like a LocalStack token (`ls…-` and a body), wherever it sits in a value. */
const TOKEN_SHAPE = /ls[a-zA-Z]*-[A-Za-z0-9-]{8,}/g

/** An echoed environment value never shows a token, even one pasted into the wrong variable. */
export function redactTokens(value: string): string {
  return value.replace(TOKEN_SHAPE, (token) => redactToken(token))
}
