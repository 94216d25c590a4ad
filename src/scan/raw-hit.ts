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

/**
 * A detector looks at a window of text and reports hits that START in `[from, to)`; it may read past `to` (the
 * scanner keeps look-ahead text for that) and before `from` (look-behind), never outside the window.
 * Shape after trufflehog's `Detector`: one small capability, keywords first.
 */
export interface Detector {
  readonly name: string
  detect(text: string, from: number, to: number, context: DetectionContext): RawHit[]
}

/** Facts about the file being scanned that change how a value is read. */
export interface DetectionContext {
  /** True for program source, where an unquoted value is an expression, not a literal. */
  readonly isCode: boolean
}
