import { describe, expect, it } from '@jest/globals'
import { buildContainerSpec, DEFAULT_CONTAINER_NAME, type ContainerSpecInput } from '../../../src/emulator/container-spec.js'
import { InvalidInputError } from '../../../src/errors.js'
import { generateToken } from '../../support/generate-token.js'

function input(overrides: Partial<ContainerSpecInput> = {}): ContainerSpecInput {
  return {
    image: 'localstack/localstack-pro:latest',
    name: DEFAULT_CONTAINER_NAME,
    network: undefined,
    token: generateToken('lsci-'),
    ciValue: 'true',
    configuration: [],
    hostLocalstackEnv: {},
    dockerSocketPath: '/var/run/docker.sock',
    volumeDir: '/tmp/ls-volume',
    ports: undefined,
    ...overrides,
  }
}

describe('buildContainerSpec', () => {
  it('names the container localstack-main and mounts the Docker socket and the volume', () => {
    const { spec } = buildContainerSpec(input())
    expect(spec.name).toBe('localstack-main')
    expect(spec.binds).toEqual(['/tmp/ls-volume:/var/lib/localstack', '/var/run/docker.sock:/var/run/docker.sock'])
    expect(spec.env.DOCKER_HOST).toBe('unix:///var/run/docker.sock')
    expect(spec.env.MAIN_CONTAINER_NAME).toBe('localstack-main')
  })

  it('forwards the token as LOCALSTACK_AUTH_TOKEN and CI verbatim, even CI=false', () => {
    const token = generateToken('lsci-')
    const { spec } = buildContainerSpec(input({ token, ciValue: 'false' }))
    expect(spec.env.LOCALSTACK_AUTH_TOKEN).toBe(token)
    expect(spec.env.CI).toBe('false')
  })

  it('does not invent CI when the host has none', () => {
    expect(buildContainerSpec(input({ ciValue: undefined })).spec.env).not.toHaveProperty('CI')
  })

  it('publishes 4566, 443 and 4510-4559 on the default network', () => {
    const { spec, gatewayPort } = buildContainerSpec(input())
    expect(spec.portBindings).toHaveLength(52)
    expect(spec.env.GATEWAY_LISTEN).toBe(':4566,:443')
    expect(gatewayPort).toBe(4566)
  })

  it('publishes nothing on the host network and finds the gateway port in GATEWAY_LISTEN', () => {
    const { spec, gatewayPort } = buildContainerSpec(
      input({ network: 'host', configuration: [{ key: 'GATEWAY_LISTEN', value: '127.0.0.1:4600' }] }),
    )
    expect(spec.portBindings).toEqual([])
    expect(spec.network).toBe('host')
    expect(gatewayPort).toBe(4600)
  })

  it('reports the host port mapped to the gateway when ports are given', () => {
    const { gatewayPort } = buildContainerSpec(input({ ports: [{ hostPort: 14566, containerPort: 4566, hostIp: '0.0.0.0' }] }))
    expect(gatewayPort).toBe(14566)
  })

  it('passes configuration values verbatim', () => {
    const { spec } = buildContainerSpec(input({ configuration: [{ key: 'WEIRD', value: '$(rm -rf /); `id` "q"' }] }))
    expect(spec.env.WEIRD).toBe('$(rm -rf /); `id` "q"')
  })

  it('forwards the host LOCALSTACK_* variables but never host-only or credential ones', () => {
    const { spec } = buildContainerSpec(
      input({
        hostLocalstackEnv: {
          LOCALSTACK_DEBUG: '1',
          LOCALSTACK_VOLUME_DIR: '/host/dir',
          LOCALSTACK_API_KEY: 'legacy',
          LOCALSTACK_MAIN_CONTAINER_NAME: 'other',
        },
      }),
    )
    expect(spec.env.LOCALSTACK_DEBUG).toBe('1')
    expect(spec.env).not.toHaveProperty('LOCALSTACK_VOLUME_DIR')
    expect(spec.env).not.toHaveProperty('LOCALSTACK_API_KEY')
    expect(spec.env).not.toHaveProperty('LOCALSTACK_MAIN_CONTAINER_NAME')
  })

  it.each(['LOCALSTACK_AUTH_TOKEN', 'LOCALSTACK_API_KEY', 'MAIN_CONTAINER_NAME', 'LOCALSTACK_MAIN_CONTAINER_NAME', 'DOCKER_HOST', 'LOCALSTACK_DOCKER_HOST', 'CI'])(
    'rejects configuration that sets the reserved %s',
    (key) => {
      expect(() => buildContainerSpec(input({ configuration: [{ key, value: 'x' }] }))).toThrow(InvalidInputError)
    },
  )

  it('rejects LOCALSTACK_GATEWAY_LISTEN and names the plain key to use', () => {
    expect(() => buildContainerSpec(input({ configuration: [{ key: 'LOCALSTACK_GATEWAY_LISTEN', value: ':1' }] }))).toThrow(
      /Write GATEWAY_LISTEN=/,
    )
  })

  it('omits the socket mount and DOCKER_HOST when the runtime is not on a local socket', () => {
    const { spec } = buildContainerSpec(input({ dockerSocketPath: undefined }))
    expect(spec.binds).toEqual(['/tmp/ls-volume:/var/lib/localstack'])
    expect(spec.env).not.toHaveProperty('DOCKER_HOST')
  })
})

describe('configuration keys named like Object.prototype members', () => {
  it('passes toString, constructor and __proto__ to the container as ordinary variables', () => {
    const { spec } = buildContainerSpec(input({ configuration: [{ key: 'toString', value: '1' }, { key: 'constructor', value: '2' }, { key: '__proto__', value: '3' }] }))
    expect(Object.entries(spec.env)).toEqual(expect.arrayContaining([['toString', '1'], ['constructor', '2'], ['__proto__', '3']]))
    expect(Object.getPrototypeOf(spec.env)).toBeNull()
  })
})
