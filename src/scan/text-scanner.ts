import { fingerprintToken } from '../tokens/fingerprint.js'
import { detectAuthTokens } from './detect-auth-tokens.js'
import { detectBase64Tokens, detectUnalignedBase64Tokens } from './detect-base64-tokens.js'
import { detectLegacyKeys } from './detect-legacy-keys.js'
import { describeFile } from './file-context.js'
import type { Finding, FindingSink, ScanOptions, SourceRef, StreamScanner } from './finding.js'
import { lineBounds } from './line-bounds.js'
import { LineTracker } from './line-tracker.js'
import type { DetectionContext, Detector, RawHit, WindowDetector } from './raw-hit.js'

/** The detectors every text scan runs, in the order their keywords are tried. See CONTRIBUTING.md, "How to add a detector". */
export const DETECTORS: readonly Detector[] = [detectAuthTokens, detectLegacyKeys, detectBase64Tokens]
/** Detectors with a pass of their own, for some files only. */
export const WINDOW_DETECTORS: readonly WindowDetector[] = [detectUnalignedBase64Tokens]

/**
 * Every detector's keyword in one alternation: one read of the text finds every candidate. Measured against one
 * pass per detector, this is what keeps the scanner within 2.5x of a bare token regex (`npm run bench`).
 */
const KEYWORDS = new RegExp(DETECTORS.map((detector) => `(?:${detector.keyword})`).join('|'), 'g')

/** The inline comment that suppresses findings on its line. */
export const ALLOW_MARKER = 'localstack-guard:allow'

/** Small writes are gathered into batches of at least this many characters, so per-batch overhead stays small. */
const MIN_BATCH_CHARS = 32 * 1024
/** Hits starting in a batch's last LOOKAHEAD characters wait for the next one: they may need what follows. */
const LOOKAHEAD_CHARS = 2048
/** Text kept before the next batch, for detectors that read the line before a hit. */
const LOOKBEHIND_CHARS = 1024
const CARRY_CHARS = LOOKAHEAD_CHARS + LOOKBEHIND_CHARS
const MAX_CACHED_FINGERPRINTS = 256

/**
 * A streaming scanner over one file's decoded text. Memory is bounded by the batch size, not the file size; time is
 * linear (every pattern is bounded, and the re-scanned seam between batches is a fixed 4 KiB).
 */
export function createTextScanner(source: SourceRef, sink: FindingSink, options: ScanOptions = {}): StreamScanner {
  return new WindowedTextScanner(source, sink, options)
}

/** Scans a whole string; convenience for tests and small inputs. */
export function scanText(text: string, source: SourceRef, options: ScanOptions = {}): Finding[] {
  const findings: Finding[] = []
  const scanner = createTextScanner(source, (finding) => findings.push(finding), options)
  scanner.write(text)
  scanner.end()
  return findings
}

/**
 * Scans each batch in place rather than appending it to what came before: concatenating would copy every byte
 * once more. The seam between two batches is scanned separately, in a small string made of the previous batch's
 * tail (`carry`) and the new batch's head.
 */
class WindowedTextScanner implements StreamScanner {
  /** Small writes not yet scanned. */
  private pending = ''
  /** The last CARRY_CHARS of the previous batch. */
  private carry = ''
  /** Absolute offset just past the last batch. */
  private consumed = 0
  /** Absolute offset before which every hit has been handled. */
  private acceptedTo = 0
  private readonly lines = new LineTracker()

  private readonly context: DetectionContext

  constructor(
    private readonly source: SourceRef,
    private readonly sink: FindingSink,
    private readonly options: ScanOptions,
  ) {
    this.context = describeFile(source.file)
  }

  write(chunk: string): void {
    // A BOM is not part of the first line: dropping it keeps columns right.
    const text = this.consumed === 0 && this.pending === '' && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk
    if (this.pending === '' && text.length >= MIN_BATCH_CHARS) return this.scanBatch(text)
    this.pending += text
    if (this.pending.length >= MIN_BATCH_CHARS) {
      const batch = this.pending
      this.pending = ''
      this.scanBatch(batch)
    }
  }

  end(): void {
    const rest = this.carry + this.pending
    const restBase = this.consumed - this.carry.length
    this.scanRange(rest, restBase, restBase + rest.length)
    this.carry = ''
    this.pending = ''
  }

  private scanBatch(batch: string): void {
    const base = this.consumed
    if (this.carry !== '') {
      const seam = this.carry + batch.slice(0, CARRY_CHARS)
      const seamBase = base - this.carry.length
      this.scanRange(seam, seamBase, base + LOOKBEHIND_CHARS)
      this.lines.advance(seam, seamBase, base + LOOKBEHIND_CHARS)
    }
    const acceptEnd = base + batch.length - LOOKAHEAD_CHARS
    this.scanRange(batch, base, acceptEnd)
    this.lines.advance(batch, base, base + batch.length - CARRY_CHARS)
    this.carry = batch.slice(batch.length - CARRY_CHARS)
    this.consumed = base + batch.length
  }

  /** Reports the hits in `text` (which starts at absolute `base`) that start in `[acceptedTo, acceptEnd)`. */
  private scanRange(text: string, base: number, acceptEnd: number): void {
    const from = this.acceptedTo - base
    const to = acceptEnd - base
    if (to <= from) return
    const hits = findHits(text, { from, to }, this.context)
    hits.sort((a, b) => a.offset - b.offset)
    for (const hit of hits) this.report(text, base, hit)
    this.acceptedTo = acceptEnd
  }

  /**
   * Fingerprints of recent secrets: a file that repeats one token (130,000 decoys) hashes it once, not per copy.
   * Bounded, so a file of distinct tokens costs what it did.
   */
  private readonly fingerprints = new Map<string, string>()

  private fingerprintOf(secret: string): string {
    const known = this.fingerprints.get(secret)
    if (known !== undefined) return known
    const fingerprint = fingerprintToken(secret)
    if (this.fingerprints.size >= MAX_CACHED_FINGERPRINTS) this.fingerprints.clear()
    this.fingerprints.set(secret, fingerprint)
    return fingerprint
  }

  private report(text: string, base: number, hit: RawHit): void {
    const fingerprint = this.fingerprintOf(hit.secret)
    if (this.options.allowFingerprints?.has(fingerprint) === true || isAllowedLine(text, hit.offset)) return
    const absolute = base + hit.offset
    this.lines.advance(text, base, absolute)
    const { line, column } = this.lines.position(absolute)
    const commit = this.source.commit === undefined ? {} : { commit: this.source.commit }
    this.sink({ category: hit.category, kind: hit.kind, file: this.source.file, line, column, ...commit, redacted: hit.redacted, fingerprint })
  }
}

function findHits(text: string, range: { from: number; to: number }, context: DetectionContext): RawHit[] {
  const hits: RawHit[] = []
  const skipTo = new Map<Detector, number>()
  KEYWORDS.lastIndex = range.from
  for (let match = KEYWORDS.exec(text); match !== null && match.index < range.to; match = KEYWORDS.exec(text)) {
    const matched = match[0]
    const detector = DETECTORS.find((candidate) => candidate.owns(matched))
    if (detector === undefined || match.index < (skipTo.get(detector) ?? 0)) continue
    const confirmation = detector.confirm({ text, index: match.index, match: matched, context })
    if (confirmation.hit !== undefined) hits.push(confirmation.hit)
    if (confirmation.skipTo !== undefined) skipTo.set(detector, confirmation.skipTo)
  }
  // A loop, not `push(...)`: a spread passes every element as an argument, and a file of 130,000 decoys overflows the stack.
  for (const detector of WINDOW_DETECTORS) if (detector.appliesTo(context)) for (const hit of detector.detect(text, range)) hits.push(hit)
  return hits
}

/** How far from a hit the allow marker is looked for: a line, unless the line is minified. */
const ALLOW_REACH_CHARS = 4096

function isAllowedLine(text: string, offset: number): boolean {
  const { start, end } = lineBounds(text, offset, { before: ALLOW_REACH_CHARS, after: ALLOW_REACH_CHARS })
  return text.slice(start, end).includes(ALLOW_MARKER)
}
