import type { Finding } from '../src/scan/finding.js'
import { redactTokenShapes } from './safe-text.js'
import type { ScanReport, ScanStats } from './scan-report.js'

/**
 * The JSON report of docs/design.md: `{ findings: [...], stats: {...} }`. Fields are copied one by one, in the documented
 * order, so nothing the scanner might carry internally can reach the output.
 */
export function formatJson(report: ScanReport): string {
  const document = { findings: report.findings.map(toJsonFinding), stats: toJsonStats(report.stats) }
  return `${JSON.stringify(document, null, 2)}\n`
}

function toJsonFinding(finding: Finding): Finding {
  return {
    category: finding.category,
    kind: finding.kind,
    // A token in a file name is reported as a finding of its own; the path itself never carries it.
    file: redactTokenShapes(finding.file),
    line: finding.line,
    column: finding.column,
    ...(finding.commit === undefined ? {} : { commit: finding.commit }),
    redacted: finding.redacted,
    fingerprint: finding.fingerprint,
  }
}

function toJsonStats(stats: ScanStats): ScanStats {
  return {
    files: stats.files,
    bytes: stats.bytes,
    ...(stats.commits === undefined ? {} : { commits: stats.commits }),
    skippedBinary: stats.skippedBinary,
    ...(stats.skippedIgnored === undefined ? {} : { skippedIgnored: stats.skippedIgnored }),
    skippedUnreadable: stats.skippedUnreadable,
    durationMs: stats.durationMs,
  }
}
