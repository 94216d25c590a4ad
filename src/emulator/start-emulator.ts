import { ImageMissingError, ImagePullError, PortInUseError } from '../errors.js'
import type { Clock, ContainerRuntime, Http, Logger, PortProbe } from '../ports.js'
import type { PlannedContainer } from './container-spec.js'
import type { LocalStackInfo } from './localstack-info.js'
import type { PullPlan } from './pull-policy.js'
import { waitForActivation } from './wait-for-activation.js'

export interface StartEmulatorOptions {
  readonly planned: PlannedContainer
  /** Return as soon as the container runs, as `localstack start -d` does. */
  readonly shouldSkipWait: boolean
  readonly waitTimeoutMs: number
  /** Default: pull only when the image is missing. */
  readonly pull?: PullPlan
  /** A pull request from a fork: the advice for a licence failure without credentials differs. */
  readonly isForkPullRequest?: boolean
}

const PULL_WHEN_MISSING: PullPlan = { policy: 'missing', isDefault: true, decidedBy: 'the default' }

export interface StartEmulatorDeps {
  readonly runtime: ContainerRuntime
  readonly http: Http
  readonly clock: Clock
  readonly log: Logger
  readonly signal: AbortSignal
  /** Checks the gateway port before anything is pulled or created; optional. */
  readonly portProbe?: PortProbe
  /** Called once the container exists, so the front end can record it for cleanup before the wait. */
  readonly onContainerStarted?: (containerId: string) => void
}

export interface StartedEmulator {
  readonly containerId: string
  readonly endpointUrl: string
  readonly isImagePulled: boolean
  readonly pullMs: number
  /** From the container's start to readiness (or to its start, with `shouldSkipWait`). */
  readonly startupMs: number
  /** Undefined when the wait was skipped. */
  readonly info: LocalStackInfo | undefined
}

/**
 * Pulls (as the pull policy says), starts and waits for LocalStack. The pull is timed apart from the start, so the wait
 * measures startup only (setup-localstack#64: the incumbent pulled inside its 30 s wait and timed out on cold pulls).
 * Unless the policy is `always`, the start is tried first and the image pulled only when Docker says it is missing:
 * one Engine API round trip fewer than asking first.
 */
export async function startEmulator(options: StartEmulatorOptions, deps: StartEmulatorDeps): Promise<StartedEmulator> {
  const { clock, log, signal } = deps
  const { spec, gatewayPort } = options.planned
  const endpointUrl = `http://127.0.0.1:${gatewayPort}`
  await assertPortFree(gatewayPort, deps.portProbe)

  const pull = options.pull ?? PULL_WHEN_MISSING
  const pulled = await refreshIfAlways(pull, spec.image, deps)
  let startedAt = clock.now()
  let id: string
  let pullMs = pulled.pullMs
  try {
    ;({ id } = await deps.runtime.start(spec, signal))
    if (pulled.pullMs === 0 && pulled.refreshError === undefined) log.info('image.present', { image: spec.image })
  } catch (error: unknown) {
    if (!(error instanceof ImageMissingError)) throw error
    if (pulled.refreshError !== undefined) throw pulled.refreshError
    if (pull.policy === 'never') {
      throw new ImageMissingError(
        `The LocalStack image is missing: ${spec.image} is not on this runner, and ${pull.decidedBy} forbids pulling it. ` +
          `Pull or load it in an earlier step (docker pull ${spec.image}, or docker load), or remove skip-pull.`,
      )
    }
    pullMs = await timedPull(spec.image, deps)
    startedAt = clock.now()
    ;({ id } = await deps.runtime.start(spec, signal))
  }
  deps.onContainerStarted?.(id)
  const isImagePulled = pullMs > 0
  log.info('emulator.started', { containerId: id.slice(0, 12), name: spec.name, endpointUrl, startMs: Math.round(clock.now() - startedAt) })
  if (options.shouldSkipWait) {
    return { containerId: id, endpointUrl, isImagePulled, pullMs, startupMs: clock.now() - startedAt, info: undefined }
  }
  const { info } = await waitForActivation(
    { containerId: id, infoUrl: `${endpointUrl}/_localstack/info`, timeoutMs: options.waitTimeoutMs, isForkPullRequest: options.isForkPullRequest ?? false },
    { runtime: deps.runtime, http: deps.http, clock, log, signal },
  )
  const startupMs = clock.now() - startedAt
  log.info('activation.succeeded', { version: info.version, edition: info.edition, startupMs: Math.round(startupMs) })
  return { containerId: id, endpointUrl, isImagePulled, pullMs, startupMs, info }
}

/** With `always`, pulls before the start. A failed refresh chosen by default falls back to a present image. */
async function refreshIfAlways(plan: PullPlan, image: string, deps: StartEmulatorDeps): Promise<{ pullMs: number; refreshError: ImagePullError | undefined }> {
  if (plan.policy !== 'always') return { pullMs: 0, refreshError: undefined }
  try {
    return { pullMs: await timedPull(image, deps), refreshError: undefined }
  } catch (error: unknown) {
    if (!plan.isDefault || !(error instanceof ImagePullError)) throw error
    deps.log.warn('image.refresh-failed', { image, decidedBy: plan.decidedBy, reason: error.message, then: 'using the image already on the runner, if there is one' })
    return { pullMs: 0, refreshError: error }
  }
}

async function timedPull(image: string, deps: StartEmulatorDeps): Promise<number> {
  const pullStartedAt = deps.clock.now()
  await deps.runtime.pullImage(image, {
    signal: deps.signal,
    onProgress: (progress) => deps.log.info('image.pull', { image, layer: progress.layer, status: progress.status }),
  })
  const pullMs = Math.max(1, deps.clock.now() - pullStartedAt)
  deps.log.info('image.pulled', { image, pullMs: Math.round(pullMs) })
  return pullMs
}

async function assertPortFree(port: number, probe: PortProbe | undefined): Promise<void> {
  if (probe === undefined || (await probe.isPortFree(port))) return
  throw new PortInUseError(
    `LocalStack could not start: port ${port} on the host is already in use. ` +
      'Stop whatever listens there (another LocalStack? see docker ps), or move the gateway: configuration GATEWAY_LISTEN=:4567 with network: host, or ports: 14566:4566 otherwise.',
  )
}
