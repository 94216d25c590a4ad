import { describe, expect, it } from '@jest/globals'
import { diagnoseExit, licenceFailureReason } from '../../../src/emulator/diagnose-exit.js'
import { ActivationFailedError, EmulatorExitedError, PortInUseError } from '../../../src/errors.js'

const BANNER = [
  'License activation failed! 🔑❌',
  '',
  'Reason: The credentials defined in your environment are invalid.',
  '',
  'Localstack returning with exit code 55. Reason: The credentials defined in your environment are invalid.',
]

describe('diagnoseExit', () => {
  it('turns exit code 55 into an activation failure quoting the reason line and the fix', () => {
    const error = diagnoseExit(55, BANNER)
    expect(error).toBeInstanceOf(ActivationFailedError)
    expect(error.code).toBe('activation-failed')
    expect(error.message).toMatch(
      /^LocalStack licence activation failed: the container exited with code 55 \("The credentials defined in your environment are invalid\."\)\. Copy the CI Auth Token again/,
    )
    expect((error as ActivationFailedError).logTail).toEqual(BANNER)
  })

  it('advises on a missing credential', () => {
    const error = diagnoseExit(55, ['Localstack returning with exit code 55. Reason: No credentials were found in the environment.'])
    expect(error.message).toMatch(/Pass a CI Auth Token with auth-token/)
  })

  it('still fails clearly when exit 55 printed no reason', () => {
    expect(diagnoseExit(55, []).message).toMatch(/code 55 \(it printed no reason\)\. Check the token/)
  })

  it('recognises a port clash in the log of a crashed container', () => {
    expect(diagnoseExit(1, ['OSError: [Errno 98] Address already in use'])).toBeInstanceOf(PortInUseError)
  })

  it('reports any other exit with its code and last line', () => {
    const error = diagnoseExit(1, ['booting', 'RuntimeError: boom', ''])
    expect(error).toBeInstanceOf(EmulatorExitedError)
    expect(error.message).toBe(
      'LocalStack stopped before it was ready: the container exited with code 1 (last line: "RuntimeError: boom"). Read the container log tail above; re-run with configuration DEBUG=1 for more detail.',
    )
  })

  it('explains exit code 137', () => {
    expect(diagnoseExit(137, []).message).toMatch(/killed \(out of memory/)
  })
})

describe('licenceFailureReason', () => {
  it('falls back to the banner Reason line', () => {
    expect(licenceFailureReason(['License activation failed! 🔑❌', 'Reason: The license has expired.'])).toBe('The license has expired.')
  })

  it('ignores a Reason line that is not part of the banner', () => {
    expect(licenceFailureReason(['Reason: unrelated'])).toBeUndefined()
  })
})
