import { EmulatorStartError, ImageMissingError, PortInUseError } from '../../src/errors.js'
import type { Clock, ContainerRuntime, ContainerSpec, PullProgress } from '../../src/ports.js'
import { dockerMessage, readBody, type DockerApi } from './docker-api.js'
import { decodeLogLines, LogLineDecoder } from './log-frames.js'
import { pullImage } from './pull-image.js'

/**
 * `ContainerRuntime` over the Docker Engine API (ARCHITECTURE.md: why the API and not the docker CLI).
 * The container is created without `AutoRemove` (unlike `localstack start --rm`) so its log survives a crash for the
 * post step; the post step removes it.
 */
export class DockerRuntime implements ContainerRuntime {
  constructor(
    private readonly api: DockerApi,
    private readonly clock: Clock,
  ) {}

  async pullImage(image: string, options: { signal: AbortSignal; onProgress?: (progress: PullProgress) => void }): Promise<void> {
    await pullImage(this.api, image, { ...options, clock: this.clock })
  }

  async start(spec: ContainerSpec, signal: AbortSignal): Promise<{ id: string }> {
    const createReq = { method: 'POST' as const, path: '/containers/create', query: { name: spec.name }, body: createBody(spec), signal }
    const created = await this.api.send(createReq)
    if (created.status === 409) {
      throw new EmulatorStartError(
        `Starting the LocalStack container failed: a container named ${spec.name} already exists. Remove it (docker rm -f ${spec.name}), or set container-name to another name.`,
      )
    }
    if (created.status === 404 && /no such image/i.test(dockerMessage(created.body))) {
      throw new ImageMissingError(`Starting the LocalStack container failed: the image ${spec.image} is not on this machine. Pull it first.`)
    }
    if (created.status !== 201) throw this.api.failure(createReq, created)
    const { Id: id } = JSON.parse(created.body.toString('utf8')) as { Id: string }
    const startReq = { method: 'POST' as const, path: `/containers/${id}/start`, signal }
    const started = await this.api.send(startReq)
    if (started.status === 204 || started.status === 304) return { id }
    await this.remove(id)
    throw startFailure(spec, dockerMessage(started.body))
  }

  async waitForExit(id: string, signal: AbortSignal): Promise<{ exitCode: number }> {
    const req = { method: 'POST' as const, path: `/containers/${id}/wait`, query: { condition: 'not-running' }, signal, timeoutMs: 0 }
    const response = await this.api.send(req)
    if (response.status !== 200) throw this.api.failure(req, response)
    const { StatusCode } = JSON.parse(response.body.toString('utf8')) as { StatusCode: number }
    return { exitCode: StatusCode }
  }

  async followLogs(id: string, options: { signal: AbortSignal; onLine: (line: string) => void }): Promise<void> {
    const req = { method: 'GET' as const, path: `/containers/${id}/logs`, query: { stdout: '1', stderr: '1', follow: '1' }, signal: options.signal, timeoutMs: 0 }
    const response = await this.api.open(req)
    if (response.statusCode !== 200) throw this.api.failure(req, { status: response.statusCode, body: await readBody(response.body) })
    const decoder = new LogLineDecoder()
    try {
      for await (const chunk of response.body) for (const line of decoder.push(chunk as Buffer)) options.onLine(line)
    } catch (error: unknown) {
      options.signal.throwIfAborted()
      throw error
    }
    for (const line of decoder.end()) options.onLine(line)
  }

  async logTail(id: string, lines: number): Promise<string[]> {
    const req = { method: 'GET' as const, path: `/containers/${id}/logs`, query: { stdout: '1', stderr: '1', tail: String(lines) } }
    const response = await this.api.send(req)
    if (response.status === 404) return []
    if (response.status !== 200) throw this.api.failure(req, response)
    return decodeLogLines(response.body)
  }

  async remove(id: string): Promise<{ isRemoved: boolean }> {
    const req = { method: 'DELETE' as const, path: `/containers/${encodeURIComponent(id)}`, query: { force: '1', v: '1' } }
    const response = await this.api.send(req)
    if (response.status === 404) return { isRemoved: false }
    if (response.status !== 204) throw this.api.failure(req, response)
    return { isRemoved: true }
  }
}

function createBody(spec: ContainerSpec): Record<string, unknown> {
  const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {}
  for (const binding of spec.portBindings) {
    const key = `${binding.containerPort}/tcp`
    portBindings[key] = [...(portBindings[key] ?? []), { HostIp: binding.hostIp, HostPort: String(binding.hostPort) }]
  }
  return {
    Image: spec.image,
    // Each variable is one array element: values reach the container verbatim, with no shell in between.
    Env: Object.entries(spec.env).map(([key, value]) => `${key}=${value}`),
    Labels: spec.labels,
    ExposedPorts: Object.fromEntries(Object.keys(portBindings).map((key) => [key, {}])),
    HostConfig: {
      Binds: spec.binds,
      PortBindings: portBindings,
      AutoRemove: false,
      ...(spec.network === undefined ? {} : { NetworkMode: spec.network }),
    },
  }
}

function startFailure(spec: ContainerSpec, message: string): Error {
  if (/port is already allocated|address already in use/i.test(message)) {
    return new PortInUseError(
      `LocalStack could not start: a port it publishes is already in use on the host ("${message}"). Stop whatever listens there (another LocalStack? see docker ps), or choose other ports with the ports input.`,
    )
  }
  return new EmulatorStartError(`Starting the LocalStack container ${spec.name} failed: Docker said "${message}". Check the image, network and ports inputs.`)
}
