import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateToken } from '../../support/generate-token.js'
import { assertBundleExists, BUNDLED_CLI, Sandbox } from './cli-harness.js'

const HOOK = fileURLToPath(new URL('../../../cli/hooks/pre-commit.sh', import.meta.url))

let sandbox: Sandbox

beforeAll(assertBundleExists, 240_000)
beforeEach(() => {
  sandbox = new Sandbox()
  sandbox.git(['init', '-q', '-b', 'main'])
  copyFileSync(HOOK, join(sandbox.work, '.git/hooks/pre-commit'))
  chmodSync(join(sandbox.work, '.git/hooks/pre-commit'), 0o755)
})
afterEach(() => sandbox.cleanup())

/** `git commit` with PATH limited to git, sh and (optionally) a `localstack-guard` that runs the fresh bundle. */
function commit(isCliInstalled: boolean): { status: number | null; stderr: string; stdout: string } {
  const bin = join(sandbox.root, 'bin')
  mkdirSync(bin, { recursive: true })
  for (const tool of ['git', 'sh']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim()
    writeFileSync(join(bin, tool), `#!/bin/sh\nexec ${found} "$@"\n`, { mode: 0o755 })
  }
  if (isCliInstalled) writeFileSync(join(bin, 'localstack-guard'), `#!/bin/sh\nexec ${process.execPath} ${BUNDLED_CLI} "$@"\n`, { mode: 0o755 })
  const result = spawnSync(join(bin, 'git'), ['commit', '-q', '-m', 'change'], { cwd: sandbox.work, env: { ...sandbox.env, PATH: bin }, encoding: 'utf8', timeout: 20_000 })
  return { status: result.status, stderr: result.stderr, stdout: result.stdout }
}

describe('the plain git pre-commit hook (cli/hooks/pre-commit.sh)', () => {
  it('refuses a commit that adds a token, without printing it', () => {
    const token = generateToken('lsci-')
    sandbox.write('.env', `LOCALSTACK_AUTH_TOKEN=${token}\n`)
    sandbox.git(['add', '.env'])

    const result = commit(true)

    expect(result.status).toBe(1)
    // git sends a hook's output to standard error
    expect(result.stderr).toMatch(/\.env:1:23 {2}ci-token /)
    expect(result.stdout + result.stderr).not.toContain(token)
  })

  it('lets the commit through, saying it was not scanned, when the CLI is not installed', () => {
    sandbox.write('a.txt', 'hello\n')
    sandbox.git(['add', 'a.txt'])

    const result = commit(false)

    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/^localstack-guard: not installed, so this commit was NOT scanned for LocalStack tokens\. Install it/)
    expect(sandbox.git(['log', '--oneline'])).toMatch(/change/)
  })
})
