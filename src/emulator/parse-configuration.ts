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
 * backslash outside quotes escapes the next character) but nothing is expanded or executed: `$(…)`, `;`, `&&`, `|`
 * and `$VAR` arrive verbatim. The incumbent ran this input through `eval` (STYLE.md §5); never again.
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
  for (let i = 0; i < line.length; i++) i = step(state, line, i)
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
  if (!/\s/.test(char)) return append(state, char, i)
  if (state.hasWord) state.words.push(state.current)
  state.current = ''
  state.hasWord = false
  return i
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
