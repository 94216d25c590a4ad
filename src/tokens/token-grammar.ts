/**
 * The LocalStack Auth Token grammar (docs/facts.md §1.1, `licensingv2.py` class `AuthToken`).
 *
 * `ls[a-zA-Z]*-` prefix, then a 36-character body shaped 8-4-4-4-12 whose first four characters are letters; the
 * last four body characters are the checksum.
 */

/** Body length after the prefix: 32 characters of payload plus 4 of checksum. */
export const TOKEN_BODY_LENGTH = 36

/** LocalStack's own minimum: the body plus the shortest prefix `ls-`. */
export const MIN_TOKEN_LENGTH = TOKEN_BODY_LENGTH + 3

/**
 * The longest prefix we accept, letters after `ls` included. The grammar allows any number; known prefixes are
 * `ls-` and `lsci-`. Bounding it keeps the scanning pattern linear on inputs such as `lslslsls…` (an unbounded
 * `[a-zA-Z]*` restarts at every `ls` and rescans the whole run of letters).
 */
export const MAX_PREFIX_LETTERS = 16

const BODY_SOURCE = '[a-zA-Z]{4}[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{12}'

/** Exactly one token, nothing around it (LocalStack's own anchored regex, prefix bounded as above). */
export const ANCHORED_TOKEN_PATTERN = new RegExp(`^ls[a-zA-Z]{0,${MAX_PREFIX_LETTERS}}-${BODY_SOURCE}$`)

/**
 * The source of the scanning pattern. It ends in `[0-9a-f]{4}` because a real checksum is lower-case hex, and refuses
 * a following alphanumeric so a longer identifier is not cut into a token.
 */
export const SCANNING_TOKEN_SOURCE =
  `ls[a-zA-Z]{0,${MAX_PREFIX_LETTERS}}-[a-zA-Z]{4}[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-` +
  `[a-zA-Z0-9]{8}[0-9a-f]{4}(?![a-zA-Z0-9])`

/** The longest text the scanning pattern can match, plus the one character its look-ahead reads. */
export const MAX_TOKEN_LENGTH = 2 + MAX_PREFIX_LETTERS + 1 + TOKEN_BODY_LENGTH + 1

/** A fresh global scanning regex (global regexes carry `lastIndex`, so each scan gets its own). */
export function createTokenScanPattern(): RegExp {
  return new RegExp(SCANNING_TOKEN_SOURCE, 'g')
}
