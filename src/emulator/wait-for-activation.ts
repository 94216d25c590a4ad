import { ActivationTimeoutError } from '../errors.js'
import type { Clock, ContainerRuntime, Http, Logger } from '../ports.js'
import { diagnoseExit } from './diagnose-exit.js'
import { parseLocalStackInfo, type LocalStackInfo } from './localstack-info.js'

/** `constants.READY_MARKER_OUTPUT`: printed on its own line once the gateway is up (FACTS.md §2.6). */
export const READY_MARKER = 'Ready.'
/** How many log lines an error carries for the front end to show. */
export const LOG_TAIL_LINES = 40
/** How far back the ready marker is looked for: far more than LocalStack prints before it. */
const READY_SCAN_LINES = 5_000

export interface WaitForActivationOptions {
  readonly containerId: string
  /** `http://127.0.0.1:<port>/_localstack/info`. */
  readonly infoUrl: string
  readonly timeoutMs: number
  /** The first poll interval; each later one is 1.5 times longer, up to `maxPollMs`. */
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
 * Waits until LocalStack is ready, racing three signals and ending on the first that decides (issue 3):
 * the container exits (→ `diagnoseExit`: exit 55 is a licence failure); `/_localstack/info` reports
 * `is_license_activated: true` and the container printed `Ready.` (→ resolves); the timeout (→
 * `ActivationTimeoutError` with the last status seen). Polls with a short, growing interval so readiness is noticed
 * within a fraction of a second.
 */
export async function waitForActivation(options: WaitForActivationOptions, deps: WaitForActivationDeps): Promise<ActivationResult> {
  const done = new AbortController()
  const signal = AbortSignal.any([deps.signal, done.signal])
  try {
    return await Promise.race([pollUntilReady(options, { ...deps, signal }), rejectOnExit(options.containerId, { ...deps, signal })])
  } finally {
    done.abort()
  }
}

async function rejectOnExit(containerId: string, deps: WaitForActivationDeps): Promise<never> {
  const { exitCode } = await deps.runtime.waitForExit(containerId, deps.signal)
  const logTail = await deps.runtime.logTail(containerId, LOG_TAIL_LINES)
  deps.log.info('emulator.exited', { exitCode })
  throw diagnoseExit(exitCode, logTail)
}

async function pollUntilReady(options: WaitForActivationOptions, deps: WaitForActivationDeps): Promise<ActivationResult> {
  const { clock, signal } = deps
  const startedAt = clock.now()
  const maxPollMs = options.maxPollMs ?? 500
  let intervalMs = options.firstPollMs ?? 50
  let lastStatus = `${options.infoUrl} has not answered yet`
  for (;;) {
    signal.throwIfAborted()
    const remainingMs = options.timeoutMs - (clock.now() - startedAt)
    if (remainingMs <= 0) throw await timeoutError(options, lastStatus, deps)
    const observed = await observe(options, Math.ceil(Math.min(remainingMs, options.requestTimeoutMs ?? 2_000)), deps)
    if (observed.info?.isLicenseActivated === true) {
      if (await hasPrintedReady(options.containerId, deps.runtime)) return { info: observed.info, waitedMs: clock.now() - startedAt }
      lastStatus = `/_localstack/info reports is_license_activated=true, but the container has not printed "${READY_MARKER}"`
    } else {
      lastStatus = observed.status
    }
    deps.log.debug('activation.polled', { status: lastStatus })
    await clock.sleep(Math.ceil(Math.min(intervalMs, Math.max(remainingMs, 1))), signal)
    intervalMs = Math.min(maxPollMs, Math.round(intervalMs * 1.5))
  }
}

interface Observation {
  readonly info: LocalStackInfo | undefined
  readonly status: string
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
    return { info: undefined, status: `${options.infoUrl} did not answer (${reason})` }
  }
}

async function hasPrintedReady(containerId: string, runtime: ContainerRuntime): Promise<boolean> {
  const lines = await runtime.logTail(containerId, READY_SCAN_LINES)
  return lines.some((line) => line.trim() === READY_MARKER)
}

async function timeoutError(options: WaitForActivationOptions, lastStatus: string, deps: WaitForActivationDeps): Promise<ActivationTimeoutError> {
  const logTail = await deps.runtime.logTail(options.containerId, LOG_TAIL_LINES).catch(() => [])
  const seconds = Math.round(options.timeoutMs / 100) / 10
  return new ActivationTimeoutError(
    `LocalStack was not ready after ${seconds} s: ${lastStatus}. Check the container log tail above, or raise wait-timeout.`,
    logTail,
  )
}
