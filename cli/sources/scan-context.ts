import type { FindingSink, ScanOptions } from '../../src/scan/finding.js'
import type { Env } from '../cli-io.js'
import type { ScanCounters } from '../scan-report.js'

/** What every source needs: where findings go, what to skip, what to count. */
export interface ScanContext {
  readonly env: Env
  readonly sink: FindingSink
  readonly options: ScanOptions
  /** From `ignore-paths`: false for a path that is not to be scanned. */
  readonly isPathIncluded: (path: string) => boolean
  readonly counters: ScanCounters
  /** Reports a problem that does not end the scan (an unreadable file), one line on standard error. */
  readonly warn: (message: string) => void
  /** Called after each chunk; the progress display throttles itself. */
  readonly onProgress: () => void
}
