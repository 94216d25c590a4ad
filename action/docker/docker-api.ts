import { Agent, request, type IncomingMessage } from 'node:http'
import { DockerUnavailableError, UpstreamError } from '../../src/errors.js'
import type { DockerEndpoint } from './docker-endpoint.js'

export interface DockerRequest {
  readonly method: 'GET' | 'POST' | 'DELETE'
  readonly path: string
  readonly query?: Readonly<Record<string, string>>
  readonly body?: unknown
  readonly signal?: AbortSignal
  /** 0 for long polls such as `/containers/{id}/wait` and followed logs. */
  readonly timeoutMs?: number
}

export interface DockerResponse {
  readonly status: number
  readonly body: Buffer
}

/** A response whose body is still streaming (pulls, followed logs); the caller must consume or destroy it. */
export interface DockerStream {
  readonly statusCode: number
  readonly body: IncomingMessage
}

const DEFAULT_TIMEOUT_MS = 30_000

/**
 * A minimal Docker Engine API client over node:http (loaded with Node itself, so nothing adds to the Action's
 * start-up): one request, one buffered or streamed answer, over kept-alive connections. Paths are unversioned so the
 * daemon answers in its own current API version (Docker 29 refuses versions below 1.44; 20.10 knows none above 1.41).
 */
export class DockerApi {
  private readonly agent = new Agent({ keepAlive: true })
  private readonly origin: URL

  constructor(readonly endpoint: DockerEndpoint) {
    this.origin = new URL(endpoint.kind === 'unix' ? 'http://docker' : endpoint.origin)
  }

  async send(req: DockerRequest): Promise<DockerResponse> {
    const response = await this.open(req)
    return { status: response.statusCode, body: await readBody(response.body) }
  }

  /** Sends and hands back the streaming body; the caller must consume it. */
  open(req: DockerRequest): Promise<DockerStream> {
    const url = new URL(req.path, this.origin)
    for (const [key, value] of Object.entries(req.query ?? {})) url.searchParams.set(key, value)
    const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const payload = req.body === undefined ? undefined : JSON.stringify(req.body)
    const target = this.endpoint.kind === 'unix' ? { socketPath: this.endpoint.socketPath } : { host: this.origin.hostname, port: this.origin.port }
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          ...target,
          agent: this.agent,
          method: req.method,
          path: url.pathname + url.search,
          headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
          ...(req.signal === undefined ? {} : { signal: req.signal }),
        },
        (response) => {
          // The bound covers silence in the body too, except for long polls (timeoutMs 0).
          if (timeoutMs > 0) response.setTimeout(timeoutMs, () => response.destroy(new Error(`no data for ${timeoutMs} ms`)))
          resolve({ statusCode: response.statusCode ?? 0, body: response })
        },
      )
      if (timeoutMs > 0) outgoing.setTimeout(timeoutMs, () => outgoing.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })))
      outgoing.on('error', (error) => {
        if (req.signal?.aborted === true) reject(req.signal.reason as Error)
        else reject(this.connectionError(error))
      })
      outgoing.end(payload)
    })
  }

  /** Turns a non-2xx answer into an `UpstreamError` that carries Docker's own message. */
  failure(req: DockerRequest, response: DockerResponse): UpstreamError {
    const message = dockerMessage(response.body)
    return new UpstreamError(
      `Docker Engine API request failed: ${req.method} ${req.path} answered HTTP ${response.status} ("${message}"). Check the Docker daemon on the runner (docker info).`,
      { status: response.status, url: req.path, isRetryable: response.status >= 500 },
    )
  }

  async close(): Promise<void> {
    this.agent.destroy()
  }

  private connectionError(error: unknown): DockerUnavailableError {
    const code = (error as { code?: string } | undefined)?.code ?? (error instanceof Error ? error.message : String(error))
    return new DockerUnavailableError(
      `Docker is not available: cannot connect to ${this.endpoint.display} (${code}). ` +
        'Run this step on a Linux runner with Docker (ubuntu-latest has it; macOS and Windows runners cannot run the LocalStack container), or set DOCKER_HOST.',
      { cause: error },
    )
  }
}

/** Docker's error bodies are `{"message": "..."}`; anything else is quoted as text, shortened. */
export function dockerMessage(body: Buffer): string {
  const text = body.toString('utf8').trim()
  try {
    const parsed = JSON.parse(text) as { message?: unknown }
    if (typeof parsed.message === 'string') return parsed.message
  } catch {
    // not JSON: fall through and quote the text
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

/** The whole body of a response. */
export async function readBody(body: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of body) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
