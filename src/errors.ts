/**
 * The error hierarchy shared by every front end (STYLE.md §4).
 *
 * Every message has the shape `<what failed>: <why, with the observed facts>. <what to do>.` and never contains a raw
 * token: callers pass `redactToken(token)` when a token must be named.
 */
export abstract class GuardError extends Error {
  /** A stable, documented identifier (README troubleshooting is keyed by it). */
  abstract readonly code: string
  /** Extra advice shown after the message where a front end has room for it. */
  readonly hint: string | undefined

  constructor(message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, { cause: options.cause })
    this.hint = options.hint
  }
}

/** A command-line argument, Action input or other user-supplied value is not acceptable. */
export class InvalidInputError extends GuardError {
  readonly code = 'invalid-input'
  override name = 'InvalidInputError' as const
}

/** `.github/localstack-guard.yml` (or another config source) does not match the schema. */
export class InvalidConfigError extends GuardError {
  readonly code = 'invalid-config'
  override name = 'InvalidConfigError' as const
  /** One `path: message` line per problem, in file order. */
  readonly problems: readonly string[]

  constructor(message: string, problems: readonly string[], options: { cause?: unknown } = {}) {
    super(message, options)
    this.problems = problems
  }
}

/** A token is token-shaped but its checksum is wrong, or it is not token-shaped at all. */
export class InvalidTokenError extends GuardError {
  readonly code = 'invalid-token'
  override name = 'InvalidTokenError' as const
}

/** A file, directory or git object could not be read. */
export class SourceReadError extends GuardError {
  readonly code = 'source-unreadable'
  override name = 'SourceReadError' as const
}

/** Turns anything thrown into an `Error` without losing it (STYLE.md §4: catch as unknown). */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown
  return new Error(typeof thrown === 'string' ? thrown : `non-error thrown: ${String(thrown)}`, { cause: thrown })
}
