import { sniffEncoding } from '../../src/scan/decode-bytes.js'
import { scanPatch } from '../../src/scan/diff-scanner.js'
import type { Finding, ScanOptions } from '../../src/scan/finding.js'
import { scanText } from '../../src/scan/text-scanner.js'
import type { FileChange } from './fetch-push-diffs.js'
import type { RepoClient } from './types.js'

/** Scan options plus the configuration's path filter. */
export interface ChangeScanOptions extends ScanOptions {
  readonly isPathIncluded: (path: string) => boolean
}

/** Counters of one scan, for logs and the benchmark. */
export interface ChangeScanStats {
  files: number
  blobsFetched: number
  binarySkipped: number
}

/**
 * Scans each change: its patch when GitHub gave one; otherwise the whole new blob (large and unusual files lose their
 * patch, FACTS.md §5), decided binary by content, not by name: by git's own check when GitHub counted no changed
 * line, else by sniffing the blob's bytes.
 */
export async function scanChanges(
  { octokit, repo }: RepoClient,
  changes: readonly FileChange[],
  options: ChangeScanOptions,
): Promise<{ findings: Finding[]; stats: ChangeScanStats }> {
  const findings: Finding[] = []
  const stats: ChangeScanStats = { files: 0, blobsFetched: 0, binarySkipped: 0 }
  for (const change of changes) {
    if (change.status === 'removed' || !options.isPathIncluded(change.path)) continue
    stats.files++
    const source = { file: change.path, commit: change.commit }
    if (change.patch !== undefined) {
      findings.push(...scanPatch(change.patch, source, options))
      continue
    }
    if (change.blobSha === undefined) continue
    if (change.changedLines === 0) {
      // GitHub's diff (git's content check) found it binary: reading the blob would cost a call to learn the same.
      stats.binarySkipped++
      continue
    }
    stats.blobsFetched++
    const { data } = await octokit.rest.git.getBlob({ owner: repo.owner, repo: repo.name, file_sha: change.blobSha })
    const bytes = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8')
    const encoding = sniffEncoding(bytes)
    if (encoding === 'binary') {
      stats.binarySkipped++
      continue
    }
    findings.push(...scanText(new TextDecoder(encoding).decode(bytes), source, options))
  }
  return { findings, stats }
}
