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
  if (!isInCodeSpan(before)) return false
  const close = after.indexOf('`')
  return close >= 0 && close <= operatorStart
}

/**
 * True when an unquoted value is a word that continues a sentence: `LOCALSTACK_API_KEY=deprecated, use …`,
 * `LOCALSTACK_API_KEY=mandatory for Pro`. A letters-only key is possible (one in six random keys), so a word counts as
 * prose only when punctuation follows it, or when it is in one case (about one random key in 6,000: `[a-z]+` or
 * `[A-Z][a-z]+`) and a lower-case word follows, which a command line (`NAME=key localstack start`) also has, rarely
 * with such a key. Applies only where text is prose: documentation outside code spans, and comments.
 */
export function continuesSentence(value: string, rest: string): boolean {
  if (!/^[A-Za-z]+$/.test(value)) return false
  if (/^[,;.:][ \t]+[A-Za-z]/.test(rest)) return true
  return /^[A-Z]?[a-z]+$/.test(value) && /^[ \t]+[a-z]/.test(rest)
}

/** True when the name is inside a code span on its line (an odd number of backtick runs before it). */
export function isInCodeSpan(before: string): boolean {
  return (before.match(/`+/g) ?? []).length % 2 === 1
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
