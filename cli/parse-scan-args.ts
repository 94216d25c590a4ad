import { type Cursor, parseFormat, splitOption, takeValue, usage } from './option-values.js'

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
  return {
    command: 'scan',
    path: draft.path ?? '.',
    mode: draft.mode ?? { kind: 'tree' },
    format: draft.format ?? 'text',
    ...(draft.output === undefined ? {} : { output: draft.output }),
  }
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
  throw usage(`unknown option "${name}" for scan`, 'scan')
}

/** `--git=RANGE` is always a range; `--git X` takes X as RANGE unless it starts with `-` or is an existing directory. */
function applyGit(draft: ScanDraft, cursor: Cursor & { readonly inline: string | undefined }, deps: ParseScanDeps): number {
  const { inline } = cursor
  if (inline !== undefined) {
    if (inline === '') throw usage('--git= needs a RANGE after the "="', 'scan')
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
    const why = key === 'path' ? `more than one PATH given ("${draft.path ?? ''}" and "${value}")` : `--${key} is given twice`
    throw usage(why, 'scan')
  }
  draft[key] = value
}
