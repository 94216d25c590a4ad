import { spawn } from 'node:child_process'
import { toError } from '../../src/errors.js'
import type { Env } from '../cli-io.js'
import { GitCommandError } from '../errors.js'
import { safeForTerminal } from '../safe-text.js'

/**
 * Options every git call gets, whatever the user's or the repository's configuration. The scanned repository is
 * untrusted (it may be a clone of anything), and its `.git/config` can name commands git would run: so no
 * file-system monitor (`core.fsmonitor` runs a command on `ls-files`), no hooks, no pager, no network transport
 * (a partial clone would fetch missing objects through the repository's remote, credential helper or
 * `core.sshCommand`), no signature check (`gpg.program`). External diffs and textconv filters are refused by the
 * diff options themselves (`--no-ext-diff --no-textconv`). `-c` outranks every configuration file. Paths come
 * unescaped so the diff parser reads them as they are.
 */
const BASE_ARGS = [
  '-c', 'core.quotePath=false',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.untrackedCache=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'core.pager=cat',
  '-c', 'protocol.allow=never',
  '-c', 'log.showSignature=false',
  '--no-pager',
]

/**
 * Environment overrides: git never asks for credentials on the terminal, takes no optional locks (a scan does
 * not write the index), never fetches lazily, and ignores an external diff or pager the environment names.
 */
const SAFE_ENV: Readonly<Record<string, string | undefined>> = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_NO_LAZY_FETCH: '1',
  GIT_EXTERNAL_DIFF: undefined,
  GIT_PAGER: 'cat',
  PAGER: 'cat',
}

/** How many bytes of git's stderr are kept for the error message. */
const MAX_STDERR_BYTES = 16 * 1024

/** One git call. */
export interface GitInvocation {
  readonly args: readonly string[]
  readonly cwd: string
  readonly env: Env
  /** Written to git's standard input, which is then closed (for `cat-file --batch`). */
  readonly input?: string
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
    const child = spawn('git', [...BASE_ARGS, ...invocation.args], { cwd: invocation.cwd, env: gitEnv(invocation.env), stdio: ['pipe', 'pipe', 'pipe'] })
    child.stdin.on('error', () => undefined) // git exiting early is reported by its exit status
    child.stdin.end(invocation.input ?? '')
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

function gitEnv(env: Env): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...env }
  for (const [name, value] of Object.entries(SAFE_ENV)) {
    if (value === undefined) delete merged[name]
    else merged[name] = value
  }
  return merged
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
  // git's stderr quotes what it was given (a RANGE, a path): redacted and escaped like any outside text.
  return new GitCommandError(`git ${invocation.args[0] ?? ''} failed in ${safeForTerminal(invocation.cwd)}: ${safeForTerminal(why)}. ${invocation.hint}.`)
}
