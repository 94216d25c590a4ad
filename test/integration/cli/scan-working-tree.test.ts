import { symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateToken } from '../../support/generate-token.js'
import { assertBundleExists, parseReport, Sandbox } from './cli-harness.js'

let sandbox: Sandbox

beforeAll(assertBundleExists, 240_000)
beforeEach(() => {
  sandbox = new Sandbox()
})
afterEach(() => sandbox.cleanup())

describe('localstack-guard scan (working tree of a git repository)', () => {
  it('exits 1 and reports a planted token with its kind, line and column, never the token', () => {
    const token = generateToken('lsci-')
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('README.md', '# demo\n')
    sandbox.write('config/.env', `REGION=eu-west-1\nLOCALSTACK_AUTH_TOKEN=${token}\n`)
    sandbox.commitAll('initial')

    const result = sandbox.cli(['scan', '--format', 'json'])

    expect(result.exitCode).toBe(1)
    expect(result.stdout + result.stderr).not.toContain(token)
    const report = parseReport(result)
    expect(report.findings).toEqual([
      {
        category: 'leak',
        kind: 'ci-token',
        file: 'config/.env',
        line: 2,
        column: 'LOCALSTACK_AUTH_TOKEN='.length + 1,
        redacted: expect.stringMatching(/^lsci-\w{4}\*{4}-/) as unknown,
        fingerprint: fingerprintToken(token),
      },
    ])
    expect(report.stats).toMatchObject({ files: 2, skippedBinary: 0 })
  })

  it('exits 0 on a clean tree and says so in the text summary', () => {
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('src/app.ts', 'export const endpoint = "http://localhost:4566"\n')
    sandbox.write('.env.example', 'LOCALSTACK_AUTH_TOKEN=ls-your-token-here\n')
    sandbox.commitAll('clean')

    const result = sandbox.cli(['scan'])

    expect(result).toEqual({ exitCode: 0, stdout: expect.stringMatching(/^localstack-guard: no leaks in 2 files \(/) as unknown, stderr: '' })
  })

  it('scans untracked files but not the ones .gitignore excludes, and skips binaries', () => {
    const untracked = generateToken('ls-')
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('.gitignore', 'build/\n')
    sandbox.commitAll('ignore build output')
    sandbox.write('notes.txt', `mine: ${untracked}\n`)
    sandbox.write('build/bundle.js', `const t = "${generateToken('lsci-')}"\n`)
    sandbox.write('logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]))

    const report = parseReport(sandbox.cli(['scan', '--format', 'json']))

    expect(report.findings.map((finding) => [finding.file, finding.kind])).toEqual([['notes.txt', 'developer-token']])
    expect(report.stats.skippedBinary).toBe(1)
  })

  it('scans PATH relative to the current directory and reports paths relative to PATH', () => {
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('services/api/settings.py', `localstack_auth_token = "${generateToken('lsci-')}"\n`)
    sandbox.commitAll('settings')

    const report = parseReport(sandbox.cli(['scan', 'services', '--format', 'json']))

    expect(report.findings.map((finding) => finding.file)).toEqual(['api/settings.py'])
  })

  it('applies ignore-paths and allow-fingerprints from .github/localstack-guard.yml', () => {
    const allowed = generateToken('lsci-')
    const ignored = generateToken('lsci-')
    const reported = generateToken('lsci-')
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('.github/localstack-guard.yml', `ignore-paths: ["fixtures/**"]\nallow-fingerprints: ["${fingerprintToken(allowed)}"]\n`)
    sandbox.write('a.env', `LOCALSTACK_AUTH_TOKEN=${allowed}\n`)
    sandbox.write('fixtures/b.env', `LOCALSTACK_AUTH_TOKEN=${ignored}\n`)
    sandbox.write('c.env', `LOCALSTACK_AUTH_TOKEN=${reported}\n`)
    sandbox.commitAll('config')

    const report = parseReport(sandbox.cli(['scan', '--format', 'json']))

    expect(report.findings.map((finding) => finding.fingerprint)).toEqual([fingerprintToken(reported)])
  })

  it('warns about an invalid configuration file and scans with the defaults, which hide nothing', () => {
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('.github/localstack-guard.yml', 'ignore-path: ["**"]\n')
    sandbox.write('a.env', `LOCALSTACK_AUTH_TOKEN=${generateToken('lsci-')}\n`)
    sandbox.commitAll('typo in config')

    const result = sandbox.cli(['scan', '--format', 'json'])

    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(/^\.github\/localstack-guard\.yml is not valid: .*"ignore-path"/)
    expect(parseReport(result).findings).toHaveLength(1)
  })
})

describe('localstack-guard scan (a folder outside git)', () => {
  it('walks every file, skips .git folders and does not follow symbolic links', () => {
    const token = generateToken('lsci-')
    sandbox.write('deep/er/compose.yml', `environment:\n  - LOCALSTACK_AUTH_TOKEN=${token}\n`)
    sandbox.write('.git/config-copy', `${generateToken('lsci-')}\n`)
    const outside = join(sandbox.root, 'outside.txt')
    writeFileSync(outside, `${generateToken('lsci-')}\n`)
    symlinkSync(outside, join(sandbox.work, 'link.txt'))

    const result = sandbox.cli(['scan', '--format', 'json'])

    expect(result.exitCode).toBe(1)
    expect(parseReport(result).findings.map((finding) => [finding.file, finding.line, finding.column])).toEqual([['deep/er/compose.yml', 2, 27]])
  })

  it('scans a single file given as PATH', () => {
    sandbox.write('one.sh', `localstack auth set-token ${generateToken('ls-')}\n`)

    const report = parseReport(sandbox.cli(['scan', 'one.sh', '--format', 'json']))

    expect(report.findings.map((finding) => [finding.file, finding.kind])).toEqual([['one.sh', 'developer-token']])
  })
})
