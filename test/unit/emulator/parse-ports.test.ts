import { describe, expect, it } from '@jest/globals'
import { defaultPortBindings, gatewayListenPort, parsePorts } from '../../../src/emulator/parse-ports.js'

describe('parsePorts', () => {
  it('reads single ports, ranges and host:container mappings', () => {
    const bindings = parsePorts('4566, 4510-4512 14443:443')
    expect(bindings.map((b) => `${b.hostPort}:${b.containerPort}`)).toEqual(['4566:4566', '4510:4510', '4511:4511', '4512:4512', '14443:443'])
  })

  it.each(['http', '0', '70000', '5-1', '1:2:3'])('rejects %s, naming the accepted forms', (entry) => {
    expect(() => parsePorts(entry)).toThrow(/Input ports is invalid: .* START-END .* HOST:CONTAINER/)
  })
})

describe('defaultPortBindings', () => {
  it('publishes the gateway, 443 and the service range 4510-4559 like localstack start', () => {
    const ports = defaultPortBindings({ hasGatewayListen: false }).map((b) => b.containerPort)
    expect(ports).toContain(4566)
    expect(ports).toContain(443)
    expect(ports.filter((p) => p >= 4510 && p <= 4559)).toHaveLength(50)
  })

  it('leaves 443 out when GATEWAY_LISTEN is configured', () => {
    expect(defaultPortBindings({ hasGatewayListen: true }).map((b) => b.containerPort)).not.toContain(443)
  })
})

describe('gatewayListenPort', () => {
  it.each([
    [':4567', 4567],
    ['127.0.0.1:4600,:443', 4600],
    ['0.0.0.0:4566', 4566],
    ['4570', 4570],
    [undefined, undefined],
    ['nonsense', undefined],
  ])('reads %s as %s', (value, port) => {
    expect(gatewayListenPort(value)).toBe(port)
  })
})
