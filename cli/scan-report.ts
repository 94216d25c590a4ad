import type { Finding } from '../src/scan/finding.js'

/** What a scan counted, the `stats` object of the JSON report. */
export interface ScanStats {
  /** Text files scanned (working tree), or file diffs read (--git, --staged). */
  readonly files: number
  /** Bytes read: file contents, or git's diff output. */
  readonly bytes: number
  /** Commits read; present for --git only. */
  readonly commits?: number
  /** Files skipped because their first 8 KiB look binary. */
  readonly skippedBinary: number
  /** Working tree in a git repository: untracked files git ignores, not scanned (see --include-ignored). */
  readonly skippedIgnored?: number
  /** Files that could not be read (each named on standard error). */
  readonly skippedUnreadable: number
  readonly durationMs: number
}

/** A finished scan, handed to a formatter. */
export interface ScanReport {
  readonly findings: readonly Finding[]
  readonly stats: ScanStats
}

/** Mutable tallies the sources update as they go (progress reads them too). */
export interface ScanCounters {
  files: number
  bytes: number
  commits: number
  skippedBinary: number
  skippedIgnored: number
  skippedUnreadable: number
}

/** Fresh, zeroed tallies. */
export function createCounters(): ScanCounters {
  return { files: 0, bytes: 0, commits: 0, skippedBinary: 0, skippedIgnored: 0, skippedUnreadable: 0 }
}

/** True when the report holds a leak: the only thing that makes `scan` exit 1 (migration findings do not). */
export function hasLeak(report: Pick<ScanReport, 'findings'>): boolean {
  return report.findings.some((finding) => finding.category === 'leak')
}
