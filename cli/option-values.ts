import { InvalidInputError } from '../src/errors.js'
import { safeForTerminal } from './safe-text.js'

/** Which help text to show. */
export type HelpTopic = 'main' | 'scan' | 'token'

/** An argument as an error message may quote it: token shapes redacted, control characters escaped. */
export function shown(arg: string): string {
  return safeForTerminal(arg)
}

/** Builds the usage error every parse failure ends in (docs/style.md §4 shape). */
export function usage(why: string, topic: HelpTopic): InvalidInputError {
  const help = topic === 'main' ? 'localstack-guard --help' : `localstack-guard ${topic} --help`
  return new InvalidInputError(`Invalid command line: ${why}. Run "${help}" for the usage.`)
}

/** Position in an argument list while parsing one option. */
export interface Cursor {
  readonly args: readonly string[]
  /** Index of the argument after `arg`. */
  readonly index: number
  readonly arg: string
  readonly topic: HelpTopic
}

/** `--name=value` → name and inline value; anything else is just a name. */
export function splitOption(arg: string): { name: string; inline?: string } {
  const equals = arg.indexOf('=')
  if (!arg.startsWith('--') || equals < 0) return { name: arg }
  return { name: arg.slice(0, equals), inline: arg.slice(equals + 1) }
}

/** The value of an option: inline (`--format=json`) or the next argument (`--format json`). */
export function takeValue(cursor: Cursor, inline: string | undefined, name: string): { value: string; next: number } {
  if (inline !== undefined) {
    if (inline === '') throw usage(`${shown(name)}= needs a value after the "="`, cursor.topic)
    return { value: inline, next: cursor.index }
  }
  const value = cursor.args[cursor.index]
  if (value === undefined || value.startsWith('-')) throw usage(`${shown(name)} needs a value`, cursor.topic)
  return { value, next: cursor.index + 1 }
}

/** Accepts exactly one of `allowed`; anything else is named in the error. */
export function parseFormat<F extends string>(value: string, allowed: readonly F[], topic: HelpTopic): F {
  const format = allowed.find((candidate) => candidate === value)
  if (format === undefined) throw usage(`unknown format "${shown(value)}" (use ${allowed.join(', ')})`, topic)
  return format
}
