import type { Finding } from '../src/scan/finding.js'
import { safeForTerminal } from './safe-text.js'
import { hasLeak, type ScanReport, type ScanStats } from './scan-report.js'

/**
 * The human report: one `path:line:column  kind  redacted  fingerprint` line per finding, then a summary. The
 * fingerprint is shown whole, so it can be pasted into allow-fingerprints as it is. A path is printed with token
 * shapes redacted and control characters escaped: a file name is written by whoever made the file.
 */
export function formatText(report: ScanReport): string {
  const lines = report.findings.map(formatFinding)
  lines.push(summarize(report))
  if (hasLeak(report)) {
    lines.push('Rotate every leaked token in the LocalStack web app: deleting it from the file leaves it in git history.')
  }
  if (report.findings.some((finding) => finding.category === 'migration')) {
    lines.push('Migrate LOCALSTACK_API_KEY to LOCALSTACK_AUTH_TOKEN holding an Auth Token (legacy API keys stop activating).')
  }
  return `${lines.join('\n')}\n`
}

function formatFinding(finding: Finding): string {
  const commit = finding.commit === undefined ? '' : `  commit ${finding.commit.slice(0, 12)}`
  const file = safeForTerminal(finding.file)
  const where = finding.line === 0 ? `${file} (in the file name)` : `${file}:${finding.line}:${finding.column}`
  return `${where}  ${finding.kind}  ${safeForTerminal(finding.redacted)}  ${finding.fingerprint}${commit}`
}

/** One line: what was found, in what, how long it took. Used on stderr too when the report goes to --output. */
export function summarize(report: ScanReport): string {
  const leaks = report.findings.filter((finding) => finding.category === 'leak').length
  const migrations = report.findings.length - leaks
  const found = leaks === 0 ? 'no leaks' : plural(leaks, 'leak')
  const also = migrations === 0 ? '' : `, ${plural(migrations, 'migration finding')}`
  return `localstack-guard: ${found}${also} in ${describeScope(report.stats)}, ${formatSeconds(report.stats.durationMs)}.`
}

function describeScope(stats: ScanStats): string {
  const size = formatBytes(stats.bytes)
  const binaryDiffs = stats.skippedBinary === 0 ? '' : `, ${plural(stats.skippedBinary, 'binary file diff')} skipped`
  if (stats.commits !== undefined) return `${plural(stats.commits, 'commit')} (${plural(stats.files, 'file diff')}, ${size}${binaryDiffs})`
  const skipped = [
    stats.skippedBinary === 0 ? '' : `${plural(stats.skippedBinary, 'binary file')} skipped`,
    (stats.skippedIgnored ?? 0) === 0 ? '' : `${plural(stats.skippedIgnored ?? 0, 'git-ignored file')} skipped (--include-ignored scans them)`,
    stats.skippedUnreadable === 0 ? '' : `${plural(stats.skippedUnreadable, 'unreadable file')} skipped`,
  ].filter((part) => part !== '')
  return `${plural(stats.files, 'file')} (${[size, ...skipped].join(', ')})`
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`
}

/** Bytes in B, KB, MB or GB (powers of 1000, as `du --si`). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'TB'}`
}

function formatSeconds(durationMs: number): string {
  return `${(durationMs / 1000).toFixed(1)} s`
}
