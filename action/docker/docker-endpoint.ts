import { InvalidInputError } from '../../src/errors.js'

/** Where the Docker Engine API listens, from `DOCKER_HOST` (Docker's own default: the local unix socket). */
export type DockerEndpoint =
  | { readonly kind: 'unix'; readonly socketPath: string; readonly display: string }
  | { readonly kind: 'tcp'; readonly origin: string; readonly display: string }

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock'

/**
 * Reads `DOCKER_HOST` the way the docker CLI does for the two schemes a runner uses: `unix://` and `tcp://` (plain
 * HTTP; TLS-protected daemons, `DOCKER_TLS_VERIFY`, are refused with a clear message rather than half supported).
 */
export function parseDockerHost(value: string | undefined, isTlsRequested = false): DockerEndpoint {
  const raw = value?.trim() ?? ''
  if (raw === '') return { kind: 'unix', socketPath: DEFAULT_DOCKER_SOCKET, display: `unix://${DEFAULT_DOCKER_SOCKET}` }
  if (raw.startsWith('unix://')) {
    const socketPath = raw.slice('unix://'.length)
    return { kind: 'unix', socketPath, display: raw }
  }
  const tcp = /^tcp:\/\/([^/]+)\/?$/.exec(raw)
  if (tcp !== null && !isTlsRequested) return { kind: 'tcp', origin: `http://${tcp[1]}`, display: raw }
  throw new InvalidInputError(
    `DOCKER_HOST is not supported: "${raw}"${isTlsRequested ? ' with DOCKER_TLS_VERIFY' : ''}. ` +
      'Use a unix:// socket or a plain tcp://host:port endpoint, or unset DOCKER_HOST to use /var/run/docker.sock.',
  )
}
