import { describe, expect, it } from '@jest/globals'
import { diagnoseExit } from '../../../src/emulator/diagnose-exit.js'
import { licenceFailureReason, stripLinePrefixes } from '../../../src/emulator/licence-failure-reason.js'
import { ActivationFailedError } from '../../../src/errors.js'

const NO_CREDENTIALS =
  'No credentials were found in the environment. Please make sure to either set the LOCALSTACK_AUTH_TOKEN variable to a valid auth token. If you are using the CLI, you can also run `localstack auth set-token`.'

/** A 2026.03+ failure exactly as users pasted it from CI (microcks/microcks#2008, chaos-mesh/chaos-mesh#4873). */
function layout2026(reason: string): string[] {
  return [
    'LocalStack version: 2026.3.1.dev3',
    'Localstack returning with exit code 55. Reason:',
    '===============================================',
    'The license activation failed for the following reason:',
    '',
    reason,
    '',
    'LocalStack requires an account to run.',
    '==> Have an account? Learn how to set LOCALSTACK_AUTH_TOKEN: https://app.localstack.cloud/settings/auth-tokens',
    '==> Need an account? Get started: https://www.localstack.cloud/pricing',
    '==> Want more time? Snooze until April 6, 2026 by setting LOCALSTACK_ACKNOWLEDGE_ACCOUNT_REQUIREMENT=1',
  ]
}

function legacyBanner(reason: string): string[] {
  return ['License activation failed! 🔑❌', '', `Reason: ${reason}`, '', 'Due to this error, Localstack has quit.', `Localstack returning with exit code 55. Reason: ${reason}`]
}

describe('licenceFailureReason', () => {
  it('reads the 2026.03+ layout, whose wrapper line ends empty and whose reason follows below a blank line', () => {
    expect(licenceFailureReason(layout2026(NO_CREDENTIALS))).toBe(NO_CREDENTIALS)
  })

  it('joins a reason that wraps over several lines, and stops at the account notice even without a blank line', () => {
    const lines = ['Localstack returning with exit code 55. Reason:', 'The license activation failed for the following reason:', '', 'Could not reach the LocalStack', 'licensing server at https://x', 'LocalStack requires an account to run.']
    expect(licenceFailureReason(lines)).toBe('Could not reach the LocalStack licensing server at https://x')
  })

  it('reads the older banner with Reason: on one line, and the wrapper one-line form', () => {
    expect(licenceFailureReason(legacyBanner('The license has expired.'))).toBe('The license has expired.')
    expect(licenceFailureReason(['Localstack returning with exit code 55. Reason: The license has expired.'])).toBe('The license has expired.')
  })

  it('reads lines that arrive with Docker stream headers, timestamps or a Compose prefix', () => {
    const header = '\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0042'
    const framed = layout2026(NO_CREDENTIALS).map((line, i) => (i % 3 === 0 ? `${header}${line}` : i % 3 === 1 ? `2026-03-24T10:00:0${i % 10}.123456789Z ${line}` : `localstack-1  | ${line}`))
    expect(licenceFailureReason(framed)).toBe(NO_CREDENTIALS)
    expect(stripLinePrefixes('2026-03-24T10:00:00.1234567Z Reason: x')).toBe('Reason: x')
  })

  it('finds no reason where there is none, and ignores a Reason: line outside the banner', () => {
    expect(licenceFailureReason(['Localstack returning with exit code 55. Reason:', '==='])).toBeUndefined()
    expect(licenceFailureReason(['Reason: unrelated'])).toBeUndefined()
  })
})

describe('diagnoseExit for every documented reason, in both layouts', () => {
  const cases: [string, RegExp][] = [
    [NO_CREDENTIALS, /Pass a CI Auth Token with auth-token: \$\{\{ secrets\.LOCALSTACK_AUTH_TOKEN \}\}/],
    ['The credentials defined in your environment are invalid. Please make sure to set the LOCALSTACK_AUTH_TOKEN variable.', /has not been reset/],
    ['The auth token defined in LOCALSTACK_AUTH_TOKEN has an invalid format.', /mistyped or truncated/],
    ['Could not reach the LocalStack licensing server at https://api.localstack.cloud/v1.', /Let the runner reach https:\/\/api\.localstack\.cloud/],
    ['The license has expired.', /must be active, and a CI Auth Token also needs CI credits/],
    ['Expected license to be ACTIVE, was SUSPENDED', /must be active/],
    ['Offline activation failed! The cached license is too old.', /offline licence is too old/],
    ['The license file was created for a different LocalStack version', /pin image-tag to the version/],
    ['Calculated signature and license signature do not match.', /altered or corrupted/],
  ]
  for (const [reason, fix] of cases) {
    it(`quotes "${reason.slice(0, 40)}…" and gives its fix`, () => {
      for (const lines of [layout2026(reason), legacyBanner(reason)]) {
        const error = diagnoseExit(55, lines)
        expect(error).toBeInstanceOf(ActivationFailedError)
        expect(error.message).toContain(`(${JSON.stringify(reason)})`)
        expect(error.message).toMatch(fix)
      }
    })
  }

  it('tells a fork pull request that GitHub passed it no secrets', () => {
    const error = diagnoseExit(55, layout2026(NO_CREDENTIALS), { isForkPullRequest: true })
    expect(error.message).toMatch(/pull request from a fork, and GitHub passes no secrets to those: skip the LocalStack job for forks/)
  })
})
