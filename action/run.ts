import * as core from '@actions/core'
import { buildContainerSpec } from '../src/emulator/container-spec.js'
import { startEmulator } from '../src/emulator/start-emulator.js'
import { logTailOf, toError } from '../src/errors.js'
import { decideToken } from '../src/policy/token-policy.js'
import type { Clock, ContainerRuntime, Http, Logger, PortProbe } from '../src/ports.js'
import { coreLogger } from './core-logger.js'
import { DockerApi } from './docker/docker-api.js'
import { parseDockerHost } from './docker/docker-endpoint.js'
import { DockerRuntime } from './docker/docker-runtime.js'
import { formatError } from './format-error.js'
import { readSettings } from './inputs.js'
import { netPortProbe } from './net-port-probe.js'
import { setOutputs, toOutputs, writeSummary } from './outputs.js'
import type { ActionSettings } from './settings.js'
import { STATE } from './state.js'
import { systemClock } from './system-clock.js'
import { undiciHttp } from './undici-http.js'

/** The ports the main step uses; tests pass fakes, the entry passes nothing and gets Docker and the real clock. */
export interface MainDeps {
  readonly runtime: ContainerRuntime
  readonly http: Http
  readonly clock: Clock
  readonly log: Logger
  readonly portProbe: PortProbe
}

/**
 * The main step's composition root: settings → token policy → container spec → start and wait → outputs.
 * Every failure ends here as one `core.setFailed` message (STYLE.md §4), after the container's log tail.
 */
export async function run(overrides: Partial<MainDeps> = {}): Promise<void> {
  const cancel = new AbortController()
  const onSignal = (): void => cancel.abort(new Error('the job was cancelled'))
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal)
  let api: DockerApi | undefined
  try {
    const settings = readSettings()
    if (overrides.runtime === undefined) api = new DockerApi(parseDockerHost(settings.runner.dockerHost, settings.runner.isDockerTlsRequested))
    const dockerSocketPath = api?.endpoint.kind === 'unix' ? api.endpoint.socketPath : undefined
    await runMain(settings, withDefaults(overrides, api), { signal: cancel.signal, dockerSocketPath })
  } catch (error: unknown) {
    reportFailure(error)
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal)
    await api?.close()
  }
}

/** Real adapters for every port the caller did not pass. */
function withDefaults(overrides: Partial<MainDeps>, api: DockerApi | undefined): MainDeps {
  const clock = overrides.clock ?? systemClock
  return {
    runtime: overrides.runtime ?? new DockerRuntime(api as DockerApi, clock),
    http: overrides.http ?? undiciHttp,
    clock,
    log: overrides.log ?? coreLogger,
    portProbe: overrides.portProbe ?? netPortProbe,
  }
}

async function runMain(settings: ActionSettings, deps: MainDeps, context: { signal: AbortSignal; dockerSocketPath: string | undefined }): Promise<void> {
  for (const deprecation of settings.deprecations) core.warning(deprecation)
  const { runner } = settings
  const decision = decideToken(settings.credentials, {
    isCi: runner.ciValue !== undefined,
    isForkPullRequest: runner.isForkPullRequest,
    allowDeveloperToken: settings.allowDeveloperToken,
  })
  for (const warning of decision.warnings) core.warning(warning)
  deps.log.info('token.accepted', { kind: decision.kind, source: decision.source })
  core.setOutput('token-kind', decision.kind)
  if (settings.shouldSkipStartup) return deps.log.info('emulator.skipped', { reason: 'skip-startup is true' })

  const planned = buildContainerSpec({
    image: settings.image,
    name: settings.containerName,
    network: settings.network,
    token: decision.token,
    ciValue: runner.ciValue,
    configuration: settings.configuration,
    hostLocalstackEnv: runner.hostLocalstackEnv,
    dockerSocketPath: context.dockerSocketPath,
    volumeDir: runner.volumeDir,
    ports: settings.ports,
  })
  const started = await startEmulator(
    { planned, shouldSkipWait: settings.shouldSkipWait, waitTimeoutMs: settings.waitTimeoutMs },
    { ...deps, signal: context.signal, onContainerStarted: (id) => core.saveState(STATE.containerId, id) },
  )
  const outputs = toOutputs(started, settings.containerName, decision.kind)
  setOutputs(outputs)
  if (settings.shouldExportEndpoint) core.exportVariable('AWS_ENDPOINT_URL', started.endpointUrl)
  await writeSummary(outputs, settings.image)
}

function reportFailure(error: unknown): void {
  core.saveState(STATE.isMainFailed, 'true')
  const logTail = logTailOf(error)
  if (logTail !== undefined && logTail.length > 0) {
    core.info(`LocalStack container log (last ${logTail.length} lines):`)
    for (const line of logTail) core.info(`  ${line}`)
  }
  core.setFailed(formatError(error))
  core.debug(toError(error).stack ?? '')
}
