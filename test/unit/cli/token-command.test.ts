import { Readable } from 'node:stream'
import { run } from '../../../cli/run.js'
import { generateLegacyKey, generateMalformedToken, generateToken } from '../../support/generate-token.js'
import { fakeIo } from './io-fakes.js'

async function classify(input: string, ...options: string[]) {
  const { io, stdout, stderr } = fakeIo(['token', ...options], { input })
  const exitCode = await run(io)
  return { exitCode, stdout: stdout.text, stderr: stderr.text }
}

describe('localstack-guard token', () => {
  it('names a CI Auth Token and exits 0', async () => {
    const result = await classify(`${generateToken('lsci-')}\n`)

    expect(result).toEqual({ exitCode: 0, stdout: 'ci-token: CI Auth Token, checksum valid.\n', stderr: '' })
  })

  it('names a developer token, warns that it cannot be used in CI, and exits 0', async () => {
    const result = await classify(generateToken('ls-'))

    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^developer-token: Developer Auth Token \(personal\), checksum valid\. It cannot be used in CI/)
  })

  it('names an Auth Token of another prefix and exits 0', async () => {
    expect(await classify(generateToken('lsfoo-'))).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^auth-token: /) as unknown })
  })

  it('calls a token with a wrong checksum malformed and exits 1', async () => {
    const result = await classify(generateMalformedToken('lsci-'))

    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/^malformed: shaped like an Auth Token, but the checksum or the shape is wrong/)
  })

  it('calls a value without an ls…- prefix a legacy API key that no longer activates, and exits 1', async () => {
    const result = await classify(generateLegacyKey())

    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/^legacy-key: a legacy API key .*stop activating/)
  })

  it('prints {kind, isValid} with --format json', async () => {
    const valid = await classify(generateToken('lsci-'), '--format', 'json')
    const malformed = await classify(generateMalformedToken('ls-'), '--format=json')

    expect(JSON.parse(valid.stdout)).toEqual({ kind: 'ci-token', isValid: true })
    expect(JSON.parse(malformed.stdout)).toEqual({ kind: 'malformed', isValid: false })
  })

  it('ignores surrounding whitespace and quotes, as LocalStack does', async () => {
    expect((await classify(`  "${generateToken('lsci-')}"  \r\n`)).exitCode).toBe(0)
  })

  it('never prints the token, whatever its kind', async () => {
    const inputs = [generateToken('lsci-'), generateToken('ls-'), generateMalformedToken('lsci-'), generateLegacyKey()]

    for (const input of inputs) {
      for (const format of ['text', 'json']) {
        const result = await classify(input, '--format', format)
        expect(result.stdout + result.stderr).not.toContain(input)
        expect(result.stdout + result.stderr).not.toContain(input.slice(-12))
      }
    }
  })

  it('exits 2 with one line when stdin is empty or blank', async () => {
    for (const input of ['', ' \n\t\n']) {
      const result = await classify(input)
      expect(result.exitCode).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^No token to classify: standard input was empty\. Pipe the token in, .+\.\n$/)
    }
  })

  it('exits 2 when far more than one token arrives on stdin', async () => {
    const result = await classify('x'.repeat(100_000))

    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(/^Standard input is not one token: more than 65536 bytes arrived\./)
  })

  it('tells a terminal user how to end the input', async () => {
    const { io, stderr } = fakeIo(['token'], { input: generateToken(), stdinIsTTY: true })

    await run(io)

    expect(stderr.text).toBe('Paste the token, then press Enter and Ctrl-D.\n')
  })

  it('turns terminal echo off while it reads the token, and back on after', async () => {
    const token = generateToken()
    const rawModes: boolean[] = []
    const stdin = Object.assign(Readable.from([`${token.slice(0, 10)}`, `X\u007f${token.slice(10)}\r`, 'ignored']), {
      isTTY: true,
      setRawMode(isRaw: boolean) {
        rawModes.push(isRaw)
        return this
      },
    })
    const { io, stdout, stderr } = fakeIo(['token'])

    const exitCode = await run({ ...io, stdin })

    expect(rawModes).toEqual([true, false])
    expect(exitCode).toBe(0)
    expect(stdout.text).toMatch(/^ci-token: /)
    expect(stderr.text).toBe('Paste the token, then press Enter (it is not shown).\n')
    expect(stdout.text + stderr.text).not.toContain(token)
  })
})
