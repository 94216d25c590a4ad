import { ANCHORED_TOKEN_PATTERN } from './token-grammar.js'

/** A token split into the parts LocalStack's `AuthToken` class uses. */
export interface ParsedToken {
  /** Everything up to and including the first `-`, for example `lsci-`. */
  readonly prefix: string
  /** The 36 characters after the prefix. */
  readonly body: string
  /** The first 32 characters of the body: what the checksum is computed over. */
  readonly payload: string
  /** The last 4 characters of the body. */
  readonly checksum: string
}

/** Splits a string that matches the Auth Token grammar; `undefined` when it does not. */
export function parseToken(candidate: string): ParsedToken | undefined {
  if (!ANCHORED_TOKEN_PATTERN.test(candidate)) return undefined
  const dash = candidate.indexOf('-')
  const prefix = candidate.slice(0, dash + 1)
  const body = candidate.slice(dash + 1)
  return { prefix, body, payload: body.slice(0, -4), checksum: body.slice(-4) }
}
