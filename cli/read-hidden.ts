import { InvalidInputError } from '../src/errors.js'

/** A terminal input stream: `process.stdin` when it is a TTY. */
export interface RawModeInput extends NodeJS.ReadableStream {
  readonly isTTY?: boolean
  setRawMode?(isRaw: boolean): unknown
}

const ENTER = new Set(['\r', '\n'])
const END_OF_TEXT = '\u0003' // Ctrl-C
const END_OF_TRANSMISSION = '\u0004' // Ctrl-D
const BACKSPACES = new Set(['\u007f', '\b'])

/**
 * Reads one line from a terminal with echo off (raw mode), so a pasted token never appears on screen or in the
 * terminal's scrollback. Enter or Ctrl-D ends the input, backspace deletes, Ctrl-C cancels. Raw mode is restored
 * on every exit path.
 */
export async function readHiddenLine(input: RawModeInput & { setRawMode(isRaw: boolean): unknown }, maxChars: number): Promise<string> {
  input.setRawMode(true)
  input.setEncoding('utf8')
  let line = ''
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      for (const char of chunk) {
        if (ENTER.has(char) || char === END_OF_TRANSMISSION) return line
        if (char === END_OF_TEXT) throw new InvalidInputError('No token to classify: the input was cancelled with Ctrl-C. Run localstack-guard token again and paste the token.')
        if (BACKSPACES.has(char)) line = line.slice(0, -1)
        else line += char
        if (line.length > maxChars) {
          throw new InvalidInputError(`Standard input is not one token: more than ${maxChars} characters arrived. Paste only the token.`)
        }
      }
    }
    return line
  } finally {
    input.setRawMode(false)
    input.pause()
  }
}

/** True when `input` is a terminal whose echo can be turned off. */
export function canHideInput(input: RawModeInput): input is RawModeInput & { setRawMode(isRaw: boolean): unknown } {
  return input.isTTY === true && typeof input.setRawMode === 'function'
}
