import { GuardError, toError } from '../src/errors.js'

/**
 * The one message a failed step shows (docs/style.md §4). A `GuardError` already has the house shape and its code is
 * appended for the README's troubleshooting section; anything else was not foreseen and says so.
 */
export function formatError(thrown: unknown): string {
  if (thrown instanceof GuardError) return `${thrown.message}${thrown.hint === undefined ? '' : ` ${thrown.hint}`} [${thrown.code}]`
  const error = toError(thrown)
  return `setup-localstack failed unexpectedly: ${error.message}. Re-run the job with debug logging (ACTIONS_STEP_DEBUG=true) and report the stack trace. [unexpected]`
}
