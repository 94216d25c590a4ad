import { describe, expect, it } from '@jest/globals'
import { buildContainerSpec } from '../../../src/emulator/container-spec.js'
import { startEmulator } from '../../../src/emulator/start-emulator.js'
import { ImageMissingError, ImagePullError, PortInUseError } from '../../../src/errors.js'
import type { PullPlan } from '../../../src/emulator/pull-policy.js'
import { FakeClock } from '../../fakes/fake-clock.js'
import { FakeHttp, infoBody } from '../../fakes/fake-http.js'
import { InMemoryContainerRuntime } from '../../fakes/in-memory-container-runtime.js'
import { RecordingLogger } from '../../fakes/recording-logger.js'
import { generateToken } from '../../support/generate-token.js'

const IMAGE = 'localstack/localstack-pro:latest'

function planned() {
  return buildContainerSpec({
    image: IMAGE,
    name: 'localstack-main',
    network: 'host',
    token: generateToken('lsci-'),
    ciValue: 'true',
    configuration: [],
    hostLocalstackEnv: {},
    dockerSocketPath: undefined,
    volumeDir: '/tmp/v',
    ports: undefined,
  })
}

function deps(images: { localImages?: string[]; pullableImages?: string[] } = {}) {
  const clock = new FakeClock()
  const runtime = new InMemoryContainerRuntime(clock, { lines: [{ atMs: 500, line: 'Ready.' }] }, images)
  const http = new FakeHttp(clock, () => ({ status: 200, body: infoBody(true) }))
  const log = new RecordingLogger()
  return { clock, runtime, http, log, signal: new AbortController().signal }
}

describe('startEmulator', () => {
  it('uses a local image without pulling, starts the container and waits for activation', async () => {
    const d = deps()
    const started: string[] = []
    const result = await startEmulator({ planned: planned(), shouldSkipWait: false, waitTimeoutMs: 60_000 }, { ...d, onContainerStarted: (id) => started.push(id) })
    expect(d.runtime.pulls).toEqual([])
    expect(result.isImagePulled).toBe(false)
    expect(result.endpointUrl).toBe('http://127.0.0.1:4566')
    expect(result.info?.isLicenseActivated).toBe(true)
    expect(started).toEqual([result.containerId])
    expect(d.http.requests[0]).toBe('http://127.0.0.1:4566/_localstack/info')
  })

  it('pulls an absent image and logs per-layer milestones', async () => {
    const d = deps({ localImages: [], pullableImages: [IMAGE] })
    const result = await startEmulator({ planned: planned(), shouldSkipWait: false, waitTimeoutMs: 60_000 }, d)
    expect(result.isImagePulled).toBe(true)
    expect(d.log.events().filter((e) => e === 'image.pull')).toHaveLength(2)
  })

  it('fails on an image that is neither present nor pullable, before any container exists', async () => {
    const d = deps({ localImages: [], pullableImages: [] })
    await expect(startEmulator({ planned: planned(), shouldSkipWait: false, waitTimeoutMs: 60_000 }, d)).rejects.toThrow(ImagePullError)
    expect(d.runtime.containers).toEqual([])
  })

  it('returns as soon as the container runs when the wait is skipped', async () => {
    const d = deps()
    const result = await startEmulator({ planned: planned(), shouldSkipWait: true, waitTimeoutMs: 60_000 }, d)
    expect(result.info).toBeUndefined()
    expect(d.http.requests).toEqual([])
  })

  it('fails before pulling when the gateway port is taken', async () => {
    const d = deps({ localImages: [], pullableImages: [IMAGE] })
    const portProbe = { isPortFree: async () => false }
    await expect(startEmulator({ planned: planned(), shouldSkipWait: false, waitTimeoutMs: 60_000 }, { ...d, portProbe })).rejects.toThrow(PortInUseError)
    expect(d.runtime.pulls).toEqual([])
  })

  describe('pull policies', () => {
    const run = (d: ReturnType<typeof deps>, pull: PullPlan) => startEmulator({ planned: planned(), shouldSkipWait: true, waitTimeoutMs: 60_000, pull }, d)

    it('missing: tries the start first and pulls only when Docker says the image is absent', async () => {
      const present = deps()
      await run(present, { policy: 'missing', isDefault: false, decidedBy: 'pull-policy: missing' })
      expect([present.runtime.pulls, present.runtime.starts]).toEqual([[], 1])
      const absent = deps({ localImages: [], pullableImages: [IMAGE] })
      const result = await run(absent, { policy: 'missing', isDefault: false, decidedBy: 'pull-policy: missing' })
      expect([absent.runtime.pulls, absent.runtime.starts, result.isImagePulled]).toEqual([[IMAGE], 2, true])
    })

    it('always: pulls a present image too', async () => {
      const d = deps({ pullableImages: [IMAGE] })
      await run(d, { policy: 'always', isDefault: false, decidedBy: 'pull-policy: always' })
      expect(d.runtime.pulls).toEqual([IMAGE])
    })

    it('always by default: a failed refresh of a present image warns and starts it; an explicit always fails', async () => {
      const d = deps({ pullableImages: [] })
      await run(d, { policy: 'always', isDefault: true, decidedBy: 'the default for the tag latest' })
      expect(d.log.events()).toContain('image.refresh-failed')
      expect(d.runtime.containers).toHaveLength(1)
      await expect(run(deps({ pullableImages: [] }), { policy: 'always', isDefault: false, decidedBy: 'pull-policy: always' })).rejects.toThrow(ImagePullError)
    })

    it('never: uses the image on the runner, and fails clearly when it is absent, without pulling', async () => {
      const d = deps({ localImages: [], pullableImages: [IMAGE] })
      const error = await run(d, { policy: 'never', isDefault: false, decidedBy: 'skip-pull: true' }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ImageMissingError)
      expect((error as Error).message).toBe(
        `The LocalStack image is missing: ${IMAGE} is not on this runner, and skip-pull: true forbids pulling it. Pull or load it in an earlier step (docker pull ${IMAGE}, or docker load), or remove skip-pull.`,
      )
      expect(d.runtime.pulls).toEqual([])
    })
  })
})
