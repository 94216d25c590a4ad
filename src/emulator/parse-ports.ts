import { InvalidInputError } from '../errors.js'
import type { PortBinding } from '../ports.js'

/** The gateway port inside the container (docs/facts.md §2.7). */
export const GATEWAY_PORT = 4566
/** LocalStack Pro's HTTPS gateway, published by `localstack start` when GATEWAY_LISTEN is unset. */
export const HTTPS_GATEWAY_PORT = 443
/** External service ports (docs/facts.md §2.7: 4510-4559 in the docs, lstk and the Dockerfile). */
export const SERVICE_PORTS_START = 4510
export const SERVICE_PORTS_END = 4559

const DEFAULT_HOST_IP = '0.0.0.0'

/** The bindings `localstack start` publishes when the user names none. */
export function defaultPortBindings(options: { hasGatewayListen: boolean }): PortBinding[] {
  const bindings = [binding(GATEWAY_PORT, GATEWAY_PORT)]
  if (!options.hasGatewayListen) bindings.push(binding(HTTPS_GATEWAY_PORT, HTTPS_GATEWAY_PORT))
  for (let port = SERVICE_PORTS_START; port <= SERVICE_PORTS_END; port++) bindings.push(binding(port, port))
  return bindings
}

/**
 * Parses the `ports` input: comma- or space-separated entries `PORT`, `START-END` or `HOST:CONTAINER`
 * (`4566`, `4510-4559`, `14566:4566`). Each port is published on all host interfaces.
 */
export function parsePorts(text: string): PortBinding[] {
  const bindings: PortBinding[] = []
  for (const entry of text.split(/[\s,]+/).filter((part) => part !== '')) {
    const range = /^(\d+)-(\d+)$/.exec(entry)
    const mapped = /^(\d+):(\d+)$/.exec(entry)
    if (range !== null) {
      const [start, end] = [toPort(range[1], entry), toPort(range[2], entry)]
      if (end < start) throw portError(entry)
      for (let port = start; port <= end; port++) bindings.push(binding(port, port))
    } else if (mapped !== null) {
      bindings.push(binding(toPort(mapped[1], entry), toPort(mapped[2], entry)))
    } else {
      const port = toPort(/^\d+$/.test(entry) ? entry : undefined, entry)
      bindings.push(binding(port, port))
    }
  }
  return bindings
}

function binding(hostPort: number, containerPort: number): PortBinding {
  return { hostPort, containerPort, hostIp: DEFAULT_HOST_IP }
}

function toPort(text: string | undefined, entry: string): number {
  const port = Number(text)
  if (text === undefined || !Number.isInteger(port) || port < 1 || port > 65_535) throw portError(entry)
  return port
}

function portError(entry: string): InvalidInputError {
  return new InvalidInputError(
    `Input ports is invalid: "${entry}" is not a port (1-65535), a range START-END or a mapping HOST:CONTAINER. ` +
      'Write for example "4566, 4510-4559" or "14566:4566".',
  )
}

/** The port from the first `GATEWAY_LISTEN` entry (`[host]:port`), or undefined when it names none. */
export function gatewayListenPort(value: string | undefined): number | undefined {
  const first = value?.split(',')[0]?.trim() ?? ''
  const match = /(?:^|:)(\d+)$/.exec(first)
  if (match === null) return undefined
  const port = Number(match[1])
  return port >= 1 && port <= 65_535 ? port : undefined
}
