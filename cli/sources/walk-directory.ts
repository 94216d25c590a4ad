import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { SourceReadError } from '../../src/errors.js'

/**
 * Every regular file under `root`, as `/`-separated paths relative to it, in a stable (sorted) order. `.git` folders
 * are skipped and symbolic links are not followed, so a link cannot make the walk leave `root` or loop.
 */
export async function* walkDirectory(root: string, relative = ''): AsyncGenerator<string> {
  const entries = await readEntries(root, relative)
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0))
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`
    if (entry.isDirectory()) {
      if (entry.name !== '.git') yield* walkDirectory(root, path)
    } else if (entry.isFile()) {
      yield path
    }
  }
}

async function readEntries(root: string, relative: string): Promise<import('node:fs').Dirent[]> {
  try {
    return await readdir(join(root, relative), { withFileTypes: true })
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new SourceReadError(
      `Cannot list the folder ${relative === '' ? root : relative}: ${code}. Fix its permissions, or list it under ignore-paths in .github/localstack-guard.yml.`,
      { cause: error },
    )
  }
}
