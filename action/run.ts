import * as core from './workflow-commands.js'
import { awsEnvironment } from '../src/emulator/aws-environment.js'
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
import { nodeHttp } from './node-http.js'

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
 * Every failure ends here as one `core.setFailed` message (docs/style.md §4), after the container's log tail.
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
    http: overrides.http ?? nodeHttp,
    clock,
    log: overrides.log ?? coreLogger,
    portProbe: overrides.portProbe ?? netPortProbe,
  }
}

async function runMain(settings: ActionSettings, deps: MainDeps, context: { signal: AbortSignal; dockerSocketPath: string | undefined }): Promise<void> {
  // Wall-clock marks for bench:action, which splits the step's time into process start, container start and detection.
  deps.log.debug('action.started', { epochMs: Date.now() })
  for (const deprecation of settings.deprecations) core.warning(deprecation)
  if (settings.unsupported !== undefined) {
    if (!settings.unsupported.isIgnored) throw settings.unsupported.error
    core.warning(settings.unsupported.warning)
  }
  if (settings.unexpandedKeys.length > 0) core.warning(substitutionWarning(settings.unexpandedKeys))
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
    { planned, shouldSkipWait: settings.shouldSkipWait, waitTimeoutMs: settings.waitTimeoutMs, pull: settings.pull, isForkPullRequest: runner.isForkPullRequest },
    { ...deps, signal: context.signal, onContainerStarted: (id) => core.saveState(STATE.containerId, id) },
  )
  deps.log.debug('action.ready', { epochMs: Date.now() })
  const outputs = toOutputs(started, settings.containerName, decision.kind)
  setOutputs(outputs)
  if (settings.shouldConfigureEnvironment) {
    const variables = awsEnvironment(planned.gatewayPort, runner.awsEnv)
    for (const [name, value] of variables) core.exportVariable(name, value)
    deps.log.info('environment.configured', { exported: variables.map(([name]) => name).join(',') })
  }
  writeSummary(outputs, settings.image)
}

/** Once per step: the incumbent ran `configuration` through eval; this Action passes such values as text. */
function substitutionWarning(keys: readonly string[]): string {
  return (
    `configuration sets ${keys.join(', ')} with $(…), backticks, \${…} or $NAME, passed to LocalStack verbatim: substitution is not performed and nothing is run. ` +
    'To pass a computed value, compute it in an earlier step (run: echo "value=$(your command)" >> "$GITHUB_OUTPUT", with an id) and write KEY=${{ steps.<id>.outputs.value }} in configuration.'
  )
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
