import { MAX_PREFIX_LETTERS, redactToken } from '../src/tokens/index.js'

/**
 * Anything that starts like an Auth Token: an `ls…-` prefix, the body's first group of eight, a dash, and the rest.
 * Broader than the scanning pattern on purpose: a mistyped or truncated token (wrong checksum, wrong case) is still
 * secret enough not to be echoed. Narrow enough that ordinary words such as `tools-configuration` stay readable.
 */
const TOKEN_SHAPE = new RegExp(`ls[a-zA-Z]{0,${MAX_PREFIX_LETTERS}}-[a-zA-Z0-9]{8}-[a-zA-Z0-9-]*`, 'g')

/** Replaces every token-shaped run in text that came from outside (an argument, a path, git's stderr). */
export function redactTokenShapes(text: string): string {
  return text.replace(TOKEN_SHAPE, (shape) => redactToken(shape))
}

/**
 * C0 and C1 control characters, DEL, and the Unicode bidirectional controls: a file name holding them could move
 * the cursor, recolour or clear the terminal, or make text read in another order than it is stored.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Shows control characters as `\xNN` or `\uNNNN`, so text from a file name cannot act on the terminal. */
export function escapeControlChars(text: string): string {
  return text.replace(UNSAFE_CHARS, (char) => {
    const code = char.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** Text from outside, made safe to print on a terminal: token shapes redacted, control characters escaped. */
export function safeForTerminal(text: string): string {
  return escapeControlChars(redactTokenShapes(text))
}
