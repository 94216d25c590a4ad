import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import { SourceReadError } from '../../src/errors.js'
import { listGitFiles } from './list-git-files.js'
import type { ScanContext } from './scan-context.js'
import { scanFile } from './scan-file.js'
import { walkDirectory } from './walk-directory.js'

/**
 * Scans a working tree: inside a git work tree the files git tracks plus the untracked ones it does not ignore
 * (so build output and dependencies listed in .gitignore are skipped); outside one, every file under `root`.
 */
export async function scanWorkingTree(root: string, context: ScanContext): Promise<void> {
  const listed = await listGitFiles(root, context.env)
  const paths: AsyncIterable<string> | Iterable<string> = listed ?? walkDirectory(root)
  for await (const path of paths) {
    if (context.isPathIncluded(path)) await scanTreeFile(root, path, context)
  }
}

/** Scans one file given on the command line as PATH. */
export async function scanSingleFile(directory: string, name: string, context: ScanContext): Promise<void> {
  await scanTreeFile(directory, name, context)
}

/**
 * Only regular files are read: a symbolic link (git stores its target, not content), a submodule or nested repository
 * (a folder) and a tracked file deleted from the working tree (nothing left to leak) are skipped.
 */
async function scanTreeFile(root: string, path: string, context: ScanContext): Promise<void> {
  const absolutePath = join(root, path)
  try {
    const info = await lstat(absolutePath)
    if (!info.isFile()) return
    await scanFile(absolutePath, { file: path }, context)
  } catch (error: unknown) {
    // Only file-system errors (they name a syscall) mean "cannot read"; anything else is not ours to rename.
    const { code, syscall } = error as NodeJS.ErrnoException
    if (syscall === undefined) throw error
    if (code === 'ENOENT') return
    throw new SourceReadError(
      `Cannot read ${path}: ${code ?? `${syscall} failed`}. Fix its permissions, or list it under ignore-paths in .github/localstack-guard.yml.`,
      { cause: error },
    )
  }
}
