import { type Cursor, parseFormat, shown, splitOption, takeValue, usage } from './option-values.js'

/** Report formats of `scan`. */
export type ScanFormat = 'text' | 'json' | 'sarif'

/** What `scan` reads: the working tree, the history (optionally a RANGE), or the index. */
export type ScanMode =
  | { readonly kind: 'tree' }
  | { readonly kind: 'git'; readonly range?: string }
  | { readonly kind: 'staged' }

/** `localstack-guard scan …`, validated. */
export interface ScanCommand {
  readonly command: 'scan'
  /** As given; the default is the current directory. */
  readonly path: string
  readonly mode: ScanMode
  readonly format: ScanFormat
  readonly output?: string
  /** Working tree in a git repository: scan the files git ignores too (they are counted either way). */
  readonly includeIgnored: boolean
}

/** What parsing needs from the file system: the `--git [RANGE]` rule asks whether an argument is a directory. */
export interface ParseScanDeps {
  isDirectory(path: string): boolean
}

interface ScanDraft {
  path?: string
  mode?: ScanMode
  format?: ScanFormat
  output?: string
  includeIgnored?: boolean
}

/** Parses the arguments after `scan`. */
export function parseScanArgs(args: readonly string[], deps: ParseScanDeps): ScanCommand {
  const draft: ScanDraft = {}
  let index = 0
  let isOptionsEnded = false
  while (index < args.length) {
    const arg = args[index] ?? ''
    index += 1
    if (isOptionsEnded || !arg.startsWith('-')) {
      setOnce(draft, 'path', arg)
    } else if (arg === '--') {
      isOptionsEnded = true
    } else {
      index = applyOption(draft, { args, index, arg, topic: 'scan' }, deps)
    }
  }
  const command: ScanCommand = {
    command: 'scan',
    path: draft.path ?? '.',
    mode: draft.mode ?? { kind: 'tree' },
    format: draft.format ?? 'text',
    ...(draft.output === undefined ? {} : { output: draft.output }),
    includeIgnored: draft.includeIgnored ?? false,
  }
  return checkCombination(command)
}

/** Options that only make sense together with others. */
function checkCombination(command: ScanCommand): ScanCommand {
  if (command.includeIgnored && command.mode.kind !== 'tree') {
    throw usage('--include-ignored applies to the working tree only (--git and --staged read what git stores)', 'scan')
  }
  return command
}

/** Applies one option; returns the index of the next unread argument. */
function applyOption(draft: ScanDraft, cursor: Cursor, deps: ParseScanDeps): number {
  const { name, inline } = splitOption(cursor.arg)
  if (name === '--git') return applyGit(draft, { ...cursor, inline }, deps)
  if (name === '--staged') {
    if (inline !== undefined) throw usage('--staged takes no value', 'scan')
    setMode(draft, { kind: 'staged' })
    return cursor.index
  }
  if (name === '--include-ignored') {
    if (inline !== undefined) throw usage('--include-ignored takes no value', 'scan')
    draft.includeIgnored = true
    return cursor.index
  }
  if (name === '--format' || name === '-f') {
    const { value, next } = takeValue(cursor, inline, name)
    setOnce(draft, 'format', parseFormat<ScanFormat>(value, ['text', 'json', 'sarif'], 'scan'))
    return next
  }
  if (name === '--output' || name === '-o') {
    const { value, next } = takeValue(cursor, inline, name)
    setOnce(draft, 'output', value)
    return next
  }
  throw usage(`unknown option "${shown(name)}" for scan`, 'scan')
}

/** `--git=RANGE` is always a range; `--git X` takes X as RANGE unless it starts with `-` or is an existing directory. */
function applyGit(draft: ScanDraft, cursor: Cursor & { readonly inline: string | undefined }, deps: ParseScanDeps): number {
  const { inline } = cursor
  if (inline !== undefined) {
    if (inline === '') throw usage('--git= needs a RANGE after the "="', 'scan')
    // git would take it as an option (--output=FILE writes a file): a RANGE never starts with "-".
    if (inline.startsWith('-')) throw usage(`--git=${shown(inline)} is not a RANGE: a RANGE cannot start with "-"`, 'scan')
    setMode(draft, { kind: 'git', range: inline })
    return cursor.index
  }
  const next = cursor.args[cursor.index]
  if (next === undefined || next.startsWith('-') || deps.isDirectory(next)) {
    setMode(draft, { kind: 'git' })
    return cursor.index
  }
  setMode(draft, { kind: 'git', range: next })
  return cursor.index + 1
}

function setMode(draft: ScanDraft, mode: ScanMode): void {
  if (draft.mode !== undefined) {
    const why = draft.mode.kind === mode.kind ? `--${mode.kind} is given twice` : '--git and --staged cannot be combined'
    throw usage(`${why} (scan one source at a time)`, 'scan')
  }
  draft.mode = mode
}

function setOnce<K extends 'path' | 'format' | 'output'>(draft: ScanDraft, key: K, value: NonNullable<ScanDraft[K]>): void {
  if (draft[key] !== undefined) {
    const why = key === 'path' ? `more than one PATH given ("${shown(draft.path ?? '')}" and "${shown(value)}")` : `--${key} is given twice`
    throw usage(why, 'scan')
  }
  draft[key] = value
}
