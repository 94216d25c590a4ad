import { PortInUseError } from '../errors.js'
import type { Clock, ContainerRuntime, Http, Logger, PortProbe } from '../ports.js'
import type { PlannedContainer } from './container-spec.js'
import type { LocalStackInfo } from './localstack-info.js'
import { waitForActivation } from './wait-for-activation.js'

export interface StartEmulatorOptions {
  readonly planned: PlannedContainer
  /** Return as soon as the container runs, as `localstack start -d` does. */
  readonly shouldSkipWait: boolean
  readonly waitTimeoutMs: number
}

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
 * Pulls (only when absent), starts and waits for LocalStack. The pull is timed apart from the start, so the wait
 * measures startup only (setup-localstack#64: the incumbent pulled inside its 30 s wait and timed out on cold pulls).
 */
export async function startEmulator(options: StartEmulatorOptions, deps: StartEmulatorDeps): Promise<StartedEmulator> {
  const { runtime, clock, log, signal } = deps
  const { spec, gatewayPort } = options.planned
  const endpointUrl = `http://127.0.0.1:${gatewayPort}`
  await assertPortFree(gatewayPort, deps.portProbe)

  const pullStartedAt = clock.now()
  const { isPulled } = await runtime.ensureImage(spec.image, {
    signal,
    onProgress: (progress) => log.info('image.pull', { image: spec.image, layer: progress.layer, status: progress.status }),
  })
  const pullMs = clock.now() - pullStartedAt
  log.info(isPulled ? 'image.pulled' : 'image.present', { image: spec.image, pullMs: Math.round(pullMs) })

  const startedAt = clock.now()
  const { id } = await runtime.start(spec, signal)
  deps.onContainerStarted?.(id)
  log.info('emulator.started', { containerId: id.slice(0, 12), name: spec.name, endpointUrl })
  if (options.shouldSkipWait) {
    return { containerId: id, endpointUrl, isImagePulled: isPulled, pullMs, startupMs: clock.now() - startedAt, info: undefined }
  }
  const { info } = await waitForActivation(
    { containerId: id, infoUrl: `${endpointUrl}/_localstack/info`, timeoutMs: options.waitTimeoutMs },
    { runtime, http: deps.http, clock, log, signal },
  )
  const startupMs = clock.now() - startedAt
  log.info('activation.succeeded', { version: info.version, edition: info.edition, startupMs: Math.round(startupMs) })
  return { containerId: id, endpointUrl, isImagePulled: isPulled, pullMs, startupMs, info }
}

async function assertPortFree(port: number, probe: PortProbe | undefined): Promise<void> {
  if (probe === undefined || (await probe.isPortFree(port))) return
  throw new PortInUseError(
    `LocalStack could not start: port ${port} on the host is already in use. ` +
      'Stop whatever listens there (another LocalStack? see docker ps), or move the gateway: configuration GATEWAY_LISTEN=:4567 with network: host, or ports: 14566:4566 otherwise.',
  )
}
