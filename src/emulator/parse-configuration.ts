import { InvalidInputError } from '../errors.js'
import { redactToken } from '../tokens/index.js'

/** One `KEY=VALUE` pair of the `configuration` input, value exactly as the user meant it. */
export interface ConfigurationPair {
  readonly key: string
  readonly value: string
}

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Parses the `configuration` input: `KEY=VALUE` pairs, one or more per line, separated by spaces.
 *
 * Words are split the way a shell splits them (single quotes literal; double quotes with `\"` and `\\` escapes; a
 * backslash outside quotes escapes the next character; `$(…)` (nested too), `` `…` `` and `${…}` keep their spaces
 * inside one word) but nothing is expanded or executed: `$(…)`, backticks, `;`, `&&`, `|` and `$VAR` arrive verbatim.
 * The incumbent ran this input through `eval`, so workflows hold `X=$(cmd arg)`; it must split like that, never run.
 * Lines starting with `#` are comments.
 */
export function parseConfiguration(text: string): ConfigurationPair[] {
  const pairs: ConfigurationPair[] = []
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue
    for (const word of splitWords(line, index + 1)) pairs.push(toPair(word, index + 1))
  }
  return pairs
}

function toPair(word: string, lineNumber: number): ConfigurationPair {
  const equals = word.indexOf('=')
  const key = equals > 0 ? word.slice(0, equals) : ''
  if (!KEY_PATTERN.test(key)) {
    throw new InvalidInputError(
      `Input configuration is invalid: line ${lineNumber} has "${clip(word)}", which is not a KEY=VALUE pair. ` +
        'Write pairs such as DEBUG=1 SERVICES=s3,sqs, and quote values that contain spaces (GREETING="hello world").',
    )
  }
  return { key, value: word.slice(equals + 1) }
}

/** Shell-like word splitting with quote removal and no expansion; throws on an unterminated quote. */
function splitWords(line: string, lineNumber: number): string[] {
  const state: SplitState = { words: [], current: '', hasWord: false, quote: undefined }
  try {
    for (let i = 0; i < line.length; i++) i = step(state, line, i)
  } catch (error: unknown) {
    if (!(error instanceof UnterminatedSubstitution)) throw error
    throw new InvalidInputError(
      `Input configuration is invalid: line ${lineNumber} has an unterminated ${error.opener}. Close it, or quote the value with single quotes to pass it as text.`,
    )
  }
  if (state.quote !== undefined) {
    throw new InvalidInputError(
      `Input configuration is invalid: line ${lineNumber} has an unterminated ${state.quote} quote. Close the quote (values may contain spaces only inside quotes).`,
    )
  }
  if (state.hasWord) state.words.push(state.current)
  return state.words
}

interface SplitState {
  words: string[]
  current: string
  hasWord: boolean
  quote: '"' | "'" | undefined
}

/** Consumes the character at `i` (and an escaped follower); returns the index of the last character consumed. */
function step(state: SplitState, line: string, i: number): number {
  return state.quote === undefined ? stepUnquoted(state, line, i) : stepQuoted(state, line, i)
}

function stepQuoted(state: SplitState, line: string, i: number): number {
  const char = line[i] as string
  const next = line[i + 1]
  if (state.quote === '"' && isSubstitutionStart(char, next)) return appendSubstitution(state, line, i)
  if (char === state.quote) state.quote = undefined
  else if (state.quote === '"' && char === '\\' && (next === '"' || next === '\\')) return append(state, next, i + 1)
  else state.current += char
  return i
}

function stepUnquoted(state: SplitState, line: string, i: number): number {
  const char = line[i] as string
  const next = line[i + 1]
  if (char === '"' || char === "'") {
    state.quote = char
    state.hasWord = true
    return i
  }
  if (char === '\\' && next !== undefined) return append(state, next, i + 1)
  if (isSubstitutionStart(char, next)) return appendSubstitution(state, line, i)
  if (!/\s/.test(char)) return append(state, char, i)
  if (state.hasWord) state.words.push(state.current)
  state.current = ''
  state.hasWord = false
  return i
}

function isSubstitutionStart(char: string, next: string | undefined): boolean {
  return char === '`' || (char === '$' && (next === '(' || next === '{'))
}

/** Appends a whole `$(…)`, `${…}` or `` `…` `` verbatim, spaces included; returns the index of its last character. */
function appendSubstitution(state: SplitState, line: string, start: number): number {
  const end = substitutionEnd(line, start)
  if (end < 0) {
    const opener = line[start] === '`' ? '`' : line.slice(start, start + 2)
    throw new UnterminatedSubstitution(opener)
  }
  return append(state, line.slice(start, end + 1), end)
}

class UnterminatedSubstitution extends Error {
  constructor(readonly opener: string) {
    super(`unterminated ${opener}`)
  }
}

/** Index of the character that closes the substitution opened at `start`, or -1. Quotes inside are skipped over. */
function substitutionEnd(line: string, start: number): number {
  if (line[start] === '`') {
    for (let i = start + 1; i < line.length; i++) {
      if (line[i] === '\\') i++
      else if (line[i] === '`') return i
    }
    return -1
  }
  const [open, close] = line[start + 1] === '(' ? ['(', ')'] : ['{', '}']
  let depth = 0
  for (let i = start + 1; i < line.length; i++) {
    const char = line[i]
    if (char === '\\') i++
    else if (char === "'" || char === '"') i = closingQuote(line, i)
    else if (char === '`') i = substitutionEnd(line, i)
    else if (char === open) depth++
    else if (char === close && --depth === 0) return i
    if (i < 0) return -1
  }
  return -1
}

function closingQuote(line: string, start: number): number {
  const quote = line[start]
  for (let i = start + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++
    else if (line[i] === quote) return i
  }
  return -1
}

/**
 * Keys whose values hold what a shell would have substituted (`$(…)`, backticks, `${…}`, `$NAME`): the Action passes
 * them verbatim, so the workflow gets one warning saying so.
 */
export function keysWithShellSubstitution(pairs: readonly ConfigurationPair[]): string[] {
  return [...new Set(pairs.filter((pair) => /\$[({A-Za-z_]|`/.test(pair.value)).map((pair) => pair.key))]
}

function append(state: SplitState, text: string, index: number): number {
  state.current += text
  state.hasWord = true
  return index
}

/** Quotes a bad word briefly; a token pasted in the wrong place is shown redacted, never whole. */
function clip(word: string): string {
  if (/^ls[a-zA-Z]*-/.test(word)) return redactToken(word)
  return word.length > 20 ? `${word.slice(0, 20)}…` : word
}
