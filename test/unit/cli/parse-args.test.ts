import { InvalidInputError } from '../../../src/errors.js'
import { parseArgs } from '../../../cli/parse-args.js'

const DIRECTORIES = new Set(['.', 'repo', 'some/dir'])
const deps = { isDirectory: (path: string) => DIRECTORIES.has(path) }

function parse(...argv: string[]) {
  return parseArgs(argv, deps)
}

function errorOf(...argv: string[]): InvalidInputError {
  try {
    parse(...argv)
  } catch (error: unknown) {
    if (error instanceof InvalidInputError) return error
    throw error
  }
  throw new Error(`expected ${argv.join(' ')} to be rejected`)
}

describe('parseArgs: scan', () => {
  it('defaults to a text scan of the current directory working tree', () => {
    expect(parse('scan')).toEqual({ command: 'scan', path: '.', mode: { kind: 'tree' }, format: 'text', includeIgnored: false })
  })

  it('takes PATH, --format and --output in any order, with = or a separate value', () => {
    expect(parse('scan', '--output=report.sarif', 'repo', '-f', 'sarif')).toEqual({
      command: 'scan',
      path: 'repo',
      mode: { kind: 'tree' },
      format: 'sarif',
      output: 'report.sarif',
      includeIgnored: false,
    })
  })

  it('refuses a RANGE that starts with "-", which git would take as an option', () => {
    expect(() => parse('scan', '--git=--output=/tmp/x')).toThrow(/^Invalid command line: --git=--output=\/tmp\/x is not a RANGE: a RANGE cannot start with "-"\./)
  })

  it('takes --include-ignored for the working tree only', () => {
    expect(parse('scan', '--include-ignored')).toMatchObject({ includeIgnored: true })
    expect(() => parse('scan', '--staged', '--include-ignored')).toThrow(/--include-ignored applies to the working tree only/)
  })

  it('takes the argument after --git as RANGE when it is neither an option nor a directory', () => {
    expect(parse('scan', '--git', 'main..feature', 'repo')).toMatchObject({ path: 'repo', mode: { kind: 'git', range: 'main..feature' } })
  })

  it('takes an existing directory after --git as PATH, not RANGE', () => {
    expect(parse('scan', '--git', 'repo')).toMatchObject({ path: 'repo', mode: { kind: 'git' } })
  })

  it('takes an option after --git as the next option, not RANGE', () => {
    expect(parse('scan', '--git', '--format', 'json')).toMatchObject({ path: '.', mode: { kind: 'git' }, format: 'json' })
  })

  it('forces a RANGE with --git=RANGE even when a directory has that name', () => {
    expect(parse('scan', '--git=repo')).toMatchObject({ path: '.', mode: { kind: 'git', range: 'repo' } })
  })

  it('reads --staged', () => {
    expect(parse('scan', '--staged')).toMatchObject({ mode: { kind: 'staged' } })
  })

  it('treats everything after -- as PATH', () => {
    expect(parse('scan', '--', '--odd-folder-name')).toMatchObject({ path: '--odd-folder-name' })
  })

  it('asks for the scan help when -h or --help appears anywhere', () => {
    expect(parse('scan', '--git', '-h')).toEqual({ command: 'help', topic: 'scan' })
  })
})

describe('parseArgs: top level and token', () => {
  it('shows the main help for --help and the version for --version', () => {
    expect(parse('--help')).toEqual({ command: 'help', topic: 'main' })
    expect(parse('--version')).toEqual({ command: 'version' })
  })

  it('reads token with an optional --format json', () => {
    expect(parse('token')).toEqual({ command: 'token', format: 'text' })
    expect(parse('token', '--format', 'json')).toEqual({ command: 'token', format: 'json' })
    expect(parse('token', '--format=json')).toEqual({ command: 'token', format: 'json' })
  })
})

describe('parseArgs: every mistake is one actionable line', () => {
  const cases: readonly [string, readonly string[], RegExp][] = [
    ['no command', [], /no command given/],
    ['an unknown command', ['scna'], /unknown command "scna"/],
    ['an option before the command', ['--git'], /unknown option "--git" before the command/],
    ['an unknown scan option', ['scan', '--history'], /unknown option "--history" for scan/],
    ['--format without a value', ['scan', '--format'], /--format needs a value/],
    ['--format followed by an option', ['scan', '--format', '--git'], /--format needs a value/],
    ['--format= with nothing after it', ['scan', '--format='], /--format= needs a value/],
    ['an unknown format', ['scan', '--format', 'xml'], /unknown format "xml" \(use text, json, sarif\)/],
    ['--format twice', ['scan', '-f', 'json', '--format', 'text'], /--format is given twice/],
    ['--output without a value', ['scan', '--output'], /--output needs a value/],
    ['--output twice', ['scan', '-o', 'a', '-o', 'b'], /--output is given twice/],
    ['two PATHs', ['scan', 'repo', 'some/dir'], /more than one PATH given \("repo" and "some\/dir"\)/],
    ['--git with --staged', ['scan', '--git', '--staged'], /--git and --staged cannot be combined/],
    ['--staged with --git', ['scan', '--staged', '--git', 'main'], /--git and --staged cannot be combined/],
    ['--git twice', ['scan', '--git', '--git'], /--git is given twice/],
    ['--staged with a value', ['scan', '--staged=yes'], /--staged takes no value/],
    ['--git= with no RANGE', ['scan', '--git='], /--git= needs a RANGE/],
    ['an argument to token', ['token', 'lsci-abc'], /token takes no arguments \(got "lsci-abc"\): it reads the token on standard input/],
    ['an unknown token option', ['token', '--git'], /unknown option "--git" for token/],
    ['a SARIF token report', ['token', '--format', 'sarif'], /unknown format "sarif" \(use text, json\)/],
    ['token --format twice', ['token', '-f', 'json', '-f', 'json'], /-f is given twice/],
  ]

  it.each(cases)('rejects %s', (_name, argv, why) => {
    const error = errorOf(...argv)
    expect(error.message).toMatch(why)
    expect(error.message).toMatch(/^Invalid command line: .+\. Run "localstack-guard( scan| token)? --help" for the usage\.$/)
    expect(error.message).not.toContain('\n')
    expect(error.code).toBe('invalid-input')
  })

  it('points a scan mistake at the scan help and a token mistake at the token help', () => {
    expect(errorOf('scan', '--nope').message).toContain('"localstack-guard scan --help"')
    expect(errorOf('token', '--nope').message).toContain('"localstack-guard token --help"')
  })
})
