/**
 * Placeholders for legacy API keys (docs/facts.md §1.5). Auth-token-shaped placeholders need no list: they fail the
 * checksum. A legacy key has no format, so a value given to `LOCALSTACK_API_KEY` is judged by what documentation and
 * examples put there instead of a key.
 */
const KNOWN_PLACEHOLDERS = new Set([
  'test',
  'your-key',
  'xxxxxx',
  '...',
  'another-fake-key',
  'your_api_key_here',
  '<your_api_key>',
  '<your-key-here>',
  '<api-key>',
  '{enter your key}',
])

/**
 * Words that only a stand-in contains. A real legacy key is ten random alphanumerics (docs/facts.md §1.4), so every word
 * here has at least four letters: a three-letter word (`foo`, `xxx`) turns up inside one random key in a few
 * thousand, which is how word lists lose real secrets (docs/facts.md §1.7).
 */
const STAND_IN_WORDS = /your|fake|dummy|mock|test|invalid|bogus|example|placeholder|change-?me|redacted|sample|x{4}|here|insert|replace|secret|api[-_]?key|token/i
/** A single word in one case is a stand-in when it is shorter than a real key (`legacy`, `REDACTED`, `changeme`). */
const SHORT_WORD = /^(?:[a-z]{1,8}|[A-Z]{1,8})$/
/**
 * A capitalised word (`Deprecated`, `Required`) is prose. One random ten-character key in about 6,000 has this shape
 * (26/62 for each letter), well within what the placeholder rules may cost.
 */
const CAPITALISED_WORD = /^[A-Z][a-z]+$/
/** The name of another variable (`LOCALSTACK_AUTH_TOKEN`, `ENV_LOCALSTACK_API_KEY`): keys have no underscore runs. */
const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/

/** True when a value given as a legacy key is a stand-in rather than a key. */
export function isLegacyPlaceholder(value: string): boolean {
  const lower = value.toLowerCase()
  if (KNOWN_PLACEHOLDERS.has(lower)) return true
  if (/^[<{[(*.]/.test(value)) return true
  if (/^(.)\1+$/.test(value)) return true
  if ('0123456789'.includes(value) || 'abcdefghijklmnopqrstuvwxyz'.includes(lower)) return true
  if (SHORT_WORD.test(value) || CAPITALISED_WORD.test(value)) return true
  // Lower-case words joined by separators (`my-localstack-key`) read as prose, not as a generated key.
  if (/^[a-z]+(?:[-_][a-z]+)+$/.test(value)) return true
  return STAND_IN_WORDS.test(value)
}

/** True when a value is the name of a variable (upper snake case), not a key: `["LOCALSTACK_API_KEY", "DEBUG_LEVEL"]`. */
export function isVariableName(value: string): boolean {
  return VARIABLE_NAME.test(value)
}
