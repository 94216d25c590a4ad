import type { Env } from '../cli-io.js'
import { GitCommandError } from '../errors.js'
import { runGit } from './run-git.js'

/** A working tree as git sees it. */
export interface GitFileList {
  /** Tracked plus untracked-but-not-ignored paths (plus the ignored ones when asked), relative to the directory. */
  readonly paths: string[]
  /** Untracked files git ignores (.gitignore, .git/info/exclude, core.excludesFile): counted, scanned only on request. */
  readonly ignored: number
}

/**
 * The files of a working tree as git sees them. Resolves `undefined` when `directory` is not inside a git work
 * tree (or git is missing), so the caller walks it.
 */
export async function listGitFiles(directory: string, env: Env, includeIgnored: boolean): Promise<GitFileList | undefined> {
  if (!(await isInsideWorkTree(directory, env))) return undefined
  const listed = await listPaths(['--cached', '--others', '--exclude-standard'], directory, env)
  // An ignored .env is the usual local leak: always say how many files were left out, so nobody mistakes it for clean.
  const ignored = await listPaths(['--others', '--ignored', '--exclude-standard'], directory, env)
  // A path in conflict is listed once per stage: keep the first.
  const paths = [...new Set(includeIgnored ? [...listed, ...ignored] : listed)]
  return { paths, ignored: ignored.length }
}

async function listPaths(selection: readonly string[], directory: string, env: Env): Promise<string[]> {
  const output = await runGit({
    args: ['ls-files', '-z', ...selection],
    cwd: directory,
    env,
    hint: 'Check the repository with "git status", or scan a copy outside git',
  })
  return output.split('\0').filter((path) => path !== '')
}

async function isInsideWorkTree(directory: string, env: Env): Promise<boolean> {
  try {
    const answer = await runGit({ args: ['rev-parse', '--is-inside-work-tree'], cwd: directory, env, hint: 'unused' })
    return answer.trim() === 'true'
  } catch (error: unknown) {
    if (error instanceof GitCommandError) return false
    throw error
  }
}
