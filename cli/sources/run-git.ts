import { spawn } from 'node:child_process'
import { toError } from '../../src/errors.js'
import type { Env } from '../cli-io.js'
import { GitCommandError } from '../errors.js'

/**
 * Options every git call gets, whatever the user's configuration: paths unescaped, and no pager, colour, external
 * diff, textconv or signature output that would change what the diff parser reads.
 */
const BASE_ARGS = ['-c', 'core.quotePath=false', '--no-pager']

/** How many bytes of git's stderr are kept for the error message. */
const MAX_STDERR_BYTES = 16 * 1024

/** One git call. */
export interface GitInvocation {
  readonly args: readonly string[]
  readonly cwd: string
  readonly env: Env
  /** Receives stdout as it arrives; without it stdout is collected and returned. */
  readonly onStdout?: (chunk: Buffer) => void
  /** The "what to do" sentence of the error message if git fails, without the final period. */
  readonly hint: string
}

/**
 * Runs git with an argument array (never a shell) and resolves with its stdout; rejects with a `GitCommandError`
 * whose message quotes the first line of git's stderr.
 */
export function runGit(invocation: GitInvocation): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...BASE_ARGS, ...invocation.args], { cwd: invocation.cwd, env: { ...invocation.env }, stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    let stderr = ''
    let failure: unknown
    child.stdout.on('data', (chunk: Buffer) => {
      if (invocation.onStdout === undefined) return void stdout.push(chunk)
      try {
        invocation.onStdout(chunk)
      } catch (error: unknown) {
        failure ??= error
        child.kill()
      }
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR_BYTES) stderr += chunk.toString('utf8')
    })
    child.on('error', (error) => reject(notStarted(error)))
    child.on('close', (code, signal) => {
      if (failure !== undefined) return reject(toError(failure))
      if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'))
      reject(failed(invocation, stderr, code === null ? `killed by ${signal ?? 'a signal'}` : `exit code ${code}`))
    })
  })
}

function notStarted(error: Error): GitCommandError {
  return new GitCommandError(
    `git could not be started: ${error.message}. Install git and put it on PATH, or scan the working tree without --git or --staged.`,
    { cause: error },
  )
}

function failed(invocation: GitInvocation, stderr: string, status: string): GitCommandError {
  const firstLine = stderr.split('\n').find((line) => line.trim() !== '')?.trim() ?? status
  const why = firstLine.replace(/\.$/, '')
  return new GitCommandError(`git ${invocation.args[0] ?? ''} failed in ${invocation.cwd}: ${why}. ${invocation.hint}.`)
}
