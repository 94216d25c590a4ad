import { type HelpTopic, parseFormat, shown, splitOption, takeValue, usage } from './option-values.js'
import { type ParseScanDeps, type ScanCommand, parseScanArgs } from './parse-scan-args.js'

export type { HelpTopic } from './option-values.js'
export type { ScanCommand, ScanFormat, ScanMode } from './parse-scan-args.js'

/** `localstack-guard token …`, validated. */
export interface TokenCommand {
  readonly command: 'token'
  readonly format: 'text' | 'json'
}

/** The one thing a command line asks for. */
export type ParsedCommand =
  | ScanCommand
  | TokenCommand
  | { readonly command: 'help'; readonly topic: HelpTopic }
  | { readonly command: 'version' }

const HELP_FLAGS = new Set(['-h', '--help'])

/**
 * Parses `argv` (without node and the script). Every mistake throws `InvalidInputError` with a one-line message
 * that names the argument and points at the help, so the CLI can exit 2 with it.
 */
export function parseArgs(argv: readonly string[], deps: ParseScanDeps): ParsedCommand {
  const [first, ...rest] = argv
  if (first === undefined) throw usage('no command given (the commands are scan and token)', 'main')
  if (HELP_FLAGS.has(first)) return { command: 'help', topic: 'main' }
  if (first === '--version' || first === '-V') return { command: 'version' }
  if (first === 'scan' || first === 'token') {
    if (rest.some((arg) => HELP_FLAGS.has(arg))) return { command: 'help', topic: first }
    return first === 'scan' ? parseScanArgs(rest, deps) : parseTokenArgs(rest)
  }
  if (first.startsWith('-')) throw usage(`unknown option "${shown(first)}" before the command`, 'main')
  throw usage(`unknown command "${shown(first)}" (the commands are scan and token)`, 'main')
}

function parseTokenArgs(args: readonly string[]): TokenCommand {
  let format: TokenCommand['format'] | undefined
  let index = 0
  while (index < args.length) {
    const arg = args[index] ?? ''
    const { name, inline } = splitOption(arg)
    if (name !== '--format' && name !== '-f') {
      const why = arg.startsWith('-')
        ? `unknown option "${shown(name)}" for token`
        : `token takes no arguments (got "${shown(arg)}"): it reads the token on standard input`
      throw usage(why, 'token')
    }
    if (format !== undefined) throw usage(`${shown(name)} is given twice`, 'token')
    const { value, next } = takeValue({ args, index: index + 1, arg, topic: 'token' }, inline, name)
    format = parseFormat<TokenCommand['format']>(value, ['text', 'json'], 'token')
    index = next
  }
  return { command: 'token', format: format ?? 'text' }
}
