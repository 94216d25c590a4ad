import { LineTracker } from '../../../src/scan/line-tracker.js'
import { scanNames } from '../../../src/scan/scan-names.js'
import { scanText } from '../../../src/scan/text-scanner.js'
import { fingerprintToken, redactTokenShapes } from '../../../src/tokens/index.js'
import { generateToken } from '../../support/generate-token.js'

describe('the scanner on hostile input', () => {
  it('reads each character of a long line once to place hits on it (work grows with the line, not with line x hits)', () => {
    const work = (length: number): number => {
      const tracker = new LineTracker()
      const text = 'x'.repeat(length)
      for (let offset = 0; offset < length; offset += 50) tracker.advance(text, 0, offset)
      return tracker.charactersRead
    }
    expect(work(100_000)).toBeLessThanOrEqual(100_000)
    expect(work(400_000) / work(100_000)).toBeLessThan(4.5)
  })

  it('places lines and columns right across batches and seams after the change', () => {
    const token = generateToken()
    const line = `${'a '.repeat(30_000)}LOCALSTACK_AUTH_TOKEN=${token}\n`
    const text = `${line}${line}${'\n'.repeat(3)}${line}`
    const findings = scanText(text, { file: 'x.env' })
    expect(findings.map((finding) => [finding.line, finding.column])).toEqual([
      [1, 60_001 + 'LOCALSTACK_AUTH_TOKEN='.length],
      [2, 60_001 + 'LOCALSTACK_AUTH_TOKEN='.length],
      [6, 60_001 + 'LOCALSTACK_AUTH_TOKEN='.length],
    ])
  })

  it('survives 130,000 hits of a detector with a pass of its own in one write (no argument spreading)', () => {
    const token = generateToken()
    const line = `value: ${Buffer.from(`x${token}`).toString('base64')}\n`
    const findings = scanText(line.repeat(130_000), { file: 'secrets.yaml' })
    expect(findings.length).toBeGreaterThanOrEqual(130_000)
  })

  it('finds tokens in a ref, a commit message and a file name, naming each place redacted', () => {
    const [inRef, inMessage, inPath] = [generateToken(), generateToken('ls-'), generateToken()]
    const findings = scanNames({ ref: `refs/heads/fix/${inRef}`, messages: [{ commit: 'c1', text: `oops\n\nLOCALSTACK_AUTH_TOKEN=${inMessage}` }], paths: [{ commit: 'c2', path: `keys/${inPath}.txt` }] })
    expect(findings.map((finding) => finding.fingerprint)).toEqual([inRef, inMessage, inPath].map(fingerprintToken))
    const shown = JSON.stringify(findings)
    for (const raw of [inRef, inMessage, inPath]) expect(shown).not.toContain(raw)
    expect(findings[1]).toMatchObject({ file: '(commit message)', commit: 'c1', line: 3 })
    expect(findings[2]?.file).toBe(`keys/${redactTokenShapes(inPath)}.txt`)
  })

  it('redacts every token shape in free text, checksum or not', () => {
    const token = generateToken()
    const nearMiss = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`
    const text = redactTokenShapes(`path a/${token}/b and ${nearMiss}`)
    expect(text).not.toContain(token)
    expect(text).not.toContain(nearMiss)
    expect(text).toMatch(/^path a\/lsci-\w{4}\*{4}-/)
    expect(redactTokenShapes('refs/heads/main')).toBe('refs/heads/main')
  })
})
