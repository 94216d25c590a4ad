import { sniffEncoding } from '../../src/scan/decode-bytes.js'
import { scanPatch } from '../../src/scan/diff-scanner.js'
import type { Finding } from '../../src/scan/finding.js'
import { createPathFilter } from '../../src/scan/guard-config.js'
import { scanNames } from '../../src/scan/scan-names.js'
import { createTextScanner } from '../../src/scan/text-scanner.js'
import { redactTokenShapes } from '../../src/tokens/redact-token-shapes.js'

/**
 * One file to scan, as the scanning threads receive it (structured-clone friendly: no functions, no classes). The path
 * is the raw one; every finding names it redacted.
 */
export interface FileScanTask {
  readonly path: string
  readonly commit: string
  readonly patch?: string
  readonly bytes?: Uint8Array
  readonly allowFingerprints: readonly string[]
}

/** What scanning one file found, after the per-file cap. */
export interface FileScanResult {
  readonly findings: Finding[]
  /** Occurrences found past the cap and not listed. */
  readonly dropped: number
  readonly binary: boolean
}

/**
 * A file lists at most this many occurrences, and at most MAX_DISTINCT_PER_FILE distinct credentials: 130,000 copies
 * of one decoy cost one list entry each of memory and annotation otherwise. The first occurrence of every distinct
 * credential is kept up to that second cap, so a real token hidden behind a flood of decoys is still reported.
 */
export const MAX_OCCURRENCES_PER_FILE = 100
export const MAX_DISTINCT_PER_FILE = 1000

/** Scans one file's patch or content: pure, the same in a scanning thread and in process. */
export function scanFileTask(task: FileScanTask): FileScanResult {
  const file = redactTokenShapes(task.path)
  const options = { allowFingerprints: new Set(task.allowFingerprints) }
  const cap = new FindingCap()
  // The name is pushed too: a token in it is a finding of its own.
  for (const finding of scanNames({ paths: [{ commit: task.commit, path: task.path }] }, options)) cap.add(finding)
  const source = { file, commit: task.commit }
  if (task.patch !== undefined) {
    for (const finding of scanPatch(task.patch, source, options)) cap.add(finding)
    return cap.result(false)
  }
  const bytes = task.bytes ?? new Uint8Array()
  const encoding = sniffEncoding(bytes)
  if (encoding === 'binary') return cap.result(true)
  const scanner = createTextScanner(source, (finding) => cap.add(finding), options)
  scanner.write(new TextDecoder(encoding).decode(bytes))
  scanner.end()
  return cap.result(false)
}

/** The configuration's path filter over many paths at once (one round trip to a scanning thread per push). */
export function filterPathsTask(ignorePaths: readonly string[], paths: readonly string[]): boolean[] {
  const isIncluded = createPathFilter({ 'ignore-paths': [...ignorePaths] })
  return paths.map((path) => isIncluded(path))
}

class FindingCap {
  private readonly findings: Finding[] = []
  private readonly seen = new Set<string>()
  private dropped = 0

  add(finding: Finding): void {
    const isNew = !this.seen.has(finding.fingerprint)
    if (this.findings.length < MAX_OCCURRENCES_PER_FILE || (isNew && this.seen.size < MAX_DISTINCT_PER_FILE)) {
      this.findings.push(finding)
      this.seen.add(finding.fingerprint)
    } else this.dropped++
  }

  result(binary: boolean): FileScanResult {
    return { findings: this.findings, dropped: this.dropped, binary }
  }
}
