import type { Env } from '../cli-io.js'
import { runGit } from './run-git.js'

/** The top of the work tree that contains `directory`; --git and --staged read the whole repository from there. */
export async function findRepositoryRoot(directory: string, env: Env): Promise<string> {
  const output = await runGit({
    args: ['rev-parse', '--show-toplevel'],
    cwd: directory,
    env,
    hint: 'Run the scan inside a git work tree (or give its path as PATH), or drop --git and --staged to scan the files',
  })
  return output.trim()
}
