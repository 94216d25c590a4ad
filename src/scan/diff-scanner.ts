import { classifyHunkLine, parseHunkHeader, unquoteGitPath } from './diff-lines.js'
import type { Finding, FindingSink, ScanOptions, StreamScanner } from './finding.js'
import { createTextScanner } from './text-scanner.js'

/** Options of a diff scan: the usual ones plus the configuration's path filter. */
export interface DiffScanOptions extends ScanOptions {
  readonly isPathIncluded?: (path: string) => boolean
}

/**
 * Scans unified diffs as they stream: the output of `git log -p --cc -U0 --format='commit %H'` (history, merges
 * included), `git diff --cached -U0` (staged changes), or one file's GitHub `patch` (`scanPatch`). Only added lines
 * are scanned, and findings carry the new file's line numbers and the commit.
 */
export function createDiffScanner(sink: FindingSink, options: DiffScanOptions = {}): StreamScanner {
  const parser = new DiffParser(sink, options)
  let carry = ''
  return {
    write(chunk) {
      const text = carry + chunk
      const lastNewline = text.lastIndexOf('\n')
      if (lastNewline < 0) {
        carry = text
        return
      }
      parser.lines(text.slice(0, lastNewline))
      carry = text.slice(lastNewline + 1)
    },
    end() {
      if (carry !== '') parser.lines(carry)
      carry = ''
      parser.end()
    },
  }
}

/** Scans one file's patch (hunks only, as GitHub's compare and commit APIs return it). */
export function scanPatch(patch: string, source: { file: string; commit?: string }, options: ScanOptions = {}): Finding[] {
  const findings: Finding[] = []
  const parser = new DiffParser((finding) => findings.push(finding), options)
  parser.startFile(source.file, source.commit)
  parser.lines(patch)
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

class DiffParser {
  private commit: string | undefined
  private section: FileSection | undefined
  private pendingPath: string | undefined
  private parents = 1
  private newLine = 0
  private isInHunk = false

  constructor(
    private readonly sink: FindingSink,
    private readonly options: DiffScanOptions,
  ) {}

  lines(block: string): void {
    let start = 0
    while (start <= block.length) {
      const newline = block.indexOf('\n', start)
      const end = newline < 0 ? block.length : newline
      this.line(block.slice(start, end).replace(/\r$/, ''))
      start = end + 1
    }
  }

  startFile(path: string, commit: string | undefined): void {
    this.closeFile()
    this.commit = commit
    this.openFile(path)
  }

  end(): void {
    this.closeFile()
  }

  private line(line: string): void {
    if (this.isInHunk && /^[-+ \\]/.test(line)) return this.hunkLine(line)
    if (line.startsWith('@@')) return this.hunkHeader(line)
    this.isInHunk = false
    if (line.startsWith('commit ')) {
      this.closeFile()
      this.commit = line.slice('commit '.length).trim().split(' ')[0]
    } else if (line.startsWith('diff ')) {
      this.closeFile()
      this.pendingPath = /^diff --(?:cc|combined) (.+)$/.exec(line)?.[1]
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4)
      if (target !== '/dev/null') this.openFile(unquoteGitPath(target).replace(/^b\//, ''))
    }
  }

  private hunkHeader(line: string): void {
    const header = parseHunkHeader(line)
    if (header === undefined) return
    if (this.section === undefined && this.pendingPath !== undefined) this.openFile(unquoteGitPath(this.pendingPath))
    this.parents = header.parents
    this.newLine = header.newStart
    this.isInHunk = true
  }

  private hunkLine(line: string): void {
    const role = classifyHunkLine(line, this.parents)
    if (role === 'removed' || role === 'other') return
    const section = this.section
    if (role === 'added' && section !== undefined) {
      if (section.runs.length === 0 || section.nextNewLine !== this.newLine) section.runs.push([section.scannedLines, this.newLine])
      section.scanner.write(`${line.slice(this.parents)}\n`)
      section.scannedLines++
      section.nextNewLine = this.newLine + 1
    }
    this.newLine++
  }

  private openFile(path: string): void {
    this.closeFile()
    this.pendingPath = undefined
    if (this.options.isPathIncluded?.(path) === false) return
    const runs: [number, number][] = []
    const source = this.commit === undefined ? { file: path } : { file: path, commit: this.commit }
    const scanner = createTextScanner(source, (finding) => this.sink({ ...finding, line: toNewLine(runs, finding.line) }), this.options)
    this.section = { scanner, runs, scannedLines: 0, nextNewLine: 0 }
  }

  private closeFile(): void {
    this.section?.scanner.end()
    this.section = undefined
    this.isInHunk = false
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
