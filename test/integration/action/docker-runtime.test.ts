import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DockerApi } from '../../../action/docker/docker-api.js'
import { DockerRuntime } from '../../../action/docker/docker-runtime.js'
import { ImageMissingError, ImagePullError, PortInUseError } from '../../../src/errors.js'
import type { ContainerSpec, PullProgress } from '../../../src/ports.js'
import { FakeClock } from '../../fakes/fake-clock.js'

// The Docker adapter against a fake Engine API on a unix socket: the cases a real engine without a registry cannot
// produce on demand (transient pull failures, errors inside a 200 stream, a refused start).
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void

let server: Server
let socketPath: string
let handlers: Handler[]
let requests: { method: string; url: string; body: string }[]
let api: DockerApi

beforeEach(async () => {
  socketPath = join(mkdtempSync(join(tmpdir(), 'fake-docker-')), 'docker.sock')
  handlers = []
  requests = []
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', body })
      const handler = handlers.shift()
      if (handler === undefined) return json(res, 599, { message: `unexpected ${req.method} ${req.url}` })
      handler(req, body, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(socketPath, resolve))
  api = new DockerApi({ kind: 'unix', socketPath, display: `unix://${socketPath}` })
})

afterEach(async () => {
  await api.close()
  await new Promise((resolve) => server.close(resolve))
})

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

function stream(res: ServerResponse, events: unknown[]): void {
  res.writeHead(200, { 'content-type': 'application/json' })
  for (const event of events) res.write(`${JSON.stringify(event)}\r\n`)
  res.end()
}

const SPEC: ContainerSpec = {
  name: 'localstack-main',
  image: 'localstack/localstack-pro:latest',
  env: { WEIRD: '$(id); `x` "q"', CI: 'true' },
  network: undefined,
  portBindings: [{ hostPort: 4566, containerPort: 4566, hostIp: '0.0.0.0' }],
  binds: ['/tmp/v:/var/lib/localstack'],
  labels: { managed: 'true' },
}

describe('DockerRuntime.pullImage', () => {
  it('retries a transient pull failure after a short backoff and reports layer milestones only', async () => {
    const clock = new FakeClock()
    const progress: PullProgress[] = []
    handlers.push((_req, _body, res) => json(res, 500, { message: 'Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout' }))
    handlers.push((_req, _body, res) =>
      stream(res, [
        { status: 'Pulling fs layer', id: 'l1' },
        { status: 'Downloading', id: 'l1', progressDetail: { current: 5, total: 10 } },
        { status: 'Download complete', id: 'l1' },
        { status: 'Pull complete', id: 'l1' },
        { status: 'Status: Downloaded newer image for localstack/localstack-pro:latest' },
      ]),
    )
    await new DockerRuntime(api, clock).pullImage(SPEC.image, { signal: new AbortController().signal, onProgress: (p) => progress.push(p) })
    expect(clock.sleeps).toEqual([500])
    expect(progress.map((p) => p.status)).toEqual([
      expect.stringMatching(/^attempt 1 failed: .*TLS handshake timeout/),
      'Download complete',
      'Pull complete',
      'Status: Downloaded newer image for localstack/localstack-pro:latest',
    ])
    expect(requests[0]?.url).toBe('/images/create?fromImage=localstack%2Flocalstack-pro%3Alatest')
  })

  it('fails at once, without retrying, when the registry says the image does not exist (even inside a 200 stream)', async () => {
    const clock = new FakeClock()
    handlers.push((_req, _body, res) => stream(res, [{ error: 'manifest unknown', errorDetail: { message: 'manifest for x:nope not found: manifest unknown' } }]))
    const error = await new DockerRuntime(api, clock).pullImage('x:nope', { signal: new AbortController().signal }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImagePullError)
    expect((error as Error).message).toBe(
      'Pulling the LocalStack image failed: x:nope is not on this machine and the registry refused it ("manifest for x:nope not found: manifest unknown"). Check the image and image-tag inputs.',
    )
    expect(clock.sleeps).toEqual([])
  })

  it('gives up after three transient failures, naming the last one', async () => {
    for (let i = 0; i < 3; i++) handlers.push((_req, _body, res) => json(res, 500, { message: 'dial tcp: i/o timeout' }))
    await expect(new DockerRuntime(api, new FakeClock()).pullImage('x:1', { signal: new AbortController().signal })).rejects.toThrow(
      /3 pull attempts failed \(last: "dial tcp: i\/o timeout"\)/,
    )
  })
})

describe('DockerRuntime.start', () => {
  it('says the image is missing when create answers No such image, so the caller can pull and retry', async () => {
    handlers.push((_req, _body, res) => json(res, 404, { message: 'No such image: localstack/localstack-pro:latest' }))
    await expect(new DockerRuntime(api, new FakeClock()).start(SPEC, new AbortController().signal)).rejects.toThrow(ImageMissingError)
    expect(requests).toHaveLength(1)
  })

  it('creates the container with each variable as one array element, verbatim', async () => {
    handlers.push((_req, _body, res) => json(res, 201, { Id: 'abc' }))
    handlers.push((_req, _body, res) => res.writeHead(204).end())
    const { id } = await new DockerRuntime(api, new FakeClock()).start(SPEC, new AbortController().signal)
    expect(id).toBe('abc')
    const created = JSON.parse(requests[0]?.body ?? '{}') as { Env: string[]; HostConfig: Record<string, unknown> }
    expect(requests[0]?.url).toBe('/containers/create?name=localstack-main')
    expect(created.Env).toEqual(['WEIRD=$(id); `x` "q"', 'CI=true'])
    expect(created.HostConfig).toMatchObject({ AutoRemove: false, Binds: SPEC.binds, PortBindings: { '4566/tcp': [{ HostIp: '0.0.0.0', HostPort: '4566' }] } })
  })

  it('turns a port clash at start into PortInUseError and removes the created container', async () => {
    handlers.push((_req, _body, res) => json(res, 201, { Id: 'abc' }))
    handlers.push((_req, _body, res) => json(res, 500, { message: 'driver failed programming external connectivity: Bind for 0.0.0.0:4566 failed: port is already allocated' }))
    handlers.push((_req, _body, res) => res.writeHead(204).end())
    await expect(new DockerRuntime(api, new FakeClock()).start(SPEC, new AbortController().signal)).rejects.toThrow(PortInUseError)
    expect(requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/containers/abc?force=1&v=1' })
  })
})

describe('DockerRuntime.followLogs', () => {
  it('delivers lines as frames arrive, even when a frame and a line are cut between chunks', async () => {
    const frame = (text: string): Buffer => {
      const payload = Buffer.from(text, 'utf8')
      const header = Buffer.alloc(8)
      header[0] = 1
      header.writeUInt32BE(payload.length, 4)
      return Buffer.concat([header, payload])
    }
    const bytes = Buffer.concat([frame('boot\nSuccessfully activated license x:ci 🔑✅\nRea'), frame('dy.\n'), frame('tail')])
    handlers.push((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.docker.multiplexed-stream' })
      for (let i = 0; i < bytes.length; i += 5) res.write(bytes.subarray(i, i + 5))
      res.end()
    })
    const lines: string[] = []
    await new DockerRuntime(api, new FakeClock()).followLogs('abc', { signal: new AbortController().signal, onLine: (line) => lines.push(line) })
    expect(lines).toEqual(['boot', 'Successfully activated license x:ci 🔑✅', 'Ready.', 'tail'])
    expect(requests[0]?.url).toBe('/containers/abc/logs?stdout=1&stderr=1&follow=1')
  })
})
