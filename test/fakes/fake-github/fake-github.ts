import type { Server } from 'node:http'
import type { Recorder } from './http/recorder.js'
import { shutdown } from './http/serve.js'
import { checkRunRerequestedPayload } from './payloads/check-run-rerequested-payload.js'
import { installationPayload, installationRepositoriesPayload } from './payloads/installation-payloads.js'
import { pushPayload, type PushOptions } from './payloads/push-payload.js'
import { secretScanningAlertPayload, type SecretScanningAlertOptions } from './payloads/secret-scanning-alert-payload.js'
import { userByLogin } from './representations/user-json.js'
import type { CheckRunRecord } from './state/check-run-store.js'
import { FakeRepository, type FakeAccount, type RepositoryOptions } from './state/fake-repository.js'
import type { RegisteredApp } from './state/app-registration.js'
import type { FaultSpec } from './state/faults.js'
import type { HookDeliveryRecord } from './state/hook-deliveries.js'
import type { IssueRecord } from './state/issue-tracker.js'
import { leakResponseState, type LeakResponseState } from './state/leak-response-state.js'
import { createInstallation, type InstallationOptions } from './state/create-installation.js'
import type { InstallationRecord, World } from './state/world.js'

export type { InstallationOptions } from './state/create-installation.js'

/**
 * A running fake GitHub (start it with `startFakeGitHub`). Build the world with `createRepository`,
 * `addInstallation` and the repositories' `commit`/`forcePush`/`createBranch`/`deleteBranch`/`tag`; build webhook
 * payloads from it; assert on `requests`, `violations`, `refusals`, `issues()` and `checkRuns()`.
 */
export class FakeGitHub {
  /** `http://127.0.0.1:PORT`: Octokit's `baseUrl` is this plus `/api/v3`. */
  readonly baseUrl: string
  /** `127.0.0.1:PORT`, for Probot's `GHE_HOST` (with `GHE_PROTOCOL=http`). */
  readonly host: string
  /** `http://127.0.0.1:PORT/api/v3`. */
  readonly apiUrl: string

  constructor(
    private readonly world: World,
    private readonly recorder: Recorder,
    private readonly server: Server,
  ) {
    this.baseUrl = world.urls.baseUrl
    this.apiUrl = world.urls.api
    this.host = new URL(this.baseUrl).host
  }

  /** Every request answered, in order (method, path, query, status, raw body, installation). */
  get requests(): Recorder['requests'] {
    return this.recorder.requests
  }

  /** Requests GitHub would not accept: unknown endpoints, schema failures, bad credentials, missing permissions. */
  get violations(): Recorder['violations'] {
    return this.recorder.violations
  }

  /** Requests refused by a GitHub limit: primary/secondary/concurrency rate limits, 51 annotations, 65535 characters. */
  get refusals(): Recorder['refusals'] {
    return this.recorder.refusals
  }

  /** Creates `owner/name` with an empty history (commit to it to create the default branch). */
  createRepository(fullName: string, options: RepositoryOptions & { ownerType?: FakeAccount['type'] } = {}): FakeRepository {
    const [login, name] = fullName.split('/') as [string, string]
    if (name === undefined || this.world.repositories.has(fullName.toLowerCase())) throw new Error(`fake GitHub: bad or duplicate repository ${fullName}`)
    const owner: FakeAccount = { ...userByLogin(login), type: options.ownerType ?? 'Organization' }
    const repo = new FakeRepository(owner, name, this.world.nextId(), { options, now: this.world.now, nextId: () => this.world.nextId() })
    this.world.repositories.set(fullName.toLowerCase(), repo)
    for (const installation of this.world.installations.values()) {
      if (installation.repositorySelection === 'all' && installation.account.login.toLowerCase() === login.toLowerCase()) installation.repositories.add(fullName.toLowerCase())
    }
    return repo
  }

  /** A repository by `owner/name`. */
  repository(fullName: string): FakeRepository {
    const repo = this.world.repositories.get(fullName.toLowerCase())
    if (!repo) throw new Error(`fake GitHub: no repository ${fullName}`)
    return repo
  }

  addInstallation(options: InstallationOptions): InstallationRecord {
    return createInstallation(this.world, options)
  }

  /** Adds repositories to an installation and returns the `installation_repositories.added` payload. */
  addRepositoriesToInstallation(installationId: number, repos: FakeRepository[]): Record<string, unknown> {
    const installation = this.installation(installationId)
    for (const repo of repos) installation.repositories.add(repo.fullName.toLowerCase())
    return installationRepositoriesPayload(this.world, installation, { added: repos })
  }

  installation(id: number): InstallationRecord {
    const installation = this.world.installations.get(id)
    if (!installation) throw new Error(`fake GitHub: no installation ${id}`)
    return installation
  }

  /** Issues and pull requests the app opened in a repository, in number order. */
  issues(repo: FakeRepository | string): IssueRecord[] {
    return this.resolve(repo).issues.issues.filter((issue) => issue.pull === undefined)
  }

  pullRequests(repo: FakeRepository | string): IssueRecord[] {
    return this.resolve(repo).issues.issues.filter((issue) => issue.pull !== undefined)
  }

  checkRuns(repo: FakeRepository | string): CheckRunRecord[] {
    return this.resolve(repo).checkRuns.runs
  }

  /** A `push` payload for what the model now holds (make the commits and move the ref first). */
  pushPayload(repo: FakeRepository | string, options: PushOptions): Record<string, unknown> {
    return pushPayload(this.world, this.resolve(repo), options)
  }

  installationPayload(installationId: number, options: { action?: string; sender?: string } = {}): Record<string, unknown> {
    return installationPayload(this.world, this.installation(installationId), options)
  }

  installationRepositoriesPayload(installationId: number, change: { added?: FakeRepository[]; removed?: FakeRepository[] }): Record<string, unknown> {
    return installationRepositoriesPayload(this.world, this.installation(installationId), change)
  }

  /** Registers a GitHub secret scanning alert on the repository and returns its webhook payload. */
  secretScanningAlertPayload(repo: FakeRepository | string, options: SecretScanningAlertOptions): Record<string, unknown> {
    return secretScanningAlertPayload(this.world, this.resolve(repo), options)
  }

  checkRunRerequestedPayload(repo: FakeRepository | string, checkRunId: number, options: { sender?: string } = {}): Record<string, unknown> {
    const resolved = this.resolve(repo)
    const run = resolved.checkRuns.find(checkRunId)
    if (!run) throw new Error(`fake GitHub: no check run ${checkRunId} in ${resolved.fullName}`)
    return checkRunRerequestedPayload(this.world, resolved, run, options)
  }

  /** Collaborator roles, team members, environment and organisation secrets (the leak response's state). */
  leakResponse(): LeakResponseState {
    return leakResponseState(this.world)
  }

  /** Answers matching requests with a 5xx instead (GitHub having a bad day); returns a function that lifts it. */
  injectFault(spec: FaultSpec): () => void {
    return this.world.faults.add(spec)
  }

  /** Where GitHub delivers the app's webhooks (`deliverWebhook`, redeliveries), signed with `secret`. */
  setWebhook(target: { url: string; secret: string } | undefined): void {
    this.world.hookDeliveries.target = target
  }

  /** Delivers a webhook as GitHub does (POST, signed, recorded with its outcome in `hookDeliveries`). */
  deliverWebhook(event: string, payload: Record<string, unknown>, options: { guid?: string } = {}): Promise<HookDeliveryRecord> {
    return this.world.hookDeliveries.deliver(event, payload, options)
  }

  /** Every delivery attempt, oldest first (redeliveries included, with the original's guid). */
  get hookDeliveries(): readonly HookDeliveryRecord[] {
    return this.world.hookDeliveries.records
  }

  /** The app registered through the manifest flow (registration page, then the code's conversion), once converted. */
  get registeredApp(): RegisteredApp | undefined {
    return this.world.registeredApp
  }

  /** Stops listening and drops kept-alive connections. */
  async close(): Promise<void> {
    await shutdown(this.server)
  }

  private resolve(repo: FakeRepository | string): FakeRepository {
    return typeof repo === 'string' ? this.repository(repo) : repo
  }
}
