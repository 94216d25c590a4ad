import * as core from './workflow-commands.js'
import { toError } from '../src/errors.js'
import type { ContainerRuntime } from '../src/ports.js'
import { DockerApi } from './docker/docker-api.js'
import { parseDockerHost } from './docker/docker-endpoint.js'
import { DockerRuntime } from './docker/docker-runtime.js'
import { readPostSettings } from './inputs.js'
import { STATE } from './state.js'
import { systemClock } from './system-clock.js'

/** How much of the log the post step shows after a failed main step: more than the main step's error did. */
const POST_LOG_TAIL_LINES = 200

/**
 * The post step: after a failed main step, the container's log tail in a collapsed group; then the container is
 * removed. It never fails the job: every problem becomes a warning (docs/style.md §4).
 */
export async function postRun(overrides: { runtime?: ContainerRuntime } = {}): Promise<void> {
  let api: DockerApi | undefined
  try {
    const containerId = core.getState(STATE.containerId)
    if (containerId === '') return core.info('No LocalStack container was started; nothing to clean up.')
    const settings = readPostSettings()
    if (overrides.runtime === undefined) api = new DockerApi(parseDockerHost(settings.dockerHost, settings.isDockerTlsRequested))
    const runtime = overrides.runtime ?? new DockerRuntime(api as DockerApi, systemClock)
    if (core.getState(STATE.isMainFailed) === 'true') await showLogTail(runtime, containerId)
    const { isRemoved } = await runtime.remove(containerId)
    core.info(isRemoved ? `Removed the LocalStack container ${containerId.slice(0, 12)}.` : `The LocalStack container ${containerId.slice(0, 12)} was already gone.`)
  } catch (error: unknown) {
    core.warning(`Cleaning up the LocalStack container failed: ${toError(error).message}. Nothing to do on a hosted runner; on a self-hosted runner remove it with docker rm -f.`)
  } finally {
    await api?.close().catch(() => undefined)
  }
}

async function showLogTail(runtime: ContainerRuntime, containerId: string): Promise<void> {
  const lines = await runtime.logTail(containerId, POST_LOG_TAIL_LINES)
  core.startGroup(`LocalStack container log (last ${lines.length} lines)`)
  for (const line of lines) core.info(line)
  core.endGroup()
}
