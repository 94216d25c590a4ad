import { ActivationTimeoutError, GatewayUnreachableError } from '../errors.js'
import type { Clock, ContainerRuntime, Http, Logger } from '../ports.js'
import { diagnoseExit } from './diagnose-exit.js'
import { parseLocalStackInfo, type LocalStackInfo } from './localstack-info.js'

/** `constants.READY_MARKER_OUTPUT`: printed on its own line once the gateway is up. */
export const READY_MARKER = 'Ready.'
/** How many log lines an error carries for the front end to show. */
export const LOG_TAIL_LINES = 60
/** How far back the ready marker is looked for: far more than LocalStack prints before it. */
const READY_SCAN_LINES = 5_000
/**
 * LocalStack prints `Ready.` once its gateway listens. A gateway that still refuses the runner this long after is not
 * coming up late: the runner cannot reach the container's port, and waiting out `wait-timeout` would not change that.
 */
export const UNREACHABLE_AFTER_READY_MS = 5_000

export interface WaitForActivationOptions {
  readonly containerId: string
  /** `http://127.0.0.1:<port>/_localstack/info`. */
  readonly infoUrl: string
  readonly timeoutMs: number
  /** A pull request from a fork (GitHub passes it no secrets): changes the advice for "no credentials". */
  readonly isForkPullRequest?: boolean
  /** The first poll interval; each later one is 1.5 times longer, up to `maxPollMs` (the log usually wakes it first). */
  readonly firstPollMs?: number
  readonly maxPollMs?: number
  /** Bound on one `/_localstack/info` request, so a hung gateway cannot outlive the timeout. */
  readonly requestTimeoutMs?: number
}

export interface WaitForActivationDeps {
  readonly runtime: ContainerRuntime
  readonly http: Http
  readonly clock: Clock
  readonly log: Logger
  readonly signal: AbortSignal
}

export interface ActivationResult {
  readonly info: LocalStackInfo
  readonly waitedMs: number
}

/**
 * Waits until LocalStack is ready, racing three signals and ending on the first that decides:
 * the container exits (→ `diagnoseExit`: exit 55 is a licence failure); `/_localstack/info` reports
 * `is_license_activated: true` and the container printed `Ready.` (→ resolves); the timeout (→
 * `ActivationTimeoutError` with the last status seen).
 *
 * The container's log is followed as it is printed, and `/_localstack/info` is read the moment an activation line or
 * `Ready.` appears, so readiness is seen when it happens rather than at the next tick of a poll. A poll with a capped
 * interval runs beside it, for the cases the log cannot decide (a logging driver that cannot be read back).
 */
export async function waitForActivation(options: WaitForActivationOptions, deps: WaitForActivationDeps): Promise<ActivationResult> {
  const done = new AbortController()
  const signal = AbortSignal.any([deps.signal, done.signal])
  const watcher = new LogWatcher()
  const following = deps.runtime
    .followLogs(options.containerId, { signal, onLine: (line) => watcher.onLine(line) })
    .then(
      () => watcher.stop(true),
      (error: unknown) => {
        if (!signal.aborted) deps.log.debug('activation.log-follow-failed', { reason: error instanceof Error ? error.message : String(error) })
        watcher.stop(false)
      },
    )
  try {
    return await Promise.race([pollUntilReady(options, watcher, { ...deps, signal }), rejectOnExit(options, { ...deps, signal })])
  } finally {
    // Not awaited: the abort ends the followed stream, and its settlement is already handled above.
    done.abort()
    void following
  }
}

/** Activation lines (`Successfully activated license`, `…cached license`, `…requested and activated new license`). */
const ACTIVATION_LINE = /Successfully (?:requested and )?activated (?:cached |new )?license/

/** What the followed log has shown so far, and a wake-up for the poll when a line that matters arrives. */
class LogWatcher {
  hasPrintedReady = false
  /** True while the log is followed; false once following failed, so `Ready.` must be looked for in the log tail. */
  isFollowing = true
  private wake: (() => void) | undefined
  /** A line that matters arrived while nobody slept (a request was in flight): the next sleep ends at once. */
  private isWakePending = false

  onLine(line: string): void {
    const text = line.trim()
    if (text === READY_MARKER) this.hasPrintedReady = true
    else if (!ACTIVATION_LINE.test(text)) return
    this.notify()
  }

  /** The followed output ended: the container stopped (`ended`) or following failed. */
  stop(ended: boolean): void {
    if (!ended) this.isFollowing = false
    this.notify()
  }

  private notify(): void {
    if (this.wake === undefined) this.isWakePending = true
    else this.wake()
  }

  /** Resolves after `ms`, or earlier when an activation line or `Ready.` arrives. */
  async sleepUnlessWoken(ms: number, clock: Clock, signal: AbortSignal): Promise<void> {
    if (this.isWakePending) {
      this.isWakePending = false
      return
    }
    const woken = new AbortController()
    this.wake = () => woken.abort()
    try {
      await clock.sleep(ms, AbortSignal.any([signal, woken.signal]))
    } catch (error: unknown) {
      signal.throwIfAborted()
      if (!woken.signal.aborted) throw error
    } finally {
      this.wake = undefined
    }
  }
}

async function rejectOnExit(options: WaitForActivationOptions, deps: WaitForActivationDeps): Promise<never> {
  const { exitCode } = await deps.runtime.waitForExit(options.containerId, deps.signal)
  const logTail = await deps.runtime.logTail(options.containerId, LOG_TAIL_LINES)
  deps.log.info('emulator.exited', { exitCode })
  throw diagnoseExit(exitCode, logTail, { isForkPullRequest: options.isForkPullRequest ?? false })
}

async function pollUntilReady(options: WaitForActivationOptions, watcher: LogWatcher, deps: WaitForActivationDeps): Promise<ActivationResult> {
  const { clock, signal } = deps
  const startedAt = clock.now()
  const maxPollMs = options.maxPollMs ?? 500
  let intervalMs = options.firstPollMs ?? 100
  let lastStatus = `${options.infoUrl} has not answered yet`
  let activatedInfo: LocalStackInfo | undefined
  /** When the followed log first showed `Ready.` while the gateway did not answer. */
  let readySinceMs: number | undefined
  for (;;) {
    signal.throwIfAborted()
    const remainingMs = options.timeoutMs - (clock.now() - startedAt)
    if (remainingMs <= 0) throw await timeoutError(options, lastStatus, deps)
    // Once the licence is active only `Ready.` is missing, and the followed log says when it comes.
    const observed = activatedInfo !== undefined && watcher.isFollowing ? { info: activatedInfo, status: lastStatus } : await observe(options, Math.ceil(Math.min(remainingMs, options.requestTimeoutMs ?? 2_000)), deps)
    if (observed.unanswered !== undefined && watcher.hasPrintedReady) {
      readySinceMs ??= clock.now()
      if (clock.now() - readySinceMs >= UNREACHABLE_AFTER_READY_MS) throw await unreachableError(options, observed.unanswered, deps)
    }
    if (observed.info?.isLicenseActivated === true) {
      activatedInfo = observed.info
      const isReady = watcher.isFollowing ? watcher.hasPrintedReady : watcher.hasPrintedReady || (await hasPrintedReady(options.containerId, deps.runtime))
      if (isReady) return { info: observed.info, waitedMs: clock.now() - startedAt }
      lastStatus = `/_localstack/info reports is_license_activated=true, but the container has not printed "${READY_MARKER}"`
    } else {
      lastStatus = observed.status
    }
    deps.log.debug('activation.polled', { status: lastStatus })
    await watcher.sleepUnlessWoken(Math.ceil(Math.min(intervalMs, Math.max(remainingMs, 1))), clock, signal)
    intervalMs = Math.min(maxPollMs, Math.round(intervalMs * 1.5))
  }
}

interface Observation {
  readonly info: LocalStackInfo | undefined
  readonly status: string
  /** Why no HTTP answer came at all (refused, reset, timed out); undefined when the gateway answered. */
  readonly unanswered?: string
}

async function observe(options: WaitForActivationOptions, timeoutMs: number, deps: WaitForActivationDeps): Promise<Observation> {
  try {
    const response = await deps.http.getJson(options.infoUrl, { signal: deps.signal, timeoutMs })
    if (response.status !== 200) return { info: undefined, status: `${options.infoUrl} answered HTTP ${response.status}` }
    const info = parseLocalStackInfo(response.body)
    if (info === undefined) return { info, status: `${options.infoUrl} answered without the documented fields` }
    return { info, status: `/_localstack/info still reports is_license_activated=${String(info.isLicenseActivated)}` }
  } catch (error: unknown) {
    deps.signal.throwIfAborted()
    const reason = error instanceof Error ? error.message : String(error)
    return { info: undefined, status: `${options.infoUrl} did not answer (${reason})`, unanswered: reason }
  }
}

async function hasPrintedReady(containerId: string, runtime: ContainerRuntime): Promise<boolean> {
  const lines = await runtime.logTail(containerId, READY_SCAN_LINES)
  return lines.some((line) => line.trim() === READY_MARKER)
}

async function unreachableError(options: WaitForActivationOptions, reason: string, deps: WaitForActivationDeps): Promise<GatewayUnreachableError> {
  const logTail = await deps.runtime.logTail(options.containerId, LOG_TAIL_LINES).catch(() => [])
  return new GatewayUnreachableError(
    `LocalStack printed "${READY_MARKER}" ${UNREACHABLE_AFTER_READY_MS / 1000} s ago, but ${options.infoUrl} still does not answer the runner (${reason}): ` +
      "the container's gateway port is not reachable from the runner. On a Docker engine without its default bridge network (dockerd --bridge=none, some self-hosted runners), set network: host; otherwise check ports and GATEWAY_LISTEN in configuration.",
    logTail,
  )
}

async function timeoutError(options: WaitForActivationOptions, lastStatus: string, deps: WaitForActivationDeps): Promise<ActivationTimeoutError> {
  const logTail = await deps.runtime.logTail(options.containerId, LOG_TAIL_LINES).catch(() => [])
  const seconds = Math.round(options.timeoutMs / 100) / 10
  return new ActivationTimeoutError(
    `LocalStack was not ready after ${seconds} s: ${lastStatus}. Check the container log tail above, or raise wait-timeout.`,
    logTail,
  )
}
