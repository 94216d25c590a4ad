import { fingerprintToken } from '../tokens/fingerprint.js'
import { detectAuthTokens } from './detect-auth-tokens.js'
import { detectBase64Tokens } from './detect-base64-tokens.js'
import { detectLegacyKeys } from './detect-legacy-keys.js'
import { describeFile } from './file-context.js'
import type { Finding, FindingSink, ScanOptions, SourceRef, StreamScanner } from './finding.js'
import { lineBounds } from './line-bounds.js'
import { LineTracker } from './line-tracker.js'
import type { DetectionContext, Detector, RawHit } from './raw-hit.js'

/** The detectors every text scan runs. Adding one: see CONTRIBUTING.md, "How to add a detector". */
export const DETECTORS: readonly Detector[] = [detectAuthTokens, detectBase64Tokens, detectLegacyKeys]

/** The inline comment that suppresses findings on its line. */
export const ALLOW_MARKER = 'localstack-guard:allow'

/** Text is scanned in batches of at least this many characters, so the per-batch overhead stays small. */
const MIN_BATCH_CHARS = 256 * 1024
/** Hits starting in the last LOOKAHEAD characters wait for more text: they may need what follows (a token's tail). */
const LOOKAHEAD_CHARS = 2048
/** Text kept before the next batch, for detectors that read the line before a hit. */
const LOOKBEHIND_CHARS = 1024

/**
 * A streaming scanner over one file's decoded text. Memory is bounded by the batch size, not the file size; time is
 * linear (every pattern is bounded, and re-scanned overlap is a fixed 3 KiB per 256 KiB batch).
 */
export function createTextScanner(source: SourceRef, sink: FindingSink, options: ScanOptions = {}): StreamScanner {
  return new WindowedTextScanner(source, sink, options, describeFile(source.file))
}

/** Scans a whole string; convenience for tests and small inputs. */
export function scanText(text: string, source: SourceRef, options: ScanOptions = {}): Finding[] {
  const findings: Finding[] = []
  const scanner = createTextScanner(source, (finding) => findings.push(finding), options)
  scanner.write(text)
  scanner.end()
  return findings
}

class WindowedTextScanner implements StreamScanner {
  private text = ''
  /** Absolute offset of `text[0]`. */
  private base = 0
  /** Absolute offset before which every hit has been handled. */
  private acceptedTo = 0
  private isStart = true
  private readonly lines = new LineTracker()

  constructor(
    private readonly source: SourceRef,
    private readonly sink: FindingSink,
    private readonly options: ScanOptions,
    private readonly context: DetectionContext,
  ) {}

  write(chunk: string): void {
    if (this.isStart && chunk.length > 0) {
      // A BOM is not part of the first line: dropping it keeps columns right.
      this.text = chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk
      this.isStart = false
    } else {
      this.text += chunk
    }
    if (this.text.length >= MIN_BATCH_CHARS + LOOKAHEAD_CHARS) this.scanBatch(false)
  }

  end(): void {
    this.scanBatch(true)
    this.text = ''
  }

  private scanBatch(isFinal: boolean): void {
    const text = this.text
    const limit = isFinal ? text.length : text.length - LOOKAHEAD_CHARS
    const from = this.acceptedTo - this.base
    const hits = DETECTORS.flatMap((detector) => detector.detect(text, from, limit, this.context))
    hits.sort((a, b) => a.offset - b.offset)
    for (const hit of hits) this.report(text, hit)
    this.acceptedTo = this.base + limit
    if (isFinal) return
    const keepFrom = Math.max(0, limit - LOOKBEHIND_CHARS)
    this.lines.advance(text, this.base, this.base + keepFrom)
    this.text = text.slice(keepFrom)
    this.base += keepFrom
  }

  private report(text: string, hit: RawHit): void {
    const fingerprint = fingerprintToken(hit.secret)
    if (this.options.allowFingerprints?.has(fingerprint) === true || isAllowedLine(text, hit.offset)) return
    const absolute = this.base + hit.offset
    this.lines.advance(text, this.base, absolute)
    const { line, column } = this.lines.position(absolute)
    const commit = this.source.commit === undefined ? {} : { commit: this.source.commit }
    this.sink({ category: hit.category, kind: hit.kind, file: this.source.file, line, column, ...commit, redacted: hit.redacted, fingerprint })
  }
}

/** How far from a hit the allow marker is looked for: a line, unless the line is minified. */
const ALLOW_REACH_CHARS = 4096

function isAllowedLine(text: string, offset: number): boolean {
  const { start, end } = lineBounds(text, offset, ALLOW_REACH_CHARS, ALLOW_REACH_CHARS)
  return text.slice(start, end).includes(ALLOW_MARKER)
}
