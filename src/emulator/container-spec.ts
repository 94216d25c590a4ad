import { InvalidInputError } from '../errors.js'
import type { ContainerSpec, PortBinding } from '../ports.js'
import type { ConfigurationPair } from './parse-configuration.js'
import { GATEWAY_PORT, defaultPortBindings, gatewayListenPort } from './parse-ports.js'

/** `MAIN_CONTAINER_NAME` in LocalStack's `config.py`, and the name `localstack start` uses. */
export const DEFAULT_CONTAINER_NAME = 'localstack-main'
const CONTAINER_DOCKER_SOCKET = '/var/run/docker.sock'
const CONTAINER_VOLUME_DIR = '/var/lib/localstack'
/** Labels every container this Action starts, so a human can find leftovers with `docker ps --filter label=…`. */
export const MANAGED_LABEL = 'dev.setup-localstack.managed'

/**
 * Variables the Action sets itself; `configuration` may not set them or their `LOCALSTACK_` aliases. A Map, not an
 * object literal: a key such as `toString` or `__proto__` must not find Object.prototype's members.
 */
const RESERVED_KEYS: ReadonlyMap<string, string> = new Map([
  ['LOCALSTACK_AUTH_TOKEN', 'pass the token with the auth-token input (from a secret), never in configuration'],
  ['LOCALSTACK_API_KEY', 'pass a CI Auth Token with the auth-token input (from a secret), never in configuration'],
  ['AUTH_TOKEN', 'pass the token with the auth-token input (from a secret), never in configuration'],
  ['API_KEY', 'pass the token with the auth-token input (from a secret), never in configuration'],
  ['MAIN_CONTAINER_NAME', 'use the container-name input'],
  ['DOCKER_HOST', 'the Action points it at the mounted Docker socket'],
  ['CI', "the Action forwards the runner's CI variable itself"],
])
/** Keys `configuration` may set, but only under their plain name: the entrypoint strips `LOCALSTACK_`. */
const PLAIN_ONLY_KEYS = new Set(['GATEWAY_LISTEN', 'EXTERNAL_SERVICE_PORTS_START', 'EXTERNAL_SERVICE_PORTS_END'])
/** Host variables that describe the host, not the emulator, and so are never forwarded. */
const HOST_ONLY_KEYS = new Set(['LOCALSTACK_VOLUME_DIR', 'LOCALSTACK_HOSTNAME', 'LOCALSTACK_PORT', 'LOCALSTACK_IMAGE_NAME'])

export interface ContainerSpecInput {
  readonly image: string
  readonly name: string
  /** `host`, a network name, or undefined for the runtime's default bridge. */
  readonly network: string | undefined
  /** The already-approved token (see `decideToken`); always forwarded as `LOCALSTACK_AUTH_TOKEN`. */
  readonly token: string
  /** The host's `CI` value; presence matters, not truthiness. */
  readonly ciValue: string | undefined
  readonly configuration: readonly ConfigurationPair[]
  /** The host's `LOCALSTACK_*` variables, forwarded as `localstack start` does. */
  readonly hostLocalstackEnv: Readonly<Record<string, string>>
  /** Host path of the Docker socket to mount, or undefined when the runtime is not on a local socket. */
  readonly dockerSocketPath: string | undefined
  readonly volumeDir: string
  /** Explicit `ports` input; undefined means LocalStack's defaults. Ignored on the host network. */
  readonly ports: readonly PortBinding[] | undefined
}

/** The container spec plus the host port where the gateway answers. */
export interface PlannedContainer {
  readonly spec: ContainerSpec
  readonly gatewayPort: number
}

/**
 * Builds the container the way `localstack start` does: name, ports (none on the host network),
 * Docker socket and `DOCKER_HOST`, volume, `LOCALSTACK_*` and `CI` forwarded, `configuration` pairs verbatim.
 * Throws `InvalidInputError` for a configuration key the Action owns.
 */
export function buildContainerSpec(input: ContainerSpecInput): PlannedContainer {
  for (const pair of input.configuration) assertConfigurable(pair.key)
  const configured = new Map(input.configuration.map((pair) => [pair.key, pair.value]))
  const gatewayListen = configured.get('GATEWAY_LISTEN')
  const isHostNetwork = input.network === 'host'
  // Prototype-free, so every variable name (`__proto__` and `constructor` included) is just a name.
  const env: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [key, value] of [...forwardedHostEnv(input.hostLocalstackEnv), ...configured]) env[key] = value
  if (!isHostNetwork && gatewayListen === undefined) env.GATEWAY_LISTEN = `:${GATEWAY_PORT},:443`
  env.MAIN_CONTAINER_NAME = input.name
  if (input.dockerSocketPath !== undefined) env.DOCKER_HOST = `unix://${CONTAINER_DOCKER_SOCKET}`
  if (input.ciValue !== undefined) env.CI = input.ciValue
  env.LOCALSTACK_AUTH_TOKEN = input.token

  const { portBindings, gatewayPort } = planPorts(input, gatewayListen)
  const binds = [`${input.volumeDir}:${CONTAINER_VOLUME_DIR}`]
  if (input.dockerSocketPath !== undefined) binds.push(`${input.dockerSocketPath}:${CONTAINER_DOCKER_SOCKET}`)

  const spec: ContainerSpec = {
    name: input.name,
    image: input.image,
    env,
    network: input.network,
    portBindings,
    binds,
    labels: { [MANAGED_LABEL]: 'true' },
  }
  return { spec, gatewayPort }
}

/** Bindings to publish (none on the host network) and the host port where the gateway answers. */
function planPorts(input: ContainerSpecInput, gatewayListen: string | undefined): { portBindings: readonly PortBinding[]; gatewayPort: number } {
  const containerGatewayPort = gatewayListenPort(gatewayListen) ?? GATEWAY_PORT
  if (input.network === 'host') return { portBindings: [], gatewayPort: containerGatewayPort }
  const portBindings = input.ports ?? defaultPortBindings({ hasGatewayListen: gatewayListen !== undefined })
  const gatewayPort = portBindings.find((b) => b.containerPort === containerGatewayPort)?.hostPort ?? containerGatewayPort
  return { portBindings, gatewayPort }
}

function assertConfigurable(key: string): void {
  const plain = key.startsWith('LOCALSTACK_') ? key.slice('LOCALSTACK_'.length) : key
  const reason = RESERVED_KEYS.get(key) ?? RESERVED_KEYS.get(plain)
  if (reason !== undefined) {
    throw new InvalidInputError(`Input configuration sets ${key}: the Action sets that variable itself. Remove it; ${reason}.`)
  }
  if (plain !== key && PLAIN_ONLY_KEYS.has(plain)) {
    throw new InvalidInputError(
      `Input configuration sets ${key}: the emulator reads it as ${plain}, and the Action derives ports from ${plain} only. Write ${plain}=… instead.`,
    )
  }
}

function forwardedHostEnv(hostEnv: Readonly<Record<string, string>>): [string, string][] {
  const forwarded: [string, string][] = []
  for (const [key, value] of Object.entries(hostEnv)) {
    if (!key.startsWith('LOCALSTACK_') || HOST_ONLY_KEYS.has(key)) continue
    const plain = key.slice('LOCALSTACK_'.length)
    if (RESERVED_KEYS.has(key) || RESERVED_KEYS.has(plain) || PLAIN_ONLY_KEYS.has(plain)) continue
    forwarded.push([key, value])
  }
  return forwarded
}
