import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** The repository root, from the source tree or from its compiled copy under build/ (the benchmark). */
export const REPO = findRepoRoot(import.meta.dirname)

function findRepoRoot(start: string): string {
  let dir = start
  while (!existsSync(join(dir, 'action.yml'))) {
    if (dirname(dir) === dir) throw new Error(`no action.yml above ${start}`)
    dir = dirname(dir)
  }
  return dir
}
export const STAND_IN_IMAGE = 'localstack-stand-in'
export const STAND_IN_TAG = 'test'

/** Everything one step left behind: its output streams and the runner files it wrote. */
export interface StepResult {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly state: Record<string, string>
  readonly exportedEnv: Record<string, string>
  readonly summary: string
  readonly durationMs: number
  /** Every byte the step printed or wrote, for the redaction checks. */
  readonly allBytes: string
}

export interface StepOptions {
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string>
  readonly state?: Record<string, string>
  /** A bound on the whole step: the test fails rather than hangs. */
  readonly timeoutMs?: number
}

/**
 * Runs a committed bundle exactly as the runner does: `node dist/<step>/index.js` with `INPUT_*`, `STATE_*` and the
 * GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY / GITHUB_ENV files, and nothing else from this environment.
 */
export async function runStep(step: 'main' | 'post', options: StepOptions = {}): Promise<StepResult> {
  const dir = await mkdtemp(join(tmpdir(), `action-${step}-`))
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), GITHUB_ENV: join(dir, 'env') }
  for (const file of Object.values(files)) await writeFile(file, '')
  const env = stepEnvironment(options, { RUNNER_TEMP: dir, ...files })
  const startedAt = performance.now()
  const { exitCode, stdout, stderr } = await spawnBounded(join(REPO, 'dist', step, 'index.js'), env, options.timeoutMs ?? 45_000)
  const durationMs = performance.now() - startedAt
  const written = await Promise.all(Object.values(files).map((file) => readFile(file, 'utf8')))
  const [output = '', state = '', summary = '', exported = ''] = written
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseCommandFile(output),
    state: parseCommandFile(state),
    exportedEnv: parseCommandFile(exported),
    summary,
    durationMs,
    allBytes: [stdout, stderr, ...written].join('\n'),
  }
}

/** Only what the runner would set: no variable of this test process leaks into the step. */
function stepEnvironment(options: StepOptions, runnerFiles: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...runnerFiles, ...options.env }
  if (process.env.DOCKER_HOST !== undefined) env.DOCKER_HOST = process.env.DOCKER_HOST
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  return env
}

function spawnBounded(script: string, env: Record<string, string>, timeoutMs: number): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script], { env, cwd: REPO })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${script} did not finish within ${timeoutMs} ms; stdout so far:\n${stdout}`))
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolvePromise({ exitCode, stdout, stderr })
    })
  })
}

/** Reads the `name<<delimiter` heredoc format @actions/core writes to GITHUB_OUTPUT, GITHUB_STATE and GITHUB_ENV. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (match === null) continue
    const [, name = '', delimiter] = match
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '')
    values[name] = value.join('\n')
  }
  return values
}

/** The step's `::error::` annotation text (the one message a failed step shows). */
export function errorAnnotation(result: StepResult): string {
  return result.stdout.split('\n').find((line) => line.startsWith('::error::'))?.slice('::error::'.length) ?? ''
}

/**
 * The token must not appear in any byte the step printed or wrote, except inside the runner's own `::add-mask::`
 * command, which the runner consumes and never shows (that is how masking is requested).
 */
export function bytesWithoutMaskCommands(result: StepResult): string {
  return result.allBytes
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
}
