import { describe, expect, it } from '@jest/globals'
import { decideToken, type CredentialSources, type TokenPolicyContext } from '../../../src/policy/token-policy.js'
import { generateLegacyKey, generateMalformedToken, generateToken } from '../../support/generate-token.js'

const CI: TokenPolicyContext = { isCi: true, isForkPullRequest: false, allowDeveloperToken: false }
const none: CredentialSources = { input: undefined, authTokenEnv: undefined, apiKeyEnv: undefined }

function attempt(sources: Partial<CredentialSources>, context: Partial<TokenPolicyContext> = {}): { error: Error; token: string } {
  const token = sources.input ?? sources.authTokenEnv ?? sources.apiKeyEnv ?? ''
  try {
    decideToken({ ...none, ...sources }, { ...CI, ...context })
  } catch (error: unknown) {
    return { error: error as Error, token }
  }
  throw new Error('expected decideToken to throw')
}

describe('decideToken', () => {
  it('accepts a CI Auth Token from the input with no warnings', () => {
    const token = generateToken('lsci-')
    expect(decideToken({ ...none, input: token }, CI)).toEqual({ token, kind: 'ci-token', source: 'auth-token input', warnings: [] })
  })

  it('strips quotes and spaces the way LocalStack does', () => {
    const token = generateToken('lsci-')
    expect(decideToken({ ...none, authTokenEnv: ` "${token}" ` }, CI).token).toBe(token)
  })

  it('rejects a developer token in CI unless allow-developer-token is set', () => {
    const { error, token } = attempt({ input: generateToken('ls-') })
    expect(error).toMatchObject({ code: 'developer-token-in-ci' })
    expect(error.message).toMatch(/^The auth-token input holds a developer token \(ls-…\): developer tokens cannot be used in CI\. Store a CI Auth Token/)
    expect(error.message).not.toContain(token)
  })

  it('lets a developer token through with a warning when allow-developer-token is true', () => {
    const decision = decideToken({ ...none, input: generateToken('ls-') }, { ...CI, allowDeveloperToken: true })
    expect(decision.kind).toBe('developer-token')
    expect(decision.warnings).toEqual([expect.stringMatching(/allow-developer-token is true/)])
  })

  it('accepts a developer token outside CI', () => {
    expect(decideToken({ ...none, input: generateToken('ls-') }, { ...CI, isCi: false }).warnings).toEqual([])
  })

  it('rejects a token whose checksum is wrong without echoing it', () => {
    const { error, token } = attempt({ authTokenEnv: generateMalformedToken('lsci-') })
    expect(error).toMatchObject({ code: 'invalid-token' })
    expect(error.message).toMatch(/^LOCALSTACK_AUTH_TOKEN holds a malformed LocalStack token \(lsci-…\): .* mistyped or truncated\. Copy the token again/)
    expect(error.message).not.toContain(token.slice(5))
  })

  it('explains the fix when no token is set', () => {
    expect(attempt({}).error).toMatchObject({ code: 'missing-token', message: expect.stringMatching(/^No LocalStack token: the auth-token input is empty/) })
  })

  it('says that forks get no secrets when a fork pull request has no token', () => {
    expect(attempt({}, { isForkPullRequest: true }).error.message).toMatch(/this run comes from a fork, and GitHub does not pass secrets to fork workflows/)
  })

  it('treats a blank or quoted-empty value as unset', () => {
    expect(attempt({ input: '  ', authTokenEnv: '""' }).error).toMatchObject({ code: 'missing-token' })
  })

  it('rejects a legacy key in LOCALSTACK_API_KEY with the migration steps', () => {
    const { error, token } = attempt({ apiKeyEnv: generateLegacyKey() })
    expect(error).toMatchObject({ code: 'legacy-key' })
    expect(error.message).toMatch(/^LOCALSTACK_API_KEY holds a legacy API key: legacy API and CI keys stopped activating .* Create a CI Auth Token .* delete the LOCALSTACK_API_KEY secret\.$/)
    expect(error.message).not.toContain(token)
  })

  it('accepts an Auth Token found in LOCALSTACK_API_KEY, with a warning to rename the variable', () => {
    const decision = decideToken({ ...none, apiKeyEnv: generateToken('lsci-') }, CI)
    expect(decision.source).toBe('LOCALSTACK_API_KEY')
    expect(decision.warnings).toEqual([expect.stringMatching(/Rename the secret and the variable to LOCALSTACK_AUTH_TOKEN/)])
  })

  it('explains that the emulator refuses both variables at once', () => {
    const { error } = attempt({ authTokenEnv: generateToken('lsci-'), apiKeyEnv: generateToken('lsci-') })
    expect(error).toMatchObject({ code: 'conflicting-credentials' })
    expect(error.message).toMatch(/not both/)
  })

  it('lets the input win over the environment, warning about an ignored LOCALSTACK_API_KEY', () => {
    const token = generateToken('lsci-')
    const decision = decideToken({ input: token, authTokenEnv: generateToken('lsci-'), apiKeyEnv: generateLegacyKey() }, CI)
    expect(decision.token).toBe(token)
    expect(decision.warnings).toEqual([expect.stringMatching(/LOCALSTACK_API_KEY is set but ignored/)])
  })

  it('accepts an Auth Token of unknown kind with a note', () => {
    expect(decideToken({ ...none, input: generateToken('lsxy-') }, CI)).toMatchObject({ kind: 'auth-token', warnings: [expect.stringMatching(/unknown kind \(lsxy-…\)/)] })
  })
})
