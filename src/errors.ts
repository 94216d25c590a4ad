/**
 * The error hierarchy shared by every front end (docs/style.md §4).
 *
 * Every message has the shape `<what failed>: <why, with the observed facts>. <what to do>.` and never contains a raw
 * token: callers pass `redactToken(token)` when a token must be named.
 */
export abstract class GuardError extends Error {
  /** A stable, documented identifier (README troubleshooting is keyed by it). */
  abstract readonly code: string
  /** Extra advice shown after the message where a front end has room for it. */
  readonly hint: string | undefined

  constructor(message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, { cause: options.cause })
    this.hint = options.hint
  }
}

/** A command-line argument, Action input or other user-supplied value is not acceptable. */
export class InvalidInputError extends GuardError {
  readonly code = 'invalid-input'
  override name = 'InvalidInputError' as const
}

/** `.github/localstack-guard.yml` (or another config source) does not match the schema. */
export class InvalidConfigError extends GuardError {
  readonly code = 'invalid-config'
  override name = 'InvalidConfigError' as const
  /** One `path: message` line per problem, in file order. */
  readonly problems: readonly string[]

  constructor(message: string, problems: readonly string[], options: { cause?: unknown } = {}) {
    super(message, options)
    this.problems = problems
  }
}

/** A token is token-shaped but its checksum is wrong, or it is not token-shaped at all. */
export class InvalidTokenError extends GuardError {
  readonly code = 'invalid-token'
  override name = 'InvalidTokenError' as const
}

/** A file, directory or git object could not be read. */
export class SourceReadError extends GuardError {
  readonly code = 'source-unreadable'
  override name = 'SourceReadError' as const
}

/** Turns anything thrown into an `Error` without losing it (docs/style.md §4: catch as unknown). */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown
  return new Error(typeof thrown === 'string' ? thrown : `non-error thrown: ${String(thrown)}`, { cause: thrown })
}

// ---- The Action and the emulator. Codes are stable: the README troubleshooting section is keyed by them.

/** A personal developer token (`ls-`) was given while `CI` is set, and `allow-developer-token` is not `true`. */
export class DeveloperTokenInCiError extends GuardError {
  readonly code = 'developer-token-in-ci'
  override name = 'DeveloperTokenInCiError' as const
}

/** A legacy API key (no `ls…-` prefix): these no longer activate (docs/facts.md §2.9). */
export class LegacyKeyError extends GuardError {
  readonly code = 'legacy-key'
  override name = 'LegacyKeyError' as const
}

/** No credential at all: no input, no `LOCALSTACK_AUTH_TOKEN`, no `LOCALSTACK_API_KEY`. */
export class MissingTokenError extends GuardError {
  readonly code = 'missing-token'
  override name = 'MissingTokenError' as const
}

/** Both `LOCALSTACK_AUTH_TOKEN` and `LOCALSTACK_API_KEY` are set, which the emulator refuses (docs/facts.md §2.1). */
export class ConflictingCredentialsError extends GuardError {
  readonly code = 'conflicting-credentials'
  override name = 'ConflictingCredentialsError' as const
}

/** The container runtime cannot be reached at all (no Docker, wrong `DOCKER_HOST`, no permission on the socket). */
export class DockerUnavailableError extends GuardError {
  readonly code = 'docker-unavailable'
  override name = 'DockerUnavailableError' as const
}

/** The image is not present locally and could not be pulled. */
export class ImagePullError extends GuardError {
  readonly code = 'image-pull-failed'
  override name = 'ImagePullError' as const
}

/** The image is not on the machine and the pull policy forbids pulling it (`skip-pull`, `pull-policy: never`). */
export class ImageMissingError extends GuardError {
  readonly code = 'image-missing'
  override name = 'ImageMissingError' as const
}

/** An input of the older composite action that this Action cannot honour (state, cloud pods, ephemeral previews). */
export class UnsupportedInputError extends GuardError {
  readonly code = 'unsupported-input'
  override name = 'UnsupportedInputError' as const
}

/** A port the emulator needs on the host is already taken. */
export class PortInUseError extends GuardError {
  readonly code = 'port-in-use'
  override name = 'PortInUseError' as const
}

/** The container could not be created or started (name conflict, bad mount, runtime refusal). */
export class EmulatorStartError extends GuardError {
  readonly code = 'emulator-start-failed'
  override name = 'EmulatorStartError' as const
}

/** Something the emulator printed before it stopped; carried so the front end can show the log tail once. */
export interface ContainerExit {
  readonly exitCode: number
  readonly logTail: readonly string[]
}

/** The container exited with code 55: LocalStack refused the licence (docs/facts.md §2.5). */
export class ActivationFailedError extends GuardError {
  readonly code = 'activation-failed'
  override name = 'ActivationFailedError' as const
  /** The banner's `Reason:` line, or undefined when the container printed none. */
  readonly reason: string | undefined
  readonly logTail: readonly string[]

  constructor(message: string, exit: ContainerExit & { reason: string | undefined }, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options)
    this.reason = exit.reason
    this.logTail = exit.logTail
  }
}

/** The container stopped before it was ready, with an exit code other than 55 (a crash, an OOM kill). */
export class EmulatorExitedError extends GuardError {
  readonly code = 'emulator-exited'
  override name = 'EmulatorExitedError' as const
  readonly exitCode: number
  readonly logTail: readonly string[]

  constructor(message: string, exit: ContainerExit, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options)
    this.exitCode = exit.exitCode
    this.logTail = exit.logTail
  }
}

/** The emulator did not report an activated licence and `Ready.` within `wait-timeout`. */
export class ActivationTimeoutError extends GuardError {
  readonly code = 'activation-timeout'
  override name = 'ActivationTimeoutError' as const
  readonly logTail: readonly string[]

  constructor(message: string, logTail: readonly string[], options: { cause?: unknown; hint?: string } = {}) {
    super(message, options)
    this.logTail = logTail
  }
}

/**
 * The emulator printed `Ready.` but its gateway does not answer from the runner: the container's port is not reachable
 * from here (no default bridge network, a port published elsewhere). Waiting out `wait-timeout` would not help.
 */
export class GatewayUnreachableError extends GuardError {
  readonly code = 'gateway-unreachable'
  override name = 'GatewayUnreachableError' as const
  readonly logTail: readonly string[]

  constructor(message: string, logTail: readonly string[]) {
    super(message)
    this.logTail = logTail
  }
}

/** An upstream API (the Docker Engine, the emulator) answered with an unexpected status. The URL is already redacted. */
export class UpstreamError extends GuardError {
  readonly code = 'upstream-error'
  override name = 'UpstreamError' as const
  readonly status: number | undefined
  readonly url: string
  readonly isRetryable: boolean

  constructor(message: string, details: { status?: number; url: string; isRetryable: boolean }, options: { cause?: unknown } = {}) {
    super(message, options)
    this.status = details.status
    this.url = details.url
    this.isRetryable = details.isRetryable
  }
}

/** Reads the container log tail any emulator error carries, so a front end can print it once. */
export function logTailOf(error: unknown): readonly string[] | undefined {
  if (error instanceof ActivationFailedError || error instanceof EmulatorExitedError || error instanceof ActivationTimeoutError || error instanceof GatewayUnreachableError) {
    return error.logTail
  }
  return undefined
}

// ---- The leak lifecycle.

/** An incident was asked to move where its lifecycle does not go (for example, a dismissed incident to rotated). */
export class IllegalTransitionError extends GuardError {
  readonly code = 'illegal-transition'
  override name = 'IllegalTransitionError' as const
  readonly from: string
  readonly event: string

  constructor(details: { from: string; event: string; allowed: readonly string[]; fingerprint: string }) {
    const allowed = details.allowed.length === 0 ? 'none: the incident is finished' : details.allowed.join(', ')
    super(
      `Incident ${details.fingerprint} cannot take "${details.event}": it is ${details.from}, where the events that apply are ${allowed}. Check the incident's state before acting on it.`,
    )
    this.from = details.from
    this.event = details.event
  }
}

// ---- Hostile input: what a push may cost the bot.

/** Scanning one file (or filtering a push's paths) ran past its time budget and was stopped. */
export class ScanBudgetError extends GuardError {
  readonly code = 'scan-budget-exceeded'
  override name = 'ScanBudgetError' as const

  /** `what` is already redacted (it names a path from the push). */
  static forWork(what: string, budgetMs: number): ScanBudgetError {
    return new ScanBudgetError(
      `Scanning ${what} stopped: it ran past its budget of ${budgetMs} ms and its thread was ended. Split the file or push, or tell the bot's operator; "Re-run" on the check run scans the commit again.`,
    )
  }
}

/** A scanning thread failed on one file (it crashed, or ran out of its memory limit). */
export class ScanFailedError extends GuardError {
  readonly code = 'scan-failed'
  override name = 'ScanFailedError' as const

  static forWork(what: string, reason: string): ScanFailedError {
    return new ScanFailedError(`Scanning ${what} failed: ${reason}. The other files were scanned; "Re-run" on the check run scans the commit again.`)
  }
}
