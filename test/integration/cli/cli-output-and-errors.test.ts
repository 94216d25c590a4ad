import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateLegacyKey, generateToken } from '../../support/generate-token.js'
import { validateSarif } from '../../support/sarif-schema.js'
import { assertBundleExists, Sandbox } from './cli-harness.js'

/** docs/style.md §4: `<what failed>: <why>. <what to do>.` on a single line. */
const ONE_ACTIONABLE_LINE = /^[^\n]+: [^\n]+\. [^\n]+\.\n$/

let sandbox: Sandbox

beforeAll(assertBundleExists, 240_000)
beforeEach(() => {
  sandbox = new Sandbox()
})
afterEach(() => sandbox.cleanup())

describe('localstack-guard scan --format sarif --output FILE', () => {
  it('writes SARIF 2.1.0 that validates against the schema and holds no token, and prints only a summary', () => {
    const tokens = [generateToken('lsci-'), generateToken('ls-')]
    const legacyKey = generateLegacyKey()
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('.env', `LOCALSTACK_AUTH_TOKEN=${tokens[0] ?? ''}\nLOCALSTACK_API_KEY=${legacyKey}\n`)
    sandbox.write('.github/workflows/ci.yml', `env:\n  LOCALSTACK_API_KEY: \${{ secrets.LOCALSTACK_API_KEY }}\n  OTHER: ${tokens[1] ?? ''}\n`)
    sandbox.commitAll('leaks')

    const result = sandbox.cli(['scan', '--git', '--format', 'sarif', '--output', 'results.sarif'])

    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^localstack-guard: 3 leaks, 1 migration finding in 1 commit .* Report written to results\.sarif\.\n$/)
    const sarif = readFileSync(join(sandbox.work, 'results.sarif'), 'utf8')
    for (const secret of [...tokens, legacyKey]) expect(sarif + result.stderr).not.toContain(secret)
    const log = JSON.parse(sarif) as { runs: { results: { ruleId: string }[] }[] }
    expect(validateSarif(log)).toEqual([])
    expect(log.runs[0]?.results.map((r) => r.ruleId).sort()).toEqual([
      'localstack/ci-token',
      'localstack/developer-token',
      'localstack/legacy-key',
      'localstack/legacy-key-reference',
    ])
  })

  it('exits 0 for migration findings alone', () => {
    sandbox.write('ci.yml', 'env:\n  LOCALSTACK_API_KEY: ${{ secrets.LOCALSTACK_API_KEY }}\n')

    const result = sandbox.cli(['scan', '--format', 'json'])

    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('"kind": "legacy-key-reference"')
  })
})

describe('localstack-guard errors', () => {
  it('exits 2 with one actionable line for a bad argument', () => {
    const result = sandbox.cli(['scan', '--git', '--staged'])

    expect(result.exitCode).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(ONE_ACTIONABLE_LINE)
    expect(result.stderr).toContain('--git and --staged cannot be combined')
  })

  it('exits 2 with one actionable line for a path that cannot be read', () => {
    const result = sandbox.cli(['scan', 'missing-folder'])

    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(ONE_ACTIONABLE_LINE)
    expect(result.stderr).toContain('Cannot read PATH missing-folder: ENOENT')
  })

  it('exits 2 with one actionable line when the report cannot be written', () => {
    const result = sandbox.cli(['scan', '--output', 'no/such/dir/report.json', '--format', 'json'])

    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(ONE_ACTIONABLE_LINE)
  })

  it('exits 2 for no command, and 0 with the usage for --help', () => {
    expect(sandbox.cli([]).exitCode).toBe(2)
    expect(sandbox.cli(['--help'])).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('Usage:') as unknown })
  })
})

describe('localstack-guard token (bundled)', () => {
  it('classifies the token on stdin without printing it', () => {
    const token = generateToken('lsci-')

    const result = sandbox.cli(['token'], { input: `${token}\n` })

    expect(result).toEqual({ exitCode: 0, stdout: 'ci-token: CI Auth Token, checksum valid.\n', stderr: '' })
  })

  it('exits 2 when nothing arrives on stdin', () => {
    const result = sandbox.cli(['token'], { input: '' })

    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(ONE_ACTIONABLE_LINE)
  })
})
