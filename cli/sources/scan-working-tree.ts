import { join } from 'node:path'
import type { Finding } from '../../src/scan/finding.js'
import { scanText } from '../../src/scan/text-scanner.js'
import { listGitFiles } from './list-git-files.js'
import type { ScanContext } from './scan-context.js'
import type { FileResult } from './scan-file.js'
import { createScanPool, poolCapacity } from './scan-pool.js'
import { walkDirectory } from './walk-directory.js'

/** How a tree scan runs beyond the shared context. */
export interface TreeScanSettings {
  /** Scan the files git ignores too. */
  readonly includeIgnored: boolean
  /** The CLI's entry file, so files are scanned in worker threads; without it, on the main thread. */
  readonly entryScript: string | undefined
}

/**
 * Scans a working tree: inside a git work tree the files git tracks plus the untracked ones it does not ignore
 * (so build output and dependencies listed in .gitignore are skipped, and counted); outside one, every file under
 * `root`. Files are scanned in parallel; findings are reported in path order all the same.
 */
export async function scanWorkingTree(root: string, context: ScanContext, settings: TreeScanSettings): Promise<void> {
  const listed = await listGitFiles(root, context.env, settings.includeIgnored)
  if (listed !== undefined && !settings.includeIgnored) context.counters.skippedIgnored = listed.ignored
  const paths: AsyncIterable<string> | Iterable<string> = listed?.paths ?? walkDirectory(root, context.warn)
  await scanPaths({ root, paths, entryScript: settings.entryScript }, context)
}

/** Scans one file given on the command line as PATH. */
export async function scanSingleFile(directory: string, name: string, context: ScanContext): Promise<void> {
  await scanPaths({ root: directory, paths: [name], entryScript: undefined }, context)
}

interface PathsToScan {
  readonly root: string
  readonly paths: AsyncIterable<string> | Iterable<string>
  readonly entryScript: string | undefined
}

async function scanPaths({ root, paths, entryScript }: PathsToScan, context: ScanContext): Promise<void> {
  const pool = createScanPool({ entryScript, options: context.options })
  const capacity = entryScript === undefined ? 1 : poolCapacity()
  // Results arrive out of order; each is reported once every earlier path's result is in.
  const done = new Map<number, { path: string; result: FileResult }>()
  const inFlight = new Set<Promise<void>>()
  let next = 0
  let reported = 0
  const flush = (): void => {
    for (let entry = done.get(reported); entry !== undefined; entry = done.get(reported)) {
      done.delete(reported)
      report(entry.path, entry.result, context)
      reported += 1
    }
  }
  try {
    for await (const path of paths) {
      if (!context.isPathIncluded(path)) continue
      scanName(path, context)
      const index = next++
      const task = pool.scan({ absolutePath: join(root, path), file: path }).then((result) => {
        done.set(index, { path, result })
        flush()
      })
      const tracked = task.finally(() => inFlight.delete(tracked))
      inFlight.add(tracked)
      if (inFlight.size >= capacity) await Promise.race(inFlight)
    }
    await Promise.all(inFlight)
  } finally {
    await pool.close()
  }
}

/**
 * What a leak in a name needs at least: an Auth Token's `ls` or its base64 form's `bH`. Most paths have neither,
 * and skip building a scanner (the tree scan runs this on the main thread, once per file).
 */
const NAME_CANDIDATE = /ls|bH[MN]/i

/** A file's name is pushed content too: a token in it is a leak, reported at line 0 (the name). */
function scanName(path: string, context: ScanContext): void {
  if (!NAME_CANDIDATE.test(path)) return
  for (const finding of scanText(path, { file: path }, context.options)) {
    if (finding.category === 'leak') context.sink({ ...finding, line: 0 } satisfies Finding)
  }
}

function report(path: string, result: FileResult, context: ScanContext): void {
  const { counters } = context
  if (result.outcome === 'scanned') {
    counters.files += 1
    counters.bytes += result.bytes
    for (const finding of result.findings) context.sink(finding)
  } else if (result.outcome === 'binary') {
    counters.skippedBinary += 1
  } else if (result.outcome === 'unreadable') {
    counters.skippedUnreadable += 1
    context.warn(`Cannot read ${path}: ${result.errorCode ?? 'unknown error'}. Skipped; fix its permissions, or list it under ignore-paths in .github/localstack-guard.yml.`)
  }
  context.onProgress()
}
