import { stat } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { SourceReadError } from '../../src/errors.js'
import type { Finding } from '../../src/scan/finding.js'
import { configuredScan } from '../../src/scan/guard-config.js'
import type { CliIo } from '../cli-io.js'
import type { ScanCommand } from '../parse-args.js'
import { createProgress } from '../progress.js'
import { createCounters, hasLeak, type ScanReport } from '../scan-report.js'
import { findRepositoryRoot } from '../sources/find-repository-root.js'
import { loadGuardConfig } from '../sources/load-guard-config.js'
import type { ScanContext } from '../sources/scan-context.js'
import { scanGitDiff } from '../sources/scan-git-diff.js'
import { scanSingleFile, scanWorkingTree } from '../sources/scan-working-tree.js'
import { safeForTerminal } from '../safe-text.js'
import { writeReport } from '../write-report.js'

/**
 * `localstack-guard scan`: 1. resolve PATH, 2. read the configuration, 3. stream the source through the scanner,
 * 4. write the report. Exit 1 when at least one leak was found; migration findings alone exit 0, so adopting the
 * scanner does not fail builds that still read LOCALSTACK_API_KEY from a secret.
 */
export async function runScanCommand(command: ScanCommand, io: CliIo): Promise<number> {
  const now = io.now ?? (() => performance.now())
  const startedMs = now()
  const target = resolve(io.cwd, command.path)
  const isDirectory = await isDirectoryPath(target, command.path)
  const directory = isDirectory ? target : dirname(target)
  const root = command.mode.kind === 'tree' ? directory : await findRepositoryRoot(directory, io.env)
  const config = await loadGuardConfig(root, (message) => io.stderr.write(`${safeForTerminal(message)}\n`))
  const scanning = configuredScan(config)
  const findings: Finding[] = []
  const counters = createCounters()
  const progress = createProgress(io.stderr, { isEnabled: io.stderr.isTTY === true, isHistory: command.mode.kind === 'git', now })
  const warn = (message: string): void => {
    progress.finish()
    io.stderr.write(`${safeForTerminal(message)}\n`)
  }
  const context: ScanContext = {
    env: io.env,
    warn,
    sink: (finding) => void findings.push(finding),
    options: { allowFingerprints: scanning.allowFingerprints },
    isPathIncluded: scanning.isPathIncluded,
    counters,
    onProgress: () => progress.update(counters),
  }
  try {
    if (command.mode.kind !== 'tree') await scanGitDiff(root, command.mode, context)
    else if (isDirectory) await scanWorkingTree(root, context, { includeIgnored: command.includeIgnored, entryScript: io.entryScript })
    else await scanSingleFile(directory, basename(target), context)
  } finally {
    progress.finish()
  }
  const { commits, skippedIgnored, ...rest } = counters
  const stats = {
    ...rest,
    ...(command.mode.kind === 'git' ? { commits } : {}),
    ...(command.mode.kind === 'tree' && isDirectory ? { skippedIgnored } : {}),
    durationMs: Math.round(now() - startedMs),
  }
  const report: ScanReport = { findings, stats }
  await writeReport(report, command, io)
  return hasLeak(report) ? 1 : 0
}

async function isDirectoryPath(absolutePath: string, given: string): Promise<boolean> {
  try {
    return (await stat(absolutePath)).isDirectory()
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new SourceReadError(`Cannot read PATH ${safeForTerminal(given)}: ${code}. Check the path, or run the scan from another directory.`, { cause: error })
  }
}
