import { existsSync, mkdirSync, readFileSync } from 'node:fs'
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

describe('every CLI error path, with a token as the offending argument', () => {
  it('exits 2 and never prints the token back', () => {
    const token = generateToken('lsci-')
    const malformed = `${token.slice(0, -4)}ZZZZ` // not checksum-valid, still secret enough
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('a.txt', 'hello\n')
    sandbox.commitAll('initial')
    const tokenFolder = join(sandbox.root, token)
    mkdirSync(tokenFolder)
    sandbox.write('.github/localstack-guard.yml', `allow-fingerprints: [${token}]\nignore-paths: ${token}\n`)
    const paths: { args: string[]; cwd?: string; input?: string }[] = [
      { args: [token] },
      { args: [`--${token}`] },
      { args: ['token', token] },
      { args: ['token', `--${token}`] },
      { args: ['token', '--format', token] },
      { args: ['token', `--format=${token}`] },
      { args: ['token', '--format', 'json', `--format=${token}`] },
      { args: ['scan', token] },
      { args: ['scan', `./${token}/x`] },
      { args: ['scan', 'a.txt', token] },
      { args: ['scan', `--${token}`] },
      { args: ['scan', `--${token}=x`] },
      { args: ['scan', '--format', token] },
      { args: ['scan', `--format=${token}`] },
      { args: ['scan', `--git=${token}`] },
      { args: ['scan', `--git=main..${token}`] },
      { args: ['scan', '--git', token] },
      { args: ['scan', `--git=-${token}`] },
      { args: ['scan', `--staged=${token}`] },
      { args: ['scan', `--include-ignored=${token}`] },
      { args: ['scan', '--output', join(token, 'missing', 'report.txt')] },
      { args: ['scan', '--output', `${token}-missing/r.txt`] },
      { args: ['scan', '--staged'], cwd: tokenFolder },
      { args: ['scan', '--git'], cwd: tokenFolder },
      { args: ['scan', malformed] },
      { args: ['token', malformed] },
      { args: ['scan', '--git', '--staged', token] },
    ]
    for (const path of paths) {
      const result = sandbox.cli(path.args, { ...(path.cwd === undefined ? {} : { cwd: path.cwd }), input: path.input ?? '' })
      const output = result.stdout + result.stderr
      expect({ args: path.args.map((arg) => arg.replace(token, 'TOKEN').replace(malformed, 'MALFORMED')), exitCode: result.exitCode }).toEqual({
        args: expect.any(Array) as unknown,
        exitCode: 2,
      })
      for (const secret of [token, malformed, token.slice(5, 30)]) {
        if (output.includes(secret)) throw new Error(`${path.args.join(' ').replace(token, 'TOKEN')} printed the token: ${output.replace(token, '<TOKEN>')}`)
      }
    }
    // The configuration warning (it quotes the bad file) goes through the same redaction.
    const configured = sandbox.cli(['scan'])
    expect(configured.stderr + configured.stdout).not.toContain(token)
  })
})

describe('git runs nothing the scanned repository configures', () => {
  function plantCommands(): string {
    const marker = join(sandbox.root, 'ran')
    const script = join(sandbox.root, 'hostile.sh')
    sandbox.write('../hostile.sh', `#!/bin/sh\necho "$0 $*" >> ${marker}\n`)
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.git(['config', 'core.fsmonitor', `sh ${script} fsmonitor`])
    sandbox.git(['config', 'diff.external', `sh ${script} external`])
    sandbox.git(['config', 'diff.evil.textconv', `sh ${script} textconv`])
    sandbox.git(['config', 'diff.evil.command', `sh ${script} command`])
    sandbox.git(['config', 'core.pager', `sh ${script} pager`])
    sandbox.git(['config', 'pager.log', `sh ${script} pagerlog`])
    sandbox.git(['config', 'core.hooksPath', join(sandbox.root, 'hooks')])
    sandbox.git(['config', 'gpg.program', `sh ${script} gpg`])
    sandbox.git(['config', 'log.showSignature', 'true'])
    sandbox.write('.gitattributes', '* diff=evil\n')
    return marker
  }

  it('scans the working tree, the history and the staged changes without running a planted command', () => {
    const token = generateToken('lsci-')
    const marker = plantCommands()
    sandbox.write('a.env', `TOKEN=${token}\n`)
    sandbox.commitAll('initial')
    sandbox.write('b.env', `TOKEN=${token}\n`)
    sandbox.git(['add', 'b.env'])
    // The test's own git commands above ran the planted monitor (that is what it does): count from here.
    expect(existsSync(marker)).toBe(true)
    sandbox.write('../ran', '')

    const tree = sandbox.cli(['scan', '--format', 'json'])
    const history = sandbox.cli(['scan', '--git', '--format', 'json'])
    const staged = sandbox.cli(['scan', '--staged', '--format', 'json'])

    expect([tree.exitCode, history.exitCode, staged.exitCode]).toEqual([1, 1, 1])
    expect(parseReport(tree).findings.map((f) => f.file).sort()).toEqual(['a.env', 'b.env'])
    expect(parseReport(history).findings.map((f) => f.file)).toEqual(['a.env'])
    expect(parseReport(staged).findings.map((f) => f.file)).toEqual(['b.env'])
    const ran = existsSync(marker) ? readFileSync(marker, 'utf8') : ''
    expect(ran).toBe('')
  })

  it('refuses --git=--output=FILE: git never sees it as an option, and no file is written', () => {
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('a.txt', 'hello\n')
    sandbox.commitAll('initial')
    const planted = join(sandbox.root, 'written-by-git')

    const result = sandbox.cli(['scan', `--git=--output=${planted}`])

    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(/is not a RANGE: a RANGE cannot start with "-"/)
    expect(existsSync(planted)).toBe(false)
  })
})

describe('tokens and control characters in file names', () => {
  it('reports a token in a file name as a leak and never prints it, in text, JSON and SARIF, in every mode', () => {
    const token = generateToken('ls-')
    const name = `keys/${token}.txt`
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write(name, 'nothing secret inside\n')
    sandbox.write('\u001b[2J\u001b]0;pwned\u0007.txt', 'hello\n')
    sandbox.commitAll('initial')

    const outputs = [
      sandbox.cli(['scan']),
      sandbox.cli(['scan', '--format', 'json']),
      sandbox.cli(['scan', '--format', 'sarif']),
      sandbox.cli(['scan', '--git']),
      sandbox.cli(['scan', '--git', '--format', 'json']),
    ]

    for (const result of outputs) {
      expect(result.exitCode).toBe(1)
      expect(result.stdout + result.stderr).not.toContain(token)
    }
    expect(parseReport(outputs[1] ?? outputs[0]!).findings).toMatchObject([{ category: 'leak', kind: 'developer-token', line: 0, fingerprint: fingerprintToken(token) }])
    expect(outputs[0]?.stdout).toMatch(/^keys\/ls-\w{4}\*{4}-[-*]+\.txt \(in the file name\) {2}developer-token /)
    expect(parseReport(outputs[4] ?? outputs[0]!).findings).toMatchObject([{ line: 0, fingerprint: fingerprintToken(token) }])
  })

  it('escapes control characters of a file name in the text report', () => {
    const token = generateToken('lsci-')
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('\u001b[2J\u001b]0;pwned\u0007\nURGENT.env', `TOKEN=${token}\n`)
    sandbox.commitAll('initial')

    for (const args of [['scan'], ['scan', '--git']]) {
      const result = sandbox.cli(args)
      expect(result.exitCode).toBe(1)
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/)
      expect(result.stdout).toContain('\\x1b[2J\\x1b]0;pwned\\x07\\x0aURGENT.env:1:7')
    }
  })
})

describe('working tree: ignored and unreadable files', () => {
  it('counts the git-ignored files it skipped, and scans them with --include-ignored', () => {
    const token = generateToken('lsci-')
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('.gitignore', '.env\n')
    sandbox.write('.env', `LOCALSTACK_AUTH_TOKEN=${token}\n`)
    sandbox.commitAll('initial')

    const skipped = sandbox.cli(['scan'])
    const included = sandbox.cli(['scan', '--include-ignored', '--format', 'json'])

    expect(skipped.exitCode).toBe(0)
    expect(skipped.stdout).toMatch(/1 git-ignored file skipped \(--include-ignored scans them\)/)
    expect(included.exitCode).toBe(1)
    expect(parseReport(included).findings).toMatchObject([{ file: '.env', fingerprint: fingerprintToken(token) }])
  })
})

describe('UTF-16 files in history and staged mode', () => {
  /** What PowerShell 5 writes: UTF-16LE with a BOM, CRLF line ends. */
  function utf16(text: string): Buffer {
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')])
  }

  it('finds a token in a UTF-16 file that git calls binary, with the commit that added it, and counts real binaries', () => {
    const token = generateToken('lsci-')
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('deploy.ps1', utf16('$region = "eu"\n'))
    sandbox.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]))
    sandbox.commitAll('scripts')
    sandbox.write('deploy.ps1', utf16(`$region = "eu"\n$env:LOCALSTACK_AUTH_TOKEN = "${token}"\n`))
    const leaky = sandbox.commitAll('add the token')
    sandbox.write('deploy.ps1', utf16(`$region = "us"\n$env:LOCALSTACK_AUTH_TOKEN = "${token}"\n`))
    sandbox.commitAll('change the region')

    const history = sandbox.cli(['scan', '--git', '--format', 'json'])

    expect(history.exitCode).toBe(1)
    const report = parseReport(history)
    expect(report.findings).toMatchObject([{ file: 'deploy.ps1', commit: leaky, line: 2, fingerprint: fingerprintToken(token) }])
    expect(report.stats.skippedBinary).toBe(1)
    expect(history.stdout).not.toContain(token)
  })

  it('finds a token in a staged UTF-16 file', () => {
    const token = generateToken('ls-')
    sandbox.git(['init', '-q', '-b', 'main'])
    sandbox.write('a.txt', 'a\n')
    sandbox.commitAll('initial')
    sandbox.write('login.ps1', utf16(`localstack auth set-token ${token}\n`))
    sandbox.git(['add', 'login.ps1'])

    const staged = sandbox.cli(['scan', '--staged', '--format', 'json'])

    expect(staged.exitCode).toBe(1)
    expect(parseReport(staged).findings).toMatchObject([{ file: 'login.ps1', line: 1, fingerprint: fingerprintToken(token) }])
  })
})

describe('the fingerprint in the text report', () => {
  it('pastes into allow-fingerprints as printed, and the finding is then allowed', () => {
    const token = generateToken('lsci-')
    sandbox.write('a.env', `TOKEN=${token}\n`)
    const first = sandbox.cli(['scan'])
    const printed = /\s(sha256:\S+)/.exec(first.stdout)?.[1] ?? ''
    sandbox.write('.github/localstack-guard.yml', `allow-fingerprints:\n  - "${printed}"\n`)

    const second = sandbox.cli(['scan'])

    expect(first.exitCode).toBe(1)
    expect(second.stderr).toBe('')
    expect(second.exitCode).toBe(0)
  })
})
