import type { KeyObject } from 'node:crypto'
import type { PatchLimits } from '../git/patch.js'
import type { UserRef } from '../representations/user-json.js'
import type { GitHubUrls } from '../urls.js'
import type { FakeAccount, FakeRepository } from './fake-repository.js'
import { Faults } from './faults.js'
import { AppRegistrations, type RegisteredApp } from './app-registration.js'
import { HookDeliveries } from './hook-deliveries.js'

/** An installation permission level; `write` implies `read`. */
export type PermissionLevel = 'read' | 'write' | 'admin'

/** What the app was granted on install (docs/facts.md §5 table); tests narrow it to check the app asks for enough. */
export const DEFAULT_PERMISSIONS: Readonly<Record<string, PermissionLevel>> = {
  metadata: 'read',
  contents: 'read',
  checks: 'write',
  issues: 'write',
  secrets: 'read',
  secret_scanning_alerts: 'read',
}

export interface InstallationRecord {
  id: number
  account: FakeAccount
  /** Lower-case full names of the repositories the installation can reach. */
  repositories: Set<string>
  repositorySelection: 'all' | 'selected'
  permissions: Record<string, PermissionLevel>
  events: string[]
  createdAt: Date
}

export interface TokenRecord {
  installationId: number
  expiresAt: Date
}

/** The app the fake believes it is talking to. */
export interface AppInfo {
  id: number
  slug: string
  name: string
  owner: FakeAccount
  /** `<slug>[bot]`: the author of everything the app writes. */
  botUser: UserRef
}

/** Everything the fake knows: repositories, installations, issued tokens, and the settings routes need. */
export class World {
  readonly repositories = new Map<string, FakeRepository>()
  readonly installations = new Map<number, InstallationRecord>()
  readonly tokens = new Map<string, TokenRecord>()
  private lastId = 5_000_000
  /** The app's webhook: what was delivered, and where to (see `FakeGitHub.setWebhook`). */
  /** Injected 5xx answers (`FakeGitHub.injectFault`). */
  readonly faults = new Faults()
  readonly hookDeliveries = new HookDeliveries({ nextId: () => this.nextId(), now: () => this.now() })
  /** Manifests submitted on the registration page, waiting for their code's conversion (`registerApp`). */
  readonly registrations = new AppRegistrations({ now: () => this.now(), nextAppId: () => this.nextId() })
  /** The app registered through the manifest flow, once converted: later installations get its permissions and events. */
  registeredApp: RegisteredApp | undefined

  constructor(
    readonly urls: GitHubUrls,
    /** Replaced when the manifest flow registers a new app (`registerApp`). */
    public app: AppInfo,
    /** The key app JWTs must verify with; undefined accepts any signature (tests that do not check it). */
    public appKey: KeyObject | undefined,
    readonly patchLimits: PatchLimits,
    readonly now: () => number,
  ) {}

  /**
   * Makes a converted manifest the app this fake serves: its id and key sign the JWTs from now on, and webhooks go to
   * its hook URL signed with its new secret, as on GitHub right after "Create GitHub App".
   */
  registerApp(app: RegisteredApp, owner: FakeAccount): void {
    this.registeredApp = app
    this.app = { id: app.id, slug: app.slug, name: app.name, owner, botUser: { login: `${app.slug}[bot]`, id: app.id + 100_000, type: 'Bot' } }
    this.appKey = app.publicKey
    this.hookDeliveries.target = app.hookUrl === undefined ? undefined : { url: app.hookUrl, secret: app.webhookSecret }
  }

  /** Ids unique across the fake (issues, comments, check runs, labels share one sequence, as GitHub's are unique). */
  nextId(): number {
    this.lastId += 1
    return this.lastId
  }

  repository(owner: string, name: string): FakeRepository | undefined {
    return this.repositories.get(`${owner}/${name}`.toLowerCase())
  }

  /** The installation that covers a repository, if the app is installed on it. */
  installationFor(repo: FakeRepository): InstallationRecord | undefined {
    const key = repo.fullName.toLowerCase()
    return [...this.installations.values()].find((installation) => installation.repositories.has(key))
  }
}
