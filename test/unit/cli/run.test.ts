import { readFileSync } from 'node:fs'
import { formatError, run } from '../../../cli/run.js'
import { CLI_VERSION } from '../../../cli/version.js'
import { SourceReadError } from '../../../src/errors.js'
import { fakeIo } from './io-fakes.js'

describe('run', () => {
  it('prints the main help on stdout for --help and exits 0', async () => {
    const { io, stdout } = fakeIo(['--help'])

    expect(await run(io)).toBe(0)
    expect(stdout.text).toContain('localstack-guard scan [PATH] [--git [RANGE] | --staged] [--format text|json|sarif] [--output FILE]')
  })

  it('documents the --git RANGE rule, the default history and the exit codes in scan --help', async () => {
    const { io, stdout } = fakeIo(['scan', '--help'])

    expect(await run(io)).toBe(0)
    expect(stdout.text).toContain('unless it starts with "-" or names an existing')
    expect(stdout.text).toContain('every commit reachable from HEAD')
    expect(stdout.text).toMatch(/migration findings alone .* exit 0/)
  })

  it('prints the version, which is the package version', async () => {
    const { io, stdout } = fakeIo(['--version'])
    const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }

    expect(await run(io)).toBe(0)
    expect(stdout.text).toBe(`${CLI_VERSION}\n`)
    expect(CLI_VERSION).toBe(packageJson.version)
  })

  it('exits 2 with exactly one line on stderr for a bad argument', async () => {
    const { io, stdout, stderr } = fakeIo(['scan', '--format', 'xml'])

    expect(await run(io)).toBe(2)
    expect(stdout.text).toBe('')
    expect(stderr.text).toBe('Invalid command line: unknown format "xml" (use text, json, sarif). Run "localstack-guard scan --help" for the usage.\n')
  })

  it('exits 2 with one line when PATH does not exist', async () => {
    const { io, stderr } = fakeIo(['scan', 'no/such/folder'])

    expect(await run(io)).toBe(2)
    expect(stderr.text).toBe('Cannot read PATH no/such/folder: ENOENT. Check the path, or run the scan from another directory.\n')
  })
})

describe('formatError', () => {
  it('keeps our errors to their one-line message', () => {
    expect(formatError(new SourceReadError('Cannot read x: EACCES.\nFix it.'))).toBe('Cannot read x: EACCES. Fix it.')
  })

  it('marks anything else as unexpected, without a stack trace', () => {
    const message = formatError(new TypeError('boom'))

    expect(message).toBe('localstack-guard stopped unexpectedly: boom. Report this with the command you ran.')
    expect(formatError('a string')).toMatch(/^localstack-guard stopped unexpectedly: a string\./)
  })
})
