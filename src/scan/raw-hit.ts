import type { FindingCategory, FindingKind } from './finding.js'

/**
 * A detector's match before it becomes a `Finding`. It carries the secret because the scanner needs it for the
 * fingerprint; it never leaves `src/scan/` (only `Finding`, which has no secret, does).
 */
export interface RawHit {
  /** Offset of the match in the window text. */
  readonly offset: number
  readonly category: FindingCategory
  readonly kind: FindingKind
  /** The token, legacy key or reference expression that is fingerprinted. */
  readonly secret: string
  /** What may be shown. */
  readonly redacted: string
}

/** Facts about the file being scanned that change how a value is read. */
export interface DetectionContext {
  /** True for program source, where an unquoted value is an expression, not a literal. */
  readonly isCode: boolean
  /** True for YAML, JSON, env and similar files, where encoded blobs (Kubernetes Secrets) live. */
  readonly isDataFile: boolean
  /** True for documentation (Markdown, reStructuredText, AsciiDoc, HTML): read as prose, see `src/scan/prose.ts`. */
  readonly isProse?: boolean
}

/** A candidate found by the shared keyword pass, handed to the detector that owns it. */
export interface Candidate {
  /** The window text; a detector may read before and after the match, never outside the window. */
  readonly text: string
  readonly index: number
  readonly match: string
  readonly context: DetectionContext
}

/** What a detector made of a candidate. */
export interface Confirmation {
  readonly hit?: RawHit
  /** Candidates of the same detector starting before this offset are skipped (they sit inside a value just read). */
  readonly skipTo?: number
}

/**
 * A detector, shaped after trufflehog's: a keyword pattern first, then a check of each candidate.
 * Every detector's `keyword` is joined into one alternation, so the text is read once, whatever the number of
 * detectors (see CONTRIBUTING.md, "How to add a detector").
 */
export interface Detector {
  readonly name: string
  /** A regex source, no flags and no capture groups, that finds this detector's candidates (case-sensitive). */
  readonly keyword: string
  /** True when a match of the joined pattern is this detector's. */
  owns(match: string): boolean
  confirm(candidate: Candidate): Confirmation
}

/**
 * An optional capability: a detector that needs its own pass over the window for some files, because its keyword
 * would slow the shared pass for every file.
 */
export interface WindowDetector {
  readonly name: string
  appliesTo(context: DetectionContext): boolean
  /** Hits starting in `[from, to)` of `text`. */
  detect(text: string, range: { from: number; to: number }): RawHit[]
}
