import { Agent, request, type Dispatcher } from 'undici'
import { DockerUnavailableError, UpstreamError } from '../../src/errors.js'
import type { DockerEndpoint } from './docker-endpoint.js'

export interface DockerRequest {
  readonly method: 'GET' | 'POST' | 'DELETE'
  readonly path: string
  readonly query?: Readonly<Record<string, string>>
  readonly body?: unknown
  readonly signal?: AbortSignal
  /** 0 for long polls such as `/containers/{id}/wait`. */
  readonly timeoutMs?: number
}

export interface DockerResponse {
  readonly status: number
  readonly body: Buffer
}

const DEFAULT_TIMEOUT_MS = 30_000

/**
 * A minimal Docker Engine API client over undici: one request, one buffered answer. Paths are unversioned so the
 * daemon answers in its own current API version (Docker 29 refuses versions below 1.44; 20.10 knows none above 1.41).
 */
export class DockerApi {
  private readonly agent: Agent
  private readonly origin: string

  constructor(readonly endpoint: DockerEndpoint) {
    this.agent = endpoint.kind === 'unix' ? new Agent({ connect: { socketPath: endpoint.socketPath } }) : new Agent()
    this.origin = endpoint.kind === 'unix' ? 'http://docker' : endpoint.origin
  }

  async send(req: DockerRequest): Promise<DockerResponse> {
    const response = await this.open(req)
    const body = Buffer.from(await response.body.arrayBuffer())
    return { status: response.statusCode, body }
  }

  /** Sends and hands back the streaming body (pulls); the caller must consume it. */
  async open(req: DockerRequest): Promise<Dispatcher.ResponseData> {
    const url = new URL(req.path, this.origin)
    for (const [key, value] of Object.entries(req.query ?? {})) url.searchParams.set(key, value)
    const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS
    try {
      return await request(url, {
        dispatcher: this.agent,
        method: req.method,
        headers: req.body === undefined ? {} : { 'content-type': 'application/json' },
        body: req.body === undefined ? null : JSON.stringify(req.body),
        signal: req.signal ?? null,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      })
    } catch (error: unknown) {
      req.signal?.throwIfAborted()
      throw this.connectionError(error)
    }
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
    await this.agent.close()
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
