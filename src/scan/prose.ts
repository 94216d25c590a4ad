/**
 * Documentation is prose: ``- `LOCALSTACK_API_KEY`: Required for Pro features.`` names the variable and describes it.
 * A value counts only where the text is code: inside the same code span as the name (`` `NAME=value` ``), or on a
 * line shaped as code (a fenced or indented block's line, which the streaming scanner cannot tell from its
 * surroundings, so it is judged by its own shape).
 */

/**
 * True when the name sits in a code span of its own that closes before the operator: `` `NAME`: text ``,
 * ``` ``NAME``: text ``` (reStructuredText). `operatorStart` is the operator's offset in `after`.
 */
export function isOwnCodeSpan(before: string, after: string, operatorStart: number): boolean {
  const openRuns = (before.match(/`+/g) ?? []).length
  if (openRuns % 2 === 0) return false
  const close = after.indexOf('`')
  return close >= 0 && close <= operatorStart
}

/**
 * True when an unquoted value is a word that continues a sentence: `LOCALSTACK_API_KEY: Required for Pro features`,
 * `LOCALSTACK_API_KEY=deprecated, use LOCALSTACK_AUTH_TOKEN`. A key has digits or mixed case more often than not,
 * but a letters-only key is possible, so this applies only where text is prose: documentation and comments.
 */
export function continuesSentence(value: string, rest: string): boolean {
  return /^[A-Za-z]+$/.test(value) && /^[,;]?[ \t]+[A-Za-z]/.test(rest)
}

/**
 * True when an unquoted value after `: ` or ` = ` is the first word of a longer phrase (`KEY: some words`): in YAML,
 * properties, INI and Makefiles the value is then the whole phrase, which has spaces, so it is not a key. A shell's
 * `NAME=value command` has no space after `=`, and is not a phrase.
 */
export function startsPhrase(operator: string, rest: string): boolean {
  const isSpacedOperator = /[ \t]$/.test(operator) && /:|[ \t?+]=/.test(operator)
  return isSpacedOperator && /^[ \t]+[A-Za-z0-9(]/.test(rest)
}
