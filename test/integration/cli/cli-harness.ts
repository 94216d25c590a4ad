import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Every child process is bounded: a hung git or CLI fails the test instead of hanging the suite. */
const CHILD_TIMEOUT_MS = 20_000
/** Bundling compiles the whole project once (about 20 s on this machine's two cores). */
const BUILD_TIMEOUT_MS = 240_000

/**
 * The CLI bundled fresh from the sources under test, as `npm run bundle` builds it: the committed `dist/` is
 * only rebuilt at release, so running it would let a broken source pass. The bundle is cached in the temporary
 * folder under a hash of the sources, so the suites share one build and a rerun without changes builds nothing.
 */
export let BUNDLED_CLI = ''

/** Builds (or finds) the fresh bundle; call in `beforeAll`. */
export function assertBundleExists(): void {
  const hash = sourceHash()
  const outDir = join(tmpdir(), `localstack-guard-cli-bundle-${hash}`)
  const cli = join(outDir, 'cli', 'index.js')
  const lock = `${outDir}.lock`
  const deadline = Date.now() + BUILD_TIMEOUT_MS
  while (!existsSync(cli)) {
    if (Date.now() > deadline) throw new Error(`The CLI bundle was not built within ${BUILD_TIMEOUT_MS} ms: remove ${lock} if a build was interrupted.`)
    if (tryLock(lock)) {
      try {
        if (!existsSync(cli)) buildBundle(`${outDir}.partial-${process.pid}`, outDir)
      } finally {
        rmSync(lock, { recursive: true, force: true })
      }
    } else {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500) // another suite is building it
    }
  }
  BUNDLED_CLI = cli
}

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock)
    return true
  } catch {
    return false
  }
}

function buildBundle(partial: string, outDir: string): void {
  const result = spawnSync(process.execPath, [join(REPOSITORY_ROOT, 'scripts/bundle.js'), '--out-dir', partial], {
    cwd: REPOSITORY_ROOT,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
  })
  if (result.status !== 0) throw new Error(`Bundling the CLI failed (${String(result.status)}): ${result.stderr}${result.stdout}`)
  rmSync(outDir, { recursive: true, force: true })
  spawnSync('mv', [partial, outDir])
}

/** Hash of everything the bundle is made of: the front end, the core, the build script and the locked dependencies. */
function sourceHash(): string {
  const hash = createHash('sha256')
  const add = (path: string): void => {
    hash.update(path).update(readFileSync(join(REPOSITORY_ROOT, path)))
  }
  for (const folder of ['cli', 'src']) {
    for (const entry of readdirSync(join(REPOSITORY_ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) add(join(entry.parentPath.slice(REPOSITORY_ROOT.length), entry.name))
    }
  }
  for (const file of ['scripts/bundle.js', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) add(file)
  return hash.digest('hex').slice(0, 16)
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
