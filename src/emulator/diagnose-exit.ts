import { ActivationFailedError, EmulatorExitedError, PortInUseError, type GuardError } from '../errors.js'

/** LocalStack's exit code for a licence failure (`LocalstackExit` in `runtime/main.py`, FACTS.md §2.5). */
export const LICENCE_EXIT_CODE = 55

/** What to do for each documented licence failure reason (FACTS.md §2.5), matched on how the reason begins. */
const REASON_FIXES: readonly (readonly [RegExp, string])[] = [
  [/^No credentials were found/i, 'Pass a CI Auth Token with auth-token: ${{ secrets.LOCALSTACK_AUTH_TOKEN }}'],
  [/invalid format/i, 'Copy the CI Auth Token again from the LocalStack web app into the LOCALSTACK_AUTH_TOKEN secret: it is mistyped or truncated'],
  [/not both/i, 'Set only LOCALSTACK_AUTH_TOKEN; remove LOCALSTACK_API_KEY from the workflow'],
  [/^The credentials defined in your environment are invalid/i, 'Copy the CI Auth Token again from the LocalStack web app into the LOCALSTACK_AUTH_TOKEN secret, and check that it is a CI Auth Token (lsci-…) that has not been reset'],
  [/^Could not reach the LocalStack licensing server/i, 'Let the runner reach https://api.localstack.cloud (proxy, firewall), then re-run the job'],
  [/expired|Expected license to be ACTIVE/i, 'Check the licence assigned to the token in the LocalStack web app (Workspace → Licenses); a CI Auth Token also needs an active licence and CI credits'],
  [/Offline activation failed|different LocalStack version/i, 'Remove the cached license.json from the LocalStack volume directory and re-run the job'],
  [/Calculated signature/i, 'Remove the cached license.json from the LocalStack volume directory and re-run the job'],
]
const DEFAULT_FIX = 'Check the token and its licence in the LocalStack web app (https://app.localstack.cloud)'

/** How many characters of a log line an error message quotes. */
const MAX_QUOTED_CHARS = 200

/**
 * Turns a container's exit before readiness into one named error with one actionable message (STYLE.md §4).
 * `logTail` is the container's last output lines, oldest first; it is carried on the error, not quoted whole.
 */
export function diagnoseExit(exitCode: number, logTail: readonly string[]): GuardError {
  if (exitCode === LICENCE_EXIT_CODE) {
    const reason = licenceFailureReason(logTail)
    const fix = REASON_FIXES.find(([pattern]) => reason !== undefined && pattern.test(reason))?.[1] ?? DEFAULT_FIX
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

/**
 * The reason of a licence failure: the `Localstack returning with exit code 55. Reason:` line wins, then the
 * banner's `Reason:` line (FACTS.md §2.5).
 */
export function licenceFailureReason(logTail: readonly string[]): string | undefined {
  for (const line of logTail) {
    const match = /Localstack returning with exit code 55\. Reason:\s*(.+)$/i.exec(line)
    if (match?.[1] !== undefined) return match[1].trim()
  }
  const banner = logTail.findIndex((line) => line.includes('License activation failed'))
  for (const line of banner >= 0 ? logTail.slice(banner) : []) {
    const match = /^\s*Reason:\s*(.+)$/.exec(line)
    if (match?.[1] !== undefined) return match[1].trim()
  }
  return undefined
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
