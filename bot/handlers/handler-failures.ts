import { toError } from '../../src/errors.js'

/**
 * A handler's failure, kept beside the payload instead of thrown: thrown, it reaches `@octokit/webhooks`, which
 * attaches the whole event to the error, and Probot's error handler logs that at error level (a commit message
 * holding a token went to the log raw). The endpoint takes the failure after dispatch and logs only what it chooses.
 */
const failures = new WeakMap<object, Error>()

/** Wraps a handler so a failure is recorded against its payload rather than thrown into the webhook library. */
export function recordingFailures<TContext extends { readonly payload: object }>(handler: (context: TContext) => Promise<void>): (context: TContext) => Promise<void> {
  return async (context) => {
    try {
      await handler(context)
    } catch (thrown: unknown) {
      failures.set(context.payload, toError(thrown))
    }
  }
}

/** The failure a handler recorded for this payload, if any (taken once). */
export function takeHandlerFailure(payload: object): Error | undefined {
  const failure = failures.get(payload)
  failures.delete(payload)
  return failure
}
