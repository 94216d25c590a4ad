import { createTextScanner, scanText, sniffEncoding, type Finding } from '../../../src/scan/index.js'
import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateLegacyKey, generateToken } from '../../support/generate-token.js'

const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64')

describe('hidden values', () => {
  it.each(['ls-', 'lsci-'])('decodes one level of base64 in a Kubernetes Secret data value (%s)', (prefix) => {
    const token = generateToken(prefix)
    const secret = `apiVersion: v1\nkind: Secret\ndata:\n  LOCALSTACK_AUTH_TOKEN: ${b64(token)}\n`
    const findings = scanText(secret, { file: 'k8s/secret.yaml' })
    expect(findings).toMatchObject([{ line: 4, column: 26, fingerprint: fingerprintToken(token) }])
  })

  it.each([0, 1, 2])('finds a token inside a base64 blob at byte alignment %i', (padding) => {
    const token = generateToken('lsci-')
    const blob = b64(`${'#'.repeat(padding)}KEY=${token}\nOTHER=1\n`)
    expect(scanText(`config.env: ${blob}\n`, { file: 'secret.yaml' }).map((f) => f.fingerprint)).toEqual([fingerprintToken(token)])
  })

  it('finds a token in a JSON-escaped notebook string, after a \\n escape', () => {
    const token = generateToken('ls-')
    const cell = `{"cells":[{"source":["import os\\n","os.environ[\\"LOCALSTACK_AUTH_TOKEN\\"] = \\"${token}\\"\\nls=1\\n${token}\\n"]}]}`
    expect(scanText(cell, { file: 'analysis.ipynb' })).toHaveLength(2)
  })

  it('keeps line numbers right in CRLF files', () => {
    const token = generateToken('lsci-')
    expect(scanText(`a\r\nb\r\nTOKEN=${token}\r\n`, { file: 'win.env' })).toMatchObject([{ line: 3, column: 7 }])
  })

  it('does not count a leading BOM as a column', () => {
    const token = generateToken('lsci-')
    expect(scanText(`\uFEFF${token}\n`, { file: 'bom.txt' })).toMatchObject([{ line: 1, column: 1 }])
  })

  it('finds tokens on a minified line of several megabytes, at the right columns', () => {
    const tokens = [generateToken('ls-'), generateToken('lsci-')]
    const filler = 'var a=function(b){return b+1};'.repeat(70_000)
    const line = `${filler}t="${tokens[0]}";${filler}u="${tokens[1]}";`
    const findings = scanText(line, { file: 'app.min.js' })
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [1, filler.length + 4],
      [1, 2 * filler.length + tokens[0]!.length + 9],
    ])
  })

  it('decides UTF-16 by its BOM and binary by a NUL byte', () => {
    expect(sniffEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toBe('utf-16le')
    expect(sniffEncoding(Uint8Array.from([0xfe, 0xff, 0x00, 0x41]))).toBe('utf-16be')
    expect(sniffEncoding(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBe('binary')
    expect(sniffEncoding(new TextEncoder().encode('plain text'))).toBe('utf-8')
  })
})

describe('streaming', () => {
  it('finds the same tokens, at the same places, whatever the chunking', () => {
    const tokens = Array.from({ length: 40 }, (_, i) => generateToken(i % 2 === 0 ? 'ls-' : 'lsci-'))
    const key = generateLegacyKey()
    const lines = tokens.map((token, i) => `${'x'.repeat(i * 997)} TOKEN=${token}`)
    const text = `${lines.join('\n')}\nexport LOCALSTACK_API_KEY="${key}"\n${'filler line\n'.repeat(50_000)}`
    const whole = scanText(text, { file: 'big.txt' })
    for (const chunkSize of [1, 7, 4096, 65_536, 300_000]) {
      const found: Finding[] = []
      const scanner = createTextScanner({ file: 'big.txt' }, (f) => found.push(f))
      for (let i = 0; i < text.length; i += chunkSize) scanner.write(text.slice(i, i + chunkSize))
      scanner.end()
      expect(found).toEqual(whole)
    }
    expect(whole).toHaveLength(41)
  })

  it('stays linear on megabytes of near-matches (a backtracking pattern would not finish)', () => {
    const nearMisses = [
      'ls'.repeat(1_000_000),
      `ls${'a'.repeat(2_000_000)}`,
      'lsci-AAAA0000-0000-0000-0000-00000000000'.repeat(50_000),
      'localstack_api_key'.repeat(200_000),
      'LOCALSTACK_API_KEY='.repeat(200_000),
      'bHNjaS'.repeat(500_000),
      '${LOCALSTACK_API_KEY'.repeat(100_000),
    ]
    for (const text of nearMisses) {
      expect(scanText(text, { file: 'adversarial.txt' }).filter((f) => f.category === 'leak')).toEqual([])
    }
  })
})

describe('suppression', () => {
  it('drops a finding on a line with the inline allow comment', () => {
    const token = generateToken('lsci-')
    const text = `A=${token} # localstack-guard:allow\nB=${token}\n`
    expect(scanText(text, { file: 'a.env' })).toMatchObject([{ line: 2 }])
  })

  it('drops findings whose fingerprint is allowed by configuration', () => {
    const allowed = generateToken('lsci-')
    const other = generateToken('lsci-')
    const findings = scanText(`${allowed}\n${other}\n`, { file: 'a.txt' }, { allowFingerprints: new Set([fingerprintToken(allowed)]) })
    expect(findings.map((f) => f.fingerprint)).toEqual([fingerprintToken(other)])
  })
})
