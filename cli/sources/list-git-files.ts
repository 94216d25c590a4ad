import type { Env } from '../cli-io.js'
import { GitCommandError } from '../errors.js'
import { runGit } from './run-git.js'

/**
 * The files of a working tree as git sees them: tracked plus untracked-but-not-ignored, relative to `directory`.
 * Resolves `undefined` when `directory` is not inside a git work tree (or git is missing), so the caller walks it.
 */
export async function listGitFiles(directory: string, env: Env): Promise<string[] | undefined> {
  if (!(await isInsideWorkTree(directory, env))) return undefined
  const output = await runGit({
    args: ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    cwd: directory,
    env,
    hint: 'Check the repository with "git status", or scan a copy outside git',
  })
  // A path in conflict is listed once per stage: keep the first.
  return [...new Set(output.split('\0').filter((path) => path !== ''))]
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
