/**
 * The narrow interfaces the core needs from the outside world (docs/design.md, docs/style.md §3).
 * Adapters live in the front end that wires them; fakes live in `test/fakes/`.
 */

/** Time, injected so waits are testable without real sleeps. */
export interface Clock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** Structured logging: `event` is a domain event name such as `scan.completed`; fields never hold a raw token. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void
  info(event: string, fields?: Record<string, unknown>): void
  warn(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

/** What the core asks a container runtime to create (built by `src/emulator/container-spec.ts`). */
export interface ContainerSpec {
  readonly name: string
  /** `repository:tag`. */
  readonly image: string
  /** In insertion order; values are passed verbatim, never through a shell. */
  readonly env: Readonly<Record<string, string>>
  /** `host` shares the host's network (no port publishing); undefined is the runtime's default bridge. */
  readonly network: string | undefined
  readonly portBindings: readonly PortBinding[]
  /** `hostPath:containerPath[:ro]`. */
  readonly binds: readonly string[]
  readonly labels: Readonly<Record<string, string>>
}

export interface PortBinding {
  readonly containerPort: number
  readonly hostPort: number
  readonly hostIp: string
}

/** A milestone of an image pull: one per layer event worth a log line, never one per byte. */
export interface PullProgress {
  readonly layer: string | undefined
  readonly status: string
}

/**
 * The container runtime the emulator needs (Docker, in the Action). Every method that can wait takes an `AbortSignal`.
 * Failures are thrown as named `GuardError`s (`DockerUnavailableError`, `ImagePullError`, `EmulatorStartError`...).
 */
export interface ContainerRuntime {
  /** Pulls `image` from its registry, whether or not it is present. */
  pullImage(image: string, options: { signal: AbortSignal; onProgress?: (progress: PullProgress) => void }): Promise<void>
  /**
   * Creates and starts a container; resolves with its id once it runs. Throws `ImageMissingError` when the image is
   * not on the machine, so a caller that may pull tries the start first and pulls only then (one round trip fewer).
   */
  start(spec: ContainerSpec, signal: AbortSignal): Promise<{ id: string }>
  /** Resolves with the exit code when the container stops (rejects with an `AbortError` when `signal` aborts). */
  waitForExit(id: string, signal: AbortSignal): Promise<{ exitCode: number }>
  /**
   * Calls `onLine` for every line the container prints, from its start, as it prints it; resolves when the output
   * ends (the container stopped) or `signal` aborts.
   */
  followLogs(id: string, options: { signal: AbortSignal; onLine: (line: string) => void }): Promise<void>
  /** The last `lines` lines of the container's output (stdout and stderr interleaved); empty when it is gone. */
  logTail(id: string, lines: number): Promise<string[]>
  /** Stops and removes the container; `isRemoved` is false when it did not exist. */
  remove(id: string): Promise<{ isRemoved: boolean }>
}

/** An optional ability: checks that a host port is free before a container needs it. */
export interface PortProbe {
  isPortFree(port: number, host?: string): Promise<boolean>
}

/** The answer of an HTTP GET that expects JSON; `body` is undefined when the body was not JSON. */
export interface JsonResponse {
  readonly status: number
  readonly body: unknown
}

/** Plain HTTP, for the emulator's own endpoints. Network failures reject; HTTP statuses resolve. */
export interface Http {
  getJson(url: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<JsonResponse>
}

/** Webhook deliveries already taken: GitHub redelivers with the same `X-GitHub-Delivery` (docs/facts.md §5). */
export interface DeliveryLedger {
  /** True the first time an id is claimed, false for every later claim. */
  claimDelivery(deliveryId: string): Promise<boolean>
}

/** Commits already scanned, per repository: a repeated push, a tag or a branch of scanned commits costs nothing. */
export interface ScanLedger {
  /** The subset of `shas` already scanned in the repository. */
  scannedAmong(repositoryId: number, shas: readonly string[]): Promise<Set<string>>
  markScanned(repositoryId: number, shas: readonly string[]): Promise<void>
}

/** Incidents, one per leaked token per installation (the type lives in `src/incidents/incident.ts`). */
export interface IncidentStore<TIncident> {
  findIncident(installationId: number, fingerprint: string): Promise<TIncident | undefined>
  saveIncident(incident: TIncident): Promise<void>
}

/** Small per-key records the bot keeps: the migration issue of a repository, a cached configuration. */
export interface RecordStore {
  getRecord<T>(namespace: string, key: string): Promise<T | undefined>
  putRecord(namespace: string, key: string, value: unknown): Promise<void>
}

/** A durable job queue: jobs survive a restart, are retried with backoff, and run one at a time per `group`. */
export interface JobQueue<TJob> {
  enqueue(job: TJob, options: { group: string }): Promise<void>
  /** Starts the workers; `run` throws to ask for a retry. */
  start(run: (job: TJob) => Promise<void>): void
  /** Stops taking jobs and waits for the running ones (bounded by `timeoutMs`). */
  stop(timeoutMs: number): Promise<void>
}

/** Mutual exclusion by key, across everything that shares the state (one process, or every replica). */
export interface LockService {
  /** Runs `work` while holding the lock for `key`; waits (bounded by the implementation) while another holder has it. */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>
}
