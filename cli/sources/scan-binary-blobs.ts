import { StringDecoder } from 'node:string_decoder'
import { TextDecoder } from 'node:util'
import type { BinaryFileDiff } from '../../src/scan/diff-scanner.js'
import type { Finding, ScanOptions, StreamScanner } from '../../src/scan/finding.js'
import { createTextScanner } from '../../src/scan/text-scanner.js'
import { runGit } from './run-git.js'
import type { ScanContext } from './scan-context.js'

/** One blob to read: the version a commit (or the index) has, and the one before it. */
interface BlobRequest {
  readonly file: string
  readonly commit: string | undefined
  /** True for the version before the change, whose tokens are not new. */
  readonly isBefore: boolean
}

/**
 * Git shows UTF-16 files as binary (they are full of NUL bytes), so their lines never appear in `git log -p` or
 * `git diff --cached`; the tree scan decodes them by their BOM. For each binary file diff this reads the new blob
 * and the one before it with one `git cat-file --batch`, scans a UTF-16 blob as the tree scan does, and reports the
 * tokens the change brought (those not already in the version before). Any other binary blob is counted as skipped.
 */
export async function scanBinaryBlobs(repositoryRoot: string, diffs: readonly BinaryFileDiff[], context: ScanContext): Promise<void> {
  const requests: BlobRequest[] = []
  const lines: string[] = []
  for (const diff of diffs) {
    // cat-file reads one name per line: a path with a newline cannot be asked for.
    if (diff.path === undefined || diff.path.includes('\n')) {
      context.counters.skippedBinary += 1
      continue
    }
    if (!context.isPathIncluded(diff.path)) continue
    const before = diff.commit === undefined ? `HEAD:${diff.path}` : `${diff.commit}^:${diff.path}`
    const after = diff.commit === undefined ? `:${diff.path}` : `${diff.commit}:${diff.path}`
    requests.push({ file: diff.path, commit: diff.commit, isBefore: true }, { file: diff.path, commit: diff.commit, isBefore: false })
    lines.push(before, after)
  }
  if (requests.length === 0) return
  const reader = new BatchReader(requests, context)
  await runGit({
    args: ['cat-file', '--batch'],
    cwd: repositoryRoot,
    env: context.env,
    input: `${lines.join('\n')}\n`,
    hint: 'Check the repository with "git status"',
    onStdout: (chunk) => reader.write(chunk),
  })
}

/** Parses `git cat-file --batch` output as it streams: `<oid> <type> <size>\n<content>\n` or `<name> missing\n`. */
class BatchReader {
  private index = 0
  private header: Buffer[] = []
  /** Content bytes of the current object still to come; -1 between objects. */
  private remaining = -1
  private blob: BlobScan | undefined
  private beforeTokens = new Set<string>()

  constructor(
    private readonly requests: readonly BlobRequest[],
    private readonly context: ScanContext,
  ) {}

  write(chunk: Buffer): void {
    let offset = 0
    while (offset < chunk.length) {
      if (this.remaining < 0) {
        const newline = chunk.indexOf(0x0a, offset)
        if (newline < 0) return void this.header.push(chunk.subarray(offset))
        this.header.push(chunk.subarray(offset, newline))
        offset = newline + 1
        this.startObject(Buffer.concat(this.header).toString('utf8'))
        this.header = []
      } else if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - offset)
        this.blob?.write(chunk.subarray(offset, offset + take))
        this.remaining -= take
        offset += take
      } else {
        offset += 1 // the newline after the content
        this.finishObject()
      }
    }
  }

  private startObject(header: string): void {
    const request = this.requests[this.index]
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]
    if (request === undefined || size === undefined) return this.finishObject() // missing: a new file has no "before"
    this.remaining = Number(size)
    this.blob = new BlobScan(request, this.context.options)
  }

  private finishObject(): void {
    const request = this.requests[this.index]
    const blob = this.blob
    this.index += 1
    this.remaining = -1
    this.blob = undefined
    if (request === undefined) return
    const findings = blob?.end()
    if (request.isBefore) {
      this.beforeTokens = new Set(findings?.map((finding) => finding.fingerprint))
      return
    }
    const { counters } = this.context
    if (findings === undefined) {
      counters.skippedBinary += 1
    } else {
      counters.files += 1
      counters.bytes += blob?.bytes ?? 0
      for (const finding of findings) if (!this.beforeTokens.has(finding.fingerprint)) this.context.sink(finding)
    }
    this.beforeTokens = new Set()
  }
}

/** One blob: decoded and scanned when its BOM says UTF-16, otherwise only drained. */
class BlobScan {
  bytes = 0
  private decide: Buffer | undefined = Buffer.alloc(0)
  private decoder: { write(chunk: Buffer): string; end(): string } | undefined
  private scanner: StreamScanner | undefined
  private readonly findings: Finding[] = []

  constructor(
    private readonly request: BlobRequest,
    private readonly options: ScanOptions,
  ) {}

  write(chunk: Buffer): void {
    this.bytes += chunk.length
    if (this.decide !== undefined) {
      const head = Buffer.concat([this.decide, chunk])
      if (head.length < 2) return void (this.decide = head)
      this.decide = undefined
      this.start(head.subarray(0, 2))
      if (this.scanner !== undefined) this.feed(head)
      return
    }
    if (this.scanner !== undefined) this.feed(chunk)
  }

  /** The findings of a UTF-16 blob; undefined for any other (binary) blob. */
  end(): Finding[] | undefined {
    if (this.scanner === undefined || this.decoder === undefined) return undefined
    this.scanner.write(this.decoder.end())
    this.scanner.end()
    return this.findings
  }

  private start(bom: Buffer): void {
    const encoding = bom[0] === 0xff && bom[1] === 0xfe ? 'utf-16le' : bom[0] === 0xfe && bom[1] === 0xff ? 'utf-16be' : undefined
    if (encoding === undefined) return
    if (encoding === 'utf-16le') {
      const decoder = new StringDecoder('utf16le')
      this.decoder = { write: (chunk) => decoder.write(chunk), end: () => decoder.end() }
    } else {
      const decoder = new TextDecoder('utf-16be')
      this.decoder = { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() }
    }
    const source = this.request.commit === undefined ? { file: this.request.file } : { file: this.request.file, commit: this.request.commit }
    this.scanner = createTextScanner(source, (finding) => void this.findings.push(finding), this.options)
  }

  private feed(chunk: Buffer): void {
    this.scanner?.write(this.decoder?.write(chunk) ?? '')
  }
}
