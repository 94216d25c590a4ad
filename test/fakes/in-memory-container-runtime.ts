import { EmulatorStartError, ImageMissingError, ImagePullError } from '../../src/errors.js'
import type { ContainerRuntime, ContainerSpec, PullProgress } from '../../src/ports.js'
import type { FakeClock } from './fake-clock.js'

/** One scripted log line, printed when the container has run for `atMs`. */
export interface ScriptedLine {
  readonly atMs: number
  readonly line: string
}

/** How the scripted container behaves once started; times are relative to its start on the `FakeClock`. */
export interface ContainerScript {
  readonly lines?: readonly ScriptedLine[]
  /** The container exits with `code` after `atMs`; absent means it keeps running. */
  readonly exit?: { readonly atMs: number; readonly code: number }
  /** The log cannot be followed (a logging driver that cannot be read back): readiness falls back to polling. */
  readonly isLogUnreadable?: boolean
}

interface FakeContainer {
  readonly id: string
  readonly spec: ContainerSpec
  readonly startedAtMs: number
  isRemoved: boolean
}

/**
 * A `ContainerRuntime` scripted with log lines and an exit code, driven by a `FakeClock` (docs/style.md §3).
 * `localImages` lists images present without a pull; `pullableImages` those a pull can fetch.
 */
export class InMemoryContainerRuntime implements ContainerRuntime {
  readonly containers: FakeContainer[] = []
  readonly pulls: string[] = []
  /** How many times `start` was called (a missing image costs one failed start before the pull). */
  starts = 0
  private readonly pulledImages = new Set<string>()
  private nextId = 1

  constructor(
    private readonly clock: FakeClock,
    private readonly script: ContainerScript = {},
    private readonly images: { localImages?: string[]; pullableImages?: string[] } = {},
  ) {}

  async pullImage(image: string, options: { signal: AbortSignal; onProgress?: (progress: PullProgress) => void }): Promise<void> {
    options.signal.throwIfAborted()
    if (!(this.images.pullableImages ?? []).includes(image)) {
      throw new ImagePullError(`Pulling the LocalStack image failed: ${image} was not found. Check image and image-tag.`)
    }
    this.pulls.push(image)
    this.pulledImages.add(image)
    options.onProgress?.({ layer: 'layer1', status: 'Download complete' })
    options.onProgress?.({ layer: 'layer1', status: 'Pull complete' })
  }

  async start(spec: ContainerSpec): Promise<{ id: string }> {
    this.starts++
    if (!(this.images.localImages?.includes(spec.image) ?? true) && !this.pulledImages.has(spec.image)) {
      throw new ImageMissingError(`Starting the LocalStack container failed: the image ${spec.image} is not on this machine. Pull it first.`)
    }
    if (this.containers.some((c) => c.spec.name === spec.name && !c.isRemoved)) {
      throw new EmulatorStartError(`Starting the LocalStack container failed: the name ${spec.name} is already in use. Remove it, or set container-name.`)
    }
    const container = { id: `fake${String(this.nextId++).padStart(60, '0')}`, spec, startedAtMs: this.clock.now(), isRemoved: false }
    this.containers.push(container)
    return { id: container.id }
  }

  /** Delivers each scripted line when the fake time reaches it; ends at the scripted exit, or never. */
  async followLogs(id: string, options: { signal: AbortSignal; onLine: (line: string) => void }): Promise<void> {
    options.signal.throwIfAborted()
    if (this.script.isLogUnreadable === true) throw new Error('configured logging driver does not support reading')
    const container = this.find(id)
    const exitAtMs = this.script.exit?.atMs ?? Number.POSITIVE_INFINITY
    for (const line of this.script.lines ?? []) {
      if (line.atMs > exitAtMs) break
      await this.clock.until(container.startedAtMs + line.atMs, options.signal)
      options.onLine(line.line)
    }
    if (Number.isFinite(exitAtMs)) return this.clock.until(container.startedAtMs + exitAtMs, options.signal)
    await new Promise((_resolve, reject) => options.signal.addEventListener('abort', () => reject(options.signal.reason)))
  }

  async waitForExit(id: string, signal: AbortSignal): Promise<{ exitCode: number }> {
    const container = this.find(id)
    const exit = this.script.exit
    if (exit === undefined) {
      await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)))
      throw new Error('unreachable')
    }
    await this.clock.until(container.startedAtMs + exit.atMs, signal)
    return { exitCode: exit.code }
  }

  async logTail(id: string, lines: number): Promise<string[]> {
    const container = this.find(id)
    const runMs = this.clock.now() - container.startedAtMs
    const printed = (this.script.lines ?? []).filter((l) => l.atMs <= runMs).map((l) => l.line)
    return printed.slice(-lines)
  }

  async remove(id: string): Promise<{ isRemoved: boolean }> {
    const container = this.containers.find((c) => c.id === id || c.spec.name === id)
    if (container === undefined || container.isRemoved) return { isRemoved: false }
    container.isRemoved = true
    return { isRemoved: true }
  }

  private find(id: string): FakeContainer {
    const container = this.containers.find((c) => c.id === id)
    if (container === undefined) throw new Error(`no such fake container ${id}`)
    return container
  }
}
