import { TextDecoder } from 'node:util'
import { type BinaryFileDiff, createDiffScanner } from '../../src/scan/diff-scanner.js'
import type { ScanMode } from '../parse-args.js'
import { createDiffHeaderCounter } from './count-diff-headers.js'
import { runGit } from './run-git.js'
import { scanBinaryBlobs } from './scan-binary-blobs.js'
import type { ScanContext } from './scan-context.js'

/**
 * Patch options that make the output what the diff scanner reads whatever the user's git config: added lines only
 * (-U0), fixed a/ b/ prefixes (diff.noprefix and diff.mnemonicPrefix change them), paths from the repository root
 * (diff.relative), no renames (a rename's lines count as added under the new path), no external diff or textconv.
 */
const PATCH_ARGS = [
  '-U0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-renames',
  '--no-relative',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--submodule=short',
]

/**
 * `--git`: every commit reachable from HEAD (or RANGE), merges included through the combined diff (--cc), so a
 * token that only a conflict resolution introduced is found with the merge commit.
 */
function historyArgs(range: string | undefined): string[] {
  const revisions = range === undefined ? ['HEAD'] : [range]
  // --end-of-options: RANGE is a revision even if it looks like an option (the parser refuses a leading "-" too).
  return ['log', '-p', '--cc', '--no-show-signature', ...PATCH_ARGS, '--format=commit%x20%H', '--end-of-options', ...revisions, '--']
}

function stagedArgs(): string[] {
  return ['diff', '--cached', ...PATCH_ARGS]
}

/** Streams `git log -p` (--git) or `git diff --cached` (--staged) run at the repository root through the diff scanner. */
export async function scanGitDiff(repositoryRoot: string, mode: Exclude<ScanMode, { kind: 'tree' }>, context: ScanContext): Promise<void> {
  const binaries: BinaryFileDiff[] = []
  const scanner = createDiffScanner(context.sink, {
    ...context.options,
    isPathIncluded: context.isPathIncluded,
    nameSink: context.sink,
    onBinary: (diff) => void binaries.push(diff),
  })
  const headers = createDiffHeaderCounter(context.counters)
  const decoder = new TextDecoder('utf-8')
  const feed = (text: string): void => {
    headers.write(text)
    scanner.write(text)
  }
  await runGit({
    args: mode.kind === 'git' ? historyArgs(mode.range) : stagedArgs(),
    cwd: repositoryRoot,
    env: context.env,
    hint: mode.kind === 'git' ? 'Check RANGE (for example main..feature) and that the repository has commits' : 'Check the repository with "git status"',
    onStdout(chunk) {
      context.counters.bytes += chunk.length
      feed(decoder.decode(chunk, { stream: true }))
      context.onProgress()
    },
  })
  feed(decoder.decode())
  scanner.end()
  await scanBinaryBlobs(repositoryRoot, binaries, context)
}
