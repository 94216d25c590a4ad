import { describe, expect, it } from '@jest/globals'
import { waitForActivation } from '../../../src/emulator/wait-for-activation.js'
import { ActivationFailedError, ActivationTimeoutError, EmulatorExitedError, GatewayUnreachableError } from '../../../src/errors.js'
import type { ContainerSpec } from '../../../src/ports.js'
import { FakeClock } from '../../fakes/fake-clock.js'
import { FakeHttp, infoBody, type FakeResponder } from '../../fakes/fake-http.js'
import { InMemoryContainerRuntime, type ContainerScript } from '../../fakes/in-memory-container-runtime.js'
import { RecordingLogger } from '../../fakes/recording-logger.js'

const SPEC: ContainerSpec = { name: 'localstack-main', image: 'img:1', env: {}, network: 'host', portBindings: [], binds: [], labels: {} }
const INFO_URL = 'http://127.0.0.1:4566/_localstack/info'

async function setUp(script: ContainerScript, respond: (elapsedMs: number) => ReturnType<FakeResponder>) {
  const clock = new FakeClock()
  const runtime = new InMemoryContainerRuntime(clock, script)
  const { id } = await runtime.start(SPEC)
  const t0 = clock.now()
  const http = new FakeHttp(clock, (_url, nowMs) => respond(nowMs - t0))
  const deps = { runtime, http, clock, log: new RecordingLogger(), signal: new AbortController().signal }
  return { clock, runtime, http, deps, id }
}

const refused = (): never => {
  throw new Error('connect ECONNREFUSED 127.0.0.1:4566')
}

describe('waitForActivation', () => {
  it('resolves once the licence is activated and Ready. was printed, within one poll interval', async () => {
    const { deps, id, clock } = await setUp({ lines: [{ atMs: 1_000, line: 'Ready.' }] }, (elapsedMs) =>
      elapsedMs < 300 ? refused() : { status: 200, body: infoBody(elapsedMs >= 1_000) },
    )
    const result = await waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 60_000 }, deps)
    expect(result.info).toEqual({ version: '2026.3.1.dev3', edition: 'pro', isLicenseActivated: true, sessionId: 'session-1' })
    expect(result.waitedMs).toBeGreaterThanOrEqual(1_000)
    expect(result.waitedMs).toBeLessThan(1_500)
    expect(clock.sleeps.slice(0, 4)).toEqual([100, 150, 225, 338])
  })

  it('keeps waiting while the licence is activated but Ready. is not printed yet', async () => {
    const { deps, id } = await setUp({ lines: [{ atMs: 2_000, line: 'Ready.' }] }, () => ({ status: 200, body: infoBody(true) }))
    const result = await waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 60_000 }, deps)
    expect(result.waitedMs).toBeGreaterThanOrEqual(2_000)
  })

  it('fails with the licence reason as soon as the container exits with code 55', async () => {
    const lines = [
      { atMs: 400, line: 'License activation failed! 🔑❌' },
      { atMs: 400, line: 'Localstack returning with exit code 55. Reason: The credentials defined in your environment are invalid.' },
    ]
    const { deps, id, clock } = await setUp({ lines, exit: { atMs: 400, code: 55 } }, () => ({ status: 200, body: infoBody(false) }))
    const t0 = clock.now()
    const error = await waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 60_000 }, deps).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActivationFailedError)
    expect((error as ActivationFailedError).reason).toBe('The credentials defined in your environment are invalid.')
    expect(clock.now() - t0).toBeLessThan(1_000)
  })

  it('fails with the exit code and last line when the container crashes', async () => {
    const { deps, id } = await setUp({ lines: [{ atMs: 100, line: 'RuntimeError: boom' }], exit: { atMs: 200, code: 1 } }, refused)
    await expect(waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 60_000 }, deps)).rejects.toThrow(EmulatorExitedError)
  })

  it('times out with the last status seen and the log tail', async () => {
    const { deps, id, clock } = await setUp({ lines: [{ atMs: 10, line: 'still booting' }] }, () => ({ status: 200, body: infoBody(false) }))
    const t0 = clock.now()
    const error = await waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 5_000 }, deps).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActivationTimeoutError)
    expect((error as Error).message).toBe(
      'LocalStack was not ready after 5 s: /_localstack/info still reports is_license_activated=false. Check the container log tail above, or raise wait-timeout.',
    )
    expect((error as ActivationTimeoutError).logTail).toEqual(['still booting'])
    expect(clock.now() - t0).toBeLessThanOrEqual(5_000)
  })

  it('reports a gateway that never answered', async () => {
    const { deps, id } = await setUp({}, refused)
    await expect(waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 2_000 }, deps)).rejects.toThrow(
      /did not answer \(connect ECONNREFUSED 127\.0\.0\.1:4566\)/,
    )
  })

  it('fails early, naming the network, when the gateway refuses the runner well after Ready. was printed', async () => {
    const lines = [
      { atMs: 800, line: 'Successfully activated license standin-licence:ci' },
      { atMs: 1_000, line: 'Ready.' },
    ]
    const { deps, id, clock } = await setUp({ lines }, refused)
    const t0 = clock.now()
    const error = await waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 60_000 }, deps).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayUnreachableError)
    expect((error as GatewayUnreachableError).code).toBe('gateway-unreachable')
    expect((error as Error).message).toBe(
      'LocalStack printed "Ready." 5 s ago, but http://127.0.0.1:4566/_localstack/info still does not answer the runner (connect ECONNREFUSED 127.0.0.1:4566): ' +
        "the container's gateway port is not reachable from the runner. On a Docker engine without its default bridge network (dockerd --bridge=none, some self-hosted runners), set network: host; otherwise check ports and GATEWAY_LISTEN in configuration.",
    )
    expect((error as GatewayUnreachableError).logTail).toEqual(lines.map((l) => l.line))
    expect(clock.now() - t0).toBeLessThan(7_000)
  })

  it('waits for a gateway that answers a few seconds after Ready.', async () => {
    const { deps, id } = await setUp({ lines: [{ atMs: 1_000, line: 'Ready.' }] }, (elapsedMs) => (elapsedMs < 4_000 ? refused() : { status: 200, body: infoBody(true) }))
    const result = await waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 60_000 }, deps)
    expect(result.waitedMs).toBeGreaterThanOrEqual(4_000)
  })

  it('reports an answer without the documented fields', async () => {
    const { deps, id } = await setUp({}, () => ({ status: 200, body: { version: 'x' } }))
    await expect(waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 1_000 }, deps)).rejects.toThrow(/without the documented fields/)
  })

  it('never polls slower than the maximum interval', async () => {
    const { deps, id, clock } = await setUp({}, () => ({ status: 503, body: undefined }))
    await waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 10_000 }, deps).catch(() => undefined)
    expect(Math.max(...clock.sleeps)).toBe(500)
  })

  it('stops when the caller aborts', async () => {
    const { deps, id } = await setUp({}, () => ({ status: 200, body: infoBody(false) }))
    const controller = new AbortController()
    controller.abort(new Error('job cancelled'))
    await expect(waitForActivation({ containerId: id, infoUrl: INFO_URL, timeoutMs: 10_000 }, { ...deps, signal: controller.signal })).rejects.toThrow(
      'job cancelled',
    )
  })
})
