/** A file a scan did not fully cover (its path already redacted). */
export interface ScanGap {
  readonly file: string
  readonly message: string
  /** True when nothing of the file was scanned (false: only its first part was). */
  readonly failed: boolean
}

/** How many files a check run lists as not fully scanned; the rest are counted. */
export const MAX_LISTED_GAPS = 50

/** An incomplete scan is never a silent pass: failed when a file was not scanned at all, neutral when only capped. */
export function incompleteScanConclusion(gaps: readonly ScanGap[]): 'failure' | 'neutral' {
  return gaps.some((gap) => gap.failed) ? 'failure' : 'neutral'
}

/** One Markdown list line per listed file; a backtick or line break in a path cannot end its code span. */
export function listScanGaps(gaps: readonly ScanGap[]): string[] {
  return gaps.slice(0, MAX_LISTED_GAPS).map((gap) => `- \`${gap.file.replace(/[`\r\n]/g, '?')}\`: ${gap.message.replace(/[\r\n]/g, ' ')}`)
}

/** The part of a check-run summary that says what a scan did not cover: files not fully scanned, occurrences not listed. */
export function renderScanGaps(gaps: readonly ScanGap[], droppedFindings: number): string {
  const lines: string[] = []
  if (gaps.length > 0) {
    lines.push('', `**Not fully scanned** (${gaps.length} file${gaps.length === 1 ? '' : 's'}); "Re-run" scans the commit again:`, ...listScanGaps(gaps))
    if (gaps.length > MAX_LISTED_GAPS) lines.push(`- and ${gaps.length - MAX_LISTED_GAPS} more`)
  }
  if (droppedFindings > 0) {
    lines.push('', `${droppedFindings} further occurrences were found and not listed (each file lists its first occurrences and every distinct credential).`)
  }
  return lines.join('\n')
}
