import { classifyToken, fingerprintToken, hasValidChecksum, parseToken, redactToken } from '../../../src/tokens/index.js'
import { generateMalformedToken, generateToken } from '../../support/generate-token.js'

describe('token checksum', () => {
  // The two documented examples from LocalStack's AuthToken docstring (docs/facts.md §1.1): the only allowed literals.
  const documented = ['ls-WeNE7839-VifA-viLo-LImo-SehU0277efb9', 'lsci-sekU1905-PohE-0982-duXA-pUQITIxi3829']

  it.each(documented)('accepts LocalStack documented example %#', (token) => {
    const parsed = parseToken(token)
    expect(parsed).toBeDefined()
    expect(hasValidChecksum(parsed!.body)).toBe(true)
  })

  it('rejects any single-character change of a documented example', () => {
    const token = documented[1]!
    const body = token.slice(token.indexOf('-') + 1)
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '-') continue
      const changed = body.slice(0, i) + (body[i] === 'a' ? 'b' : 'a') + body.slice(i + 1)
      expect(hasValidChecksum(changed)).toBe(false)
    }
  })
})

describe('classifyToken', () => {
  it('classifies ls- as a developer token', () => {
    expect(classifyToken(generateToken('ls-'))).toEqual({ kind: 'developer-token', isValid: true })
  })
  it('classifies lsci- as a CI token', () => {
    expect(classifyToken(generateToken('lsci-'))).toEqual({ kind: 'ci-token', isValid: true })
  })
  it('classifies another ls<letters>- prefix as an auth token of unknown kind', () => {
    expect(classifyToken(generateToken('lsorg-'))).toEqual({ kind: 'auth-token', isValid: true })
  })
  it('classifies a wrong checksum as malformed', () => {
    expect(classifyToken(generateMalformedToken('lsci-'))).toEqual({ kind: 'malformed', isValid: false })
  })
  it('classifies a truncated token as malformed', () => {
    expect(classifyToken(generateToken('lsci-').slice(0, -1))).toEqual({ kind: 'malformed', isValid: false })
  })
  it('classifies a value with no ls prefix as a legacy key', () => {
    expect(classifyToken('AbCdEf1234')).toEqual({ kind: 'legacy-key', isValid: true })
  })
  it('treats an empty or blank value as an invalid legacy key', () => {
    expect(classifyToken(' "  " ')).toEqual({ kind: 'legacy-key', isValid: false })
  })
  it('ignores surrounding quotes and whitespace, as LocalStack does', () => {
    expect(classifyToken(` '${generateToken('lsci-')}'\n`).kind).toBe('ci-token')
  })
})

describe('redactToken', () => {
  it('shows no more than the prefix and four body characters', () => {
    const token = generateToken('lsci-')
    const redacted = redactToken(token)
    expect(redacted).toBe(`${token.slice(0, 9)}****-****-****-****-************`)
    expect(redacted).toMatch(/^lsci-[A-Za-z]{4}\*{4}-/)
  })
  it('shows only the length of a legacy key', () => {
    expect(redactToken('AbCdEf1234')).toBe('****(10)')
  })
})

describe('fingerprintToken', () => {
  it('is sha256: plus the hex digest, stable and distinct per token', () => {
    const a = generateToken()
    const b = generateToken()
    expect(fingerprintToken(a)).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(fingerprintToken(a)).toBe(fingerprintToken(a))
    expect(fingerprintToken(a)).not.toBe(fingerprintToken(b))
  })
})
