import { scanText } from '../../../src/scan/index.js'
import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateMalformedToken, generateToken } from '../../support/generate-token.js'

const at = (file: string) => ({ file })

describe('auth tokens in text', () => {
  it.each([
    ['ls-', 'developer-token'],
    ['lsci-', 'ci-token'],
    ['lsorg-', 'auth-token'],
  ])('reports a %s token as %s with its line, column, redaction and fingerprint', (prefix, kind) => {
    const token = generateToken(prefix)
    const findings = scanText(`first line\n  LOCALSTACK_AUTH_TOKEN=${token}\n`, at('.env'))
    expect(findings).toEqual([
      {
        category: 'leak',
        kind,
        file: '.env',
        line: 2,
        column: 25,
        redacted: `${token.slice(0, prefix.length + 4)}****-****-****-****-************`,
        fingerprint: fingerprintToken(token),
      },
    ])
  })

  it.each([
    ['a YAML map', (t: string) => `env:\n  LOCALSTACK_AUTH_TOKEN: "${t}"\n`],
    ['a compose list', (t: string) => `environment:\n  - LOCALSTACK_AUTH_TOKEN=${t}\n`],
    ['docker run', (t: string) => `docker run -e LOCALSTACK_AUTH_TOKEN=${t} localstack/localstack\n`],
    ['PowerShell', (t: string) => `$env:LOCALSTACK_AUTH_TOKEN="${t}"\n`],
    ['the CLI, no assignment operator', (t: string) => `\tlocalstack auth set-token ${t}\n`],
    ['a commented Makefile line', (t: string) => `# localstack auth set-token ${t}\n`],
    ['a Python keyword argument', (t: string) => `client(localstack_auth_token="${t}")\n`],
    ['an HTTP header', (t: string) => `curl -H 'Authorization: ${t}' http://x\n`],
    ['prose', (t: string) => `My token is ${t}, please keep it safe.\n`],
  ])('finds a token in %s', (_name, render) => {
    const token = generateToken('lsci-')
    const findings = scanText(render(token), at('file.txt'))
    expect(findings.map((f) => f.fingerprint)).toEqual([fingerprintToken(token)])
  })

  it('drops token-shaped text whose checksum is wrong', () => {
    expect(scanText(`LOCALSTACK_AUTH_TOKEN=${generateMalformedToken('ls-')}`, at('.env'))).toEqual([])
  })

  it('does not cut a token out of a longer identifier', () => {
    expect(scanText(`x=${generateToken('ls-')}abc`, at('a.txt'))).toEqual([])
  })

  it('reports every token of a line, each at its own column', () => {
    const a = generateToken('ls-')
    const b = generateToken('lsci-')
    const findings = scanText(`${a} ${b}`, at('a.txt'))
    expect(findings.map((f) => [f.kind, f.column])).toEqual([
      ['developer-token', 1],
      ['ci-token', a.length + 2],
    ])
  })

  it('never puts the raw token in a finding', () => {
    const token = generateToken('lsci-')
    const serialized = JSON.stringify(scanText(`TOKEN=${token}`, at('a.txt')))
    expect(serialized).not.toContain(token)
    expect(serialized).not.toContain(token.slice(5, 20))
  })
})

describe('placeholders for auth tokens are nothing', () => {
  // docs/facts.md §1.5, every auth-token-shaped family.
  const placeholders = [
    'ls-...',
    'ls-xxx...',
    'ls-xxxxxxxx',
    'ls-your-token-here',
    'ls-xxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
    'ls-████████████████',
    '<YOUR_AUTH_TOKEN>',
    'ls-XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX',
    'ls-dummy-token-for-offline-tests',
    'ls-secret',
    'ls-token',
    'ls-x',
    'ls-example-token',
    'test',
  ]
  it.each(placeholders)('ignores %s', (placeholder) => {
    const text = [
      `LOCALSTACK_AUTH_TOKEN=${placeholder}`,
      `LOCALSTACK_AUTH_TOKEN: "${placeholder}"`,
      `localstack auth set-token ${placeholder}`,
    ].join('\n')
    expect(scanText(text, at('docs/README.md'))).toEqual([])
  })

  it.each(['${LOCALSTACK_AUTH_TOKEN:- }', '${LOCALSTACK_AUTH_TOKEN- }', '${{ secrets.LOCALSTACK_AUTH_TOKEN }}', '$LOCALSTACK_AUTH_TOKEN'])(
    'ignores the reference %s to LOCALSTACK_AUTH_TOKEN',
    (reference) => {
      expect(scanText(`LOCALSTACK_AUTH_TOKEN=${reference}\n`, at('.github/workflows/ci.yml'))).toEqual([])
    },
  )
})
