import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Every regular file under `root`, as `/`-separated paths relative to it, in a stable (sorted) order. `.git` folders
 * are skipped and symbolic links are not followed, so a link cannot make the walk leave `root` or loop.
 */
export async function* walkDirectory(root: string, warn: (message: string) => void, relative = ''): AsyncGenerator<string> {
  const entries = await readEntries(root, relative, warn)
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0))
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`
    if (entry.isDirectory()) {
      if (entry.name !== '.git') yield* walkDirectory(root, warn, path)
    } else if (entry.isFile()) {
      yield path
    }
  }
}

/** An unreadable folder is reported and skipped: one folder must not end the scan of the rest. */
async function readEntries(root: string, relative: string, warn: (message: string) => void): Promise<import('node:fs').Dirent[]> {
  try {
    return await readdir(join(root, relative), { withFileTypes: true })
  } catch (error: unknown) {
    const { code, syscall } = error as NodeJS.ErrnoException
    if (syscall === undefined) throw error
    warn(`Cannot list the folder ${relative === '' ? root : relative}: ${code ?? 'unknown error'}. Skipped; fix its permissions, or list it under ignore-paths in .github/localstack-guard.yml.`)
    return []
  }
}
