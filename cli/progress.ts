import { formatBytes } from './format-text.js'
import type { ScanCounters } from './scan-report.js'

/** A throttled, single-line progress display. */
export interface Progress {
  update(counters: Readonly<ScanCounters>): void
  /** Clears the line so the report starts on a clean one. */
  finish(): void
}

/** ~10 updates a second: fast enough to look alive, rare enough to cost nothing on a large scan. */
const INTERVAL_MS = 100

/**
 * Progress on stderr, rewritten in place with `\r`, only when stderr is a terminal: pipes and CI logs stay quiet so
 * the output can be parsed and logs do not fill with carriage returns.
 */
export function createProgress(
  stream: NodeJS.WritableStream,
  settings: { readonly isEnabled: boolean; readonly isHistory: boolean; readonly now: () => number },
): Progress {
  if (!settings.isEnabled) return { update: () => undefined, finish: () => undefined }
  let lastMs = Number.NEGATIVE_INFINITY
  let hasWritten = false
  return {
    update(counters) {
      const nowMs = settings.now()
      if (nowMs - lastMs < INTERVAL_MS) return
      lastMs = nowMs
      hasWritten = true
      const unit = settings.isHistory ? `${counters.commits} commits` : `${counters.files} files`
      stream.write(`\rlocalstack-guard: scanning… ${unit}, ${formatBytes(counters.bytes)}\u001b[K`)
    },
    finish() {
      if (hasWritten) stream.write('\r\u001b[K')
    },
  }
}
