import { classifyHunkLine, parseHunkHeader, pathOfGitHeader, unquoteGitPath } from './diff-lines.js'
import type { Finding, FindingSink, ScanOptions, StreamScanner } from './finding.js'
import { createTextScanner, scanText } from './text-scanner.js'

/** Options of a diff scan: the usual ones plus the configuration's path filter. */
export interface DiffScanOptions extends ScanOptions {
  readonly isPathIncluded?: (path: string) => boolean
  /**
   * Receives the findings in a new file's name (a token in a path is pushed content too), with `line: 0`. Without
   * it, names are not scanned.
   */
  readonly nameSink?: FindingSink
  /**
   * Told of each added or changed file that git shows as `Binary files … differ` (its lines are not in the diff):
   * the caller can read the blob itself (git calls UTF-16 binary) and count what it skips.
   */
  readonly onBinary?: (file: BinaryFileDiff) => void
}

/** A file diff git printed as binary: the new path and the commit (none for staged changes). */
export interface BinaryFileDiff {
  /** The new side's path; undefined when git's header could not be read back to one path. */
  readonly path: string | undefined
  readonly commit?: string
}

/**
 * How much of a line that is not an added line is kept. Header lines (`diff --git`, `+++ b/…`) are bounded by
 * git's path length; anything longer is skipped without being held, so memory stays flat on any input.
 */
const MAX_HEADER_CHARS = 64 * 1024

/**
 * Scans unified diffs as they stream: the output of `git log -p --cc -U0 --format='commit %H'` (history, merges
 * included), `git diff --cached -U0` (staged changes), or one file's GitHub `patch` (`scanPatch`). Only added lines
 * are scanned, and findings carry the new file's line numbers and the commit.
 *
 * Linear in the input whatever its line lengths: an added line is passed to the file's text scanner piece by piece
 * as it arrives, never gathered first, so a 100 MB single-line file costs what 100 MB of short lines cost.
 */
export function createDiffScanner(sink: FindingSink, options: DiffScanOptions = {}): StreamScanner {
  const parser = new DiffParser(sink, options)
  return { write: (chunk) => parser.write(chunk), end: () => parser.end() }
}

/** Scans one file's patch (hunks only, as GitHub's compare and commit APIs return it). */
export function scanPatch(patch: string, source: { file: string; commit?: string }, options: ScanOptions = {}): Finding[] {
  const findings: Finding[] = []
  const parser = new DiffParser((finding) => findings.push(finding), options)
  parser.startFile(source.file, source.commit)
  parser.write(patch)
  parser.end()
  return findings
}

/** One scanned file section: its text scanner and where each run of added lines sits in the new file. */
interface FileSection {
  readonly scanner: StreamScanner
  /** [first scanned line index, new-file line number] per run of consecutive added lines. */
  readonly runs: [number, number][]
  scannedLines: number
  /** The new-file line number the next added line would have if it continues the current run. */
  nextNewLine: number
}

/**
 * What the parser does with the rest of the current line: gather its start until it can be classified (`head`),
 * pass it to the file's scanner (`added`), or drop it (`skip`).
 */
type LineMode = 'head' | 'added' | 'skip'

class DiffParser {
  private commit: string | undefined
  private section: FileSection | undefined
  private pendingPath: string | undefined
  /** The path of the current `diff --git` header, for a binary file diff (which has no `+++` line). */
  private gitPath: string | undefined
  private isNewFile = false
  private parents = 1
  private newLine = 0
  private isInHunk = false
  private mode: LineMode = 'head'
  /** The start of the current line while its mode is `head`. */
  private head = ''

  constructor(
    private readonly sink: FindingSink,
    private readonly options: DiffScanOptions,
  ) {}

  write(text: string): void {
    let position = 0
    while (position < text.length) {
      const newline = text.indexOf('\n', position)
      const end = newline < 0 ? text.length : newline
      this.piece(position === 0 && end === text.length ? text : text.slice(position, end), newline >= 0)
      position = end + 1
    }
  }

  startFile(path: string, commit: string | undefined): void {
    this.closeFile()
    this.commit = commit
    this.openFile(path)
  }

  end(): void {
    if (this.mode !== 'head' || this.head !== '') this.piece('', true)
    this.closeFile()
  }

  /** Handles `part` of the current line; `isLineEnd` when a newline (or the end) follows it. */
  private piece(part: string, isLineEnd: boolean): void {
    if (this.mode === 'added') {
      if (part !== '') this.section?.scanner.write(part)
      if (isLineEnd) this.finishAddedLine()
    } else if (this.mode === 'skip') {
      if (isLineEnd) this.mode = 'head'
    } else {
      const room = Math.max(MAX_HEADER_CHARS - this.head.length, 0)
      this.head += part.length <= room ? part : part.slice(0, room)
      if (isLineEnd) {
        const line = this.head.endsWith('\r') ? this.head.slice(0, -1) : this.head
        this.head = ''
        this.line(line)
      } else {
        this.classifyEarly()
      }
    }
  }

  /**
   * A line still arriving is classified as soon as its prefix decides it: an added line starts streaming into the
   * scanner, any other hunk line (or an over-long header) is dropped as it arrives.
   */
  private classifyEarly(): void {
    const head = this.head
    if (this.isInHunk && /^[-+ \\]/.test(head)) {
      if (head.length < this.parents) return
      this.head = ''
      if (this.hunkLineStart(head)) this.mode = 'added'
      else this.mode = 'skip'
      return
    }
    if (head.length >= MAX_HEADER_CHARS) {
      this.head = ''
      this.isInHunk = false
      this.mode = 'skip'
    }
  }

  private line(line: string): void {
    if (this.isInHunk && /^[-+ \\]/.test(line)) {
      if (this.hunkLineStart(line)) this.finishAddedLine()
      return
    }
    if (line.startsWith('@@')) return this.hunkHeader(line)
    this.isInHunk = false
    this.headerLine(line)
  }

  /** A line outside any hunk: a commit, the start of a file diff, or one of its header lines. */
  private headerLine(line: string): void {
    if (line.startsWith('commit ')) {
      this.closeFile()
      this.commit = line.slice('commit '.length).trim().split(' ')[0]
    } else if (line.startsWith('diff ')) {
      this.fileHeader(line)
    } else if (line.startsWith('Binary files ') && line.endsWith(' differ')) {
      this.binaryFile(line)
    } else if (line.startsWith('new file mode')) {
      this.isNewFile = true
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4)
      if (target !== '/dev/null') this.openFile(unquoteGitPath(target).replace(/^b\//, ''))
    }
  }

  /** `diff --git a/P b/P` or `diff --cc P`: a new file diff starts. */
  private fileHeader(line: string): void {
    this.closeFile()
    this.isNewFile = false
    this.pendingPath = /^diff --(?:cc|combined) (.+)$/.exec(line)?.[1]
    if (line.startsWith('diff --git ')) this.gitPath = pathOfGitHeader(line.slice('diff --git '.length))
    else this.gitPath = this.pendingPath === undefined ? undefined : unquoteGitPath(this.pendingPath)
  }

  /** `Binary files … differ`: no lines to scan here, so the caller is told. A deleted file adds nothing. */
  private binaryFile(line: string): void {
    if (line.endsWith(' and /dev/null differ')) return
    this.options.onBinary?.({ path: this.gitPath, ...(this.commit === undefined ? {} : { commit: this.commit }) })
  }

  private hunkHeader(line: string): void {
    const header = parseHunkHeader(line)
    if (header === undefined) return
    if (this.section === undefined && this.pendingPath !== undefined) this.openFile(unquoteGitPath(this.pendingPath))
    this.parents = header.parents
    this.newLine = header.newStart
    this.isInHunk = true
  }

  /**
   * Starts a hunk line from its first characters (at least the parent columns). Returns true when it is an added
   * line of a scanned file: its text after the columns has been written, and the rest follows as it arrives.
   */
  private hunkLineStart(start: string): boolean {
    const role = classifyHunkLine(start, this.parents)
    if (role === 'removed' || role === 'other') return false
    const section = this.section
    const isAdded = role === 'added' && section !== undefined
    if (isAdded) {
      if (section.runs.length === 0 || section.nextNewLine !== this.newLine) section.runs.push([section.scannedLines, this.newLine])
      section.scannedLines++
      section.nextNewLine = this.newLine + 1
      const content = start.slice(this.parents)
      if (content !== '') section.scanner.write(content)
    }
    this.newLine++
    return isAdded
  }

  private finishAddedLine(): void {
    this.section?.scanner.write('\n')
    this.mode = 'head'
  }

  private openFile(path: string): void {
    const isNewFile = this.isNewFile
    this.closeFile()
    this.pendingPath = undefined
    if (isNewFile) this.scanName(path)
    if (this.options.isPathIncluded?.(path) === false) return
    const runs: [number, number][] = []
    const scanner = createTextScanner(this.source(path), (finding) => this.sink({ ...finding, line: toNewLine(runs, finding.line) }), this.options)
    this.section = { scanner, runs, scannedLines: 0, nextNewLine: 0 }
  }

  /** A new file's name is pushed content too: a token in it is a leak, reported at line 0 (the name). */
  private scanName(path: string): void {
    const nameSink = this.options.nameSink
    if (nameSink === undefined) return
    for (const finding of scanText(path, this.source(path), this.options)) {
      if (finding.category === 'leak') nameSink({ ...finding, line: 0 })
    }
  }

  private source(path: string): { file: string; commit?: string } {
    return this.commit === undefined ? { file: path } : { file: path, commit: this.commit }
  }

  private closeFile(): void {
    this.section?.scanner.end()
    this.section = undefined
    this.isInHunk = false
    this.isNewFile = false
  }
}

/** Maps a 1-based line of the scanned added-lines text back to the new file's line number. */
function toNewLine(runs: readonly [number, number][], scannedLine: number): number {
  const index = scannedLine - 1
  let low = 0
  let high = runs.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((runs[middle]?.[0] ?? 0) <= index) low = middle
    else high = middle - 1
  }
  const [runStart, newStart] = runs[low] ?? [0, 1]
  return newStart + (index - runStart)
}
