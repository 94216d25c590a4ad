import { GitRepository } from '../git/git-repository.js'
import { CheckRunStore } from './check-run-store.js'
import { IssueTracker } from './issue-tracker.js'
import type { SecretScanningAlertRecord } from './secret-scanning-alerts.js'
import { SecretStore } from './secret-store.js'

/** The account that owns repositories or installs the app. */
export interface FakeAccount {
  login: string
  id: number
  type: 'User' | 'Organization'
}

/** Options of `createRepository`. */
export interface RepositoryOptions {
  defaultBranch?: string
  private?: boolean
  /** Names of Actions secrets the repository already has (their values are unknown). */
  secrets?: string[]
}

/**
 * One repository of the fake: its git history (`commit`, `forcePush`, `createBranch`, `deleteBranch`, `tag`), plus
 * issues, check runs and Actions secrets as the app leaves them.
 */
export class FakeRepository extends GitRepository {
  readonly issues: IssueTracker
  readonly checkRuns = new CheckRunStore()
  readonly secretScanningAlerts: SecretScanningAlertRecord[] = []
  readonly secrets: SecretStore
  readonly fullName: string
  readonly isPrivate: boolean
  readonly createdAt: Date

  constructor(
    readonly owner: FakeAccount,
    readonly name: string,
    readonly id: number,
    context: { options: RepositoryOptions; now: () => number; nextId: () => number },
  ) {
    super(context.options.defaultBranch ?? 'main', context.now)
    this.fullName = `${owner.login}/${name}`
    this.isPrivate = context.options.private ?? true
    this.createdAt = new Date(context.now())
    this.issues = new IssueTracker(context.nextId)
    this.secrets = new SecretStore(String(context.nextId()))
    for (const secret of context.options.secrets ?? []) this.secrets.put(secret, undefined, this.createdAt)
  }
}
