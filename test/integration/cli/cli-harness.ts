import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The bundled CLI: these tests run what users run (`node dist/cli/index.js`), not the sources. */
export const BUNDLED_CLI = fileURLToPath(new URL('../../../dist/cli/index.js', import.meta.url))

/** Every child process is bounded: a hung git or CLI fails the test instead of hanging the suite. */
const CHILD_TIMEOUT_MS = 20_000

/** Fails with the fix when the bundle is missing, instead of a confusing spawn error. */
export function assertBundleExists(): void {
  if (!existsSync(BUNDLED_CLI)) {
    throw new Error(`dist/cli/index.js is missing: the CLI integration tests run the bundle. Run "npm run bundle" first.`)
  }
}

/**
 * A hermetic environment: no user or system git config (so no hooks, signing, aliases or templates apply), fixed
 * identities and dates, and nothing else from the developer's shell but PATH.
 */
export function hermeticEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: home,
    LANG: 'C',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
    GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  }
}

/** The result of one CLI run. */
export interface CliResult {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
}

/** A temporary folder with helpers to run git and the CLI in it; `cleanup()` removes it. */
export class Sandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'localstack-guard-cli-'))
  readonly home = join(this.root, 'home')
  readonly work = join(this.root, 'work')
  readonly env = hermeticEnv(this.home)

  constructor() {
    mkdirSync(this.home)
    mkdirSync(this.work)
  }

  /** Writes a file under the work folder, creating its folders. */
  write(path: string, content: string | Uint8Array): void {
    const absolute = join(this.work, path)
    mkdirSync(dirname(absolute), { recursive: true })
    writeFileSync(absolute, content)
  }

  /** Runs git in the work folder; throws with git's stderr unless it exits with one of `allowedExitCodes`. */
  git(args: readonly string[], allowedExitCodes: readonly number[] = [0]): string {
    const result = spawnSync('git', args, { cwd: this.work, env: this.env, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS })
    if (result.error !== undefined || !allowedExitCodes.includes(result.status ?? -1)) {
      throw new Error(`git ${args.join(' ')} failed (${String(result.status)}): ${result.stderr}${String(result.error ?? '')}`)
    }
    return result.stdout.trim()
  }

  /** Commits everything in the work folder; returns the new commit's sha. */
  commitAll(message: string): string {
    this.git(['add', '-A'])
    this.git(['commit', '-q', '-m', message])
    return this.git(['rev-parse', 'HEAD'])
  }

  /** Runs the bundled CLI with Node 24 (jest's own `process.execPath`). */
  cli(args: readonly string[], options: { cwd?: string; input?: string } = {}): CliResult {
    const result = spawnSync(process.execPath, [BUNDLED_CLI, ...args], {
      cwd: options.cwd ?? this.work,
      env: this.env,
      encoding: 'utf8',
      input: options.input ?? '',
      timeout: CHILD_TIMEOUT_MS,
    })
    if (result.error !== undefined) throw result.error
    return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}

/** The JSON report, parsed. */
export interface JsonReport {
  findings: { category: string; kind: string; file: string; line: number; column: number; commit?: string; redacted: string; fingerprint: string }[]
  stats: { files: number; bytes: number; commits?: number; skippedBinary: number; durationMs: number }
}

/** Parses the CLI's JSON output, failing with the CLI's stderr if it is not JSON. */
export function parseReport(result: CliResult): JsonReport {
  try {
    return JSON.parse(result.stdout) as JsonReport
  } catch {
    throw new Error(`not a JSON report (exit ${String(result.exitCode)}): ${result.stdout}\nstderr: ${result.stderr}`)
  }
}
