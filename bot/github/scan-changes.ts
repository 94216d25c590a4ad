import { toError } from '../../src/errors.js'
import type { Finding, ScanOptions } from '../../src/scan/finding.js'
import { redactTokenShapes } from '../../src/tokens/redact-token-shapes.js'
import { inProcessScanner, type FileScanner } from '../scan/file-scanner.js'
import type { FileChange } from './fetch-push-diffs.js'
import type { RepoClient } from './types.js'

/** Scan options plus the configuration's path filter. */
export interface ChangeScanOptions extends ScanOptions {
  readonly isPathIncluded: (path: string) => boolean
  /** The globs behind `isPathIncluded`: given, the filter runs on a scanning thread under the budget. */
  readonly ignorePaths?: readonly string[]
}

/** Counters of one scan, for logs and the benchmark. */
export interface ChangeScanStats {
  files: number
  blobsFetched: number
  binarySkipped: number
  /** Occurrences past the per-file cap, counted and not listed. */
  droppedFindings: number
  /** Files that could not be scanned (budget, crash) or were scanned only in part (a blob past the cap). */
  incompleteFiles: number
}

/** A file the scan could not cover fully: shown on the check run, so an incomplete scan is never silent. */
export interface ScanProblem {
  /** The path, token shapes redacted. */
  readonly file: string
  readonly message: string
  /** True when nothing of the file was scanned (false: the first part was). */
  readonly failed: boolean
}

/**
 * Blobs on the push path are read up to this size and scanned up to it; the rest is reported, not silently dropped.
 * GitHub serves blobs of up to 100 MB; a text file past 8 MiB is an artefact, not a place people paste tokens.
 */
export const MAX_PUSH_BLOB_BYTES = 8 * 1024 * 1024
/** Blob reads in flight across the process: with GitHub's 100 MB blobs this bounds the bot's memory, not each job's. */
const MAX_BLOB_READS = 2
/** A push's scanning may take this long in all; one file at most PER_FILE_BUDGET_MS of it. */
export const PUSH_SCAN_BUDGET_MS = 120_000
const PER_FILE_BUDGET_MS = 30_000

let scanner: FileScanner = inProcessScanner
/** The composition root hands scanning to worker threads; tests keep the in-process default. */
export function useFileScanner(chosen: FileScanner): void {
  scanner = chosen
}

/**
 * Scans each change: its patch when GitHub gave one; otherwise the whole new blob (large and unusual files lose their
 * patch), decided binary by content, not by name: by git's own check when GitHub counted no changed line, else by
 * sniffing the blob's bytes. One file's failure is a problem of that file: the others are still scanned.
 */
export async function scanChanges(
  { octokit, repo }: RepoClient,
  changes: readonly FileChange[],
  options: ChangeScanOptions,
): Promise<{ findings: Finding[]; stats: ChangeScanStats; problems: ScanProblem[] }> {
  const deadline = Date.now() + PUSH_SCAN_BUDGET_MS
  const budget = () => Math.max(1, Math.min(PER_FILE_BUDGET_MS, deadline - Date.now()))
  const findings: Finding[] = []
  const problems: ScanProblem[] = []
  const stats: ChangeScanStats = { files: 0, blobsFetched: 0, binarySkipped: 0, droppedFindings: 0, incompleteFiles: 0 }
  const kept = changes.filter((change) => change.status !== 'removed')
  const included = await filterPaths(kept, options, { budgetMs: budget(), problems })
  const allowFingerprints = [...(options.allowFingerprints ?? [])]
  for (const [index, change] of kept.entries()) {
    if (included[index] !== true) continue
    stats.files++
    const file = redactTokenShapes(change.path)
    if (Date.now() >= deadline) {
      problems.push({ file, message: `not scanned: the push's scanning budget of ${PUSH_SCAN_BUDGET_MS / 1000} s ran out`, failed: true })
      continue
    }
    try {
      const task = { path: change.path, commit: change.commit, allowFingerprints }
      if (change.patch !== undefined) {
        collect(await scanner.scanFile({ ...task, patch: change.patch }, { budgetMs: budget() }), findings, stats)
        continue
      }
      if (change.blobSha === undefined) continue
      if (change.changedLines === 0) {
        // GitHub's diff (git's content check) found it binary: reading the blob would cost a call to learn the same.
        // Its name is still pushed text: an empty patch scans the name alone.
        stats.binarySkipped++
        collect(await scanner.scanFile({ ...task, patch: '' }, { budgetMs: budget() }), findings, stats)
        continue
      }
      stats.blobsFetched++
      const bytes = await readBlob({ octokit, repo }, change.blobSha)
      if (bytes.length > MAX_PUSH_BLOB_BYTES) {
        problems.push({ file, message: `only the first ${mib(MAX_PUSH_BLOB_BYTES)} of ${mib(bytes.length)} were scanned (the bot's blob cap)`, failed: false })
      }
      const head = bytes.length > MAX_PUSH_BLOB_BYTES ? bytes.subarray(0, MAX_PUSH_BLOB_BYTES) : bytes
      collect(await scanner.scanFile({ ...task, bytes: head }, { budgetMs: budget() }), findings, stats)
    } catch (thrown: unknown) {
      if ((thrown as { status?: number }).status !== undefined) throw thrown
      problems.push({ file, message: redactTokenShapes(toError(thrown).message), failed: true })
    }
  }
  stats.incompleteFiles = problems.length
  return { findings, stats, problems }
}

function collect(result: { findings: Finding[]; dropped: number; binary: boolean }, findings: Finding[], stats: ChangeScanStats): void {
  if (result.binary) stats.binarySkipped++
  stats.droppedFindings += result.dropped
  // A loop, not `push(...)`: spreading a large array passes each element as an argument and overflows the stack.
  for (const finding of result.findings) findings.push(finding)
}

async function filterPaths(changes: readonly FileChange[], options: ChangeScanOptions, report: { budgetMs: number; problems: ScanProblem[] }): Promise<boolean[]> {
  const { budgetMs, problems } = report
  const paths = changes.map((change) => change.path)
  if (options.ignorePaths === undefined) return paths.map((path) => options.isPathIncluded(path))
  try {
    return await scanner.filterPaths(options.ignorePaths, paths, { budgetMs })
  } catch (thrown: unknown) {
    // A filter that cannot finish ignores nothing: scanning too much is safe, skipping a leak is not.
    problems.push({ file: '(ignore-paths)', message: redactTokenShapes(toError(thrown).message), failed: false })
    return paths.map(() => true)
  }
}

/** Reads a blob, at most MAX_BLOB_READS at once across the process. */
async function readBlob({ octokit, repo }: RepoClient, sha: string): Promise<Uint8Array> {
  await blobReads.acquire()
  try {
    const { data } = await octokit.rest.git.getBlob({ owner: repo.owner, repo: repo.name, file_sha: sha })
    return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8')
  } finally {
    blobReads.release()
  }
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}

/** A counting semaphore: waiters are served in order. */
class Semaphore {
  private readonly waiters: (() => void)[] = []
  constructor(private free: number) {}

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--
      return
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve))
  }

  release(): void {
    const next = this.waiters.shift()
    if (next === undefined) this.free++
    else next()
  }
}

const blobReads = new Semaphore(MAX_BLOB_READS)
