import { ActivationFailedError, EmulatorExitedError, PortInUseError, type GuardError } from '../errors.js'
import { licenceFailureReason } from './licence-failure-reason.js'

export { licenceFailureReason } from './licence-failure-reason.js'

/** LocalStack's exit code for a licence failure (`LocalstackExit` in `runtime/main.py`). */
export const LICENCE_EXIT_CODE = 55

/** Where the cached licence lives, for the fixes that remove it. */
const CACHED_LICENCE = 'the cached license.json in the LocalStack volume directory (LOCALSTACK_VOLUME_DIR; a fresh directory under RUNNER_TEMP by default)'

/**
 * What to do for each documented licence failure reason, matched on how the reason begins (the exceptions of
 * LocalStack's licensing client: CredentialsMissingError, CredentialsInvalidError, AuthTokenFormatError,
 * LicensingServerUnavailableError, LicenseExpiredError, LicenseStatusError, LicenseStaleError,
 * LocalstackVersionMismatchError, LicenseSignatureMismatchError).
 */
const REASON_FIXES: readonly (readonly [RegExp, (context: ExitContext) => string])[] = [
  [
    /^No credentials were found/i,
    (context) =>
      context.isForkPullRequest
        ? 'This run is a pull request from a fork, and GitHub passes no secrets to those: skip the LocalStack job for forks (if: github.event.pull_request.head.repo.fork == false) and run it on push after review'
        : 'Pass a CI Auth Token with auth-token: ${{ secrets.LOCALSTACK_AUTH_TOKEN }}, and check that the secret exists in this repository or environment',
  ],
  [/not both/i, () => 'Set only LOCALSTACK_AUTH_TOKEN; remove LOCALSTACK_API_KEY from the workflow'],
  [/invalid format/i, () => 'Copy the CI Auth Token again from the LocalStack web app into the LOCALSTACK_AUTH_TOKEN secret: it is mistyped or truncated'],
  [
    /^The credentials defined in your environment are invalid/i,
    () => 'Copy the CI Auth Token again from the LocalStack web app into the LOCALSTACK_AUTH_TOKEN secret, and check that it is a CI Auth Token (lsci-…) that has not been reset',
  ],
  [/^Could not reach the LocalStack licensing server/i, () => 'Let the runner reach https://api.localstack.cloud (proxy, firewall, DNS), then re-run the job'],
  [
    /^The license has expired|^Expected license to be ACTIVE/i,
    () => 'Check the licence assigned to the token in the LocalStack web app (Workspace → Licenses): it must be active, and a CI Auth Token also needs CI credits left',
  ],
  [/^Offline activation failed/i, () => `The offline licence is too old to use: let the runner reach https://api.localstack.cloud so it is renewed, or remove ${CACHED_LICENCE}`],
  [/different LocalStack version/i, () => `Remove ${CACHED_LICENCE}, or pin image-tag to the version the licence was made for`],
  [/^Calculated signature/i, () => `The cached licence was altered or corrupted: remove ${CACHED_LICENCE} and re-run the job`],
]

/** What the front end knows about the run that changes the advice. */
export interface ExitContext {
  /** A pull request from a fork: GitHub passes it no secrets. */
  readonly isForkPullRequest: boolean
}

const DEFAULT_FIX = 'Check the token and its licence in the LocalStack web app (https://app.localstack.cloud)'

/** How many characters of a log line an error message quotes. */
const MAX_QUOTED_CHARS = 300

/**
 * Turns a container's exit before readiness into one named error with one actionable message (docs/style.md §4).
 * `logTail` is the container's last output lines, oldest first; it is carried on the error, not quoted whole.
 */
export function diagnoseExit(exitCode: number, logTail: readonly string[], context: ExitContext = { isForkPullRequest: false }): GuardError {
  if (exitCode === LICENCE_EXIT_CODE) {
    const reason = licenceFailureReason(logTail)
    const fix = REASON_FIXES.find(([pattern]) => reason !== undefined && pattern.test(reason))?.[1](context) ?? DEFAULT_FIX
    const quoted = reason === undefined ? 'it printed no reason' : `"${clip(reason)}"`
    return new ActivationFailedError(
      `LocalStack licence activation failed: the container exited with code 55 (${quoted}). ${fix}.`,
      { exitCode, logTail, reason },
    )
  }
  if (logTail.some((line) => /address already in use/i.test(line))) {
    return new PortInUseError(
      `LocalStack could not start: its gateway port is already in use on the host (the container exited with code ${exitCode}). ` +
        'Stop whatever listens there (another LocalStack?), or choose another port with configuration GATEWAY_LISTEN=:4567.',
    )
  }
  const last = lastMeaningfulLine(logTail)
  return new EmulatorExitedError(
    `LocalStack stopped before it was ready: the container exited with code ${exitCode}${describeExitCode(exitCode)}` +
      `${last === undefined ? '' : ` (last line: "${clip(last)}")`}. Read the container log tail above; re-run with configuration DEBUG=1 for more detail.`,
    { exitCode, logTail },
  )
}

function describeExitCode(exitCode: number): string {
  if (exitCode === 137) return ', killed (out of memory, or stopped from outside)'
  if (exitCode === 0) return ', a normal shutdown before readiness'
  return ''
}

function lastMeaningfulLine(logTail: readonly string[]): string | undefined {
  return [...logTail].reverse().find((line) => line.trim() !== '')?.trim()
}

function clip(text: string): string {
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text
}
