import { userByLogin } from '../representations/user-json.js'
import type { FakeAccount, FakeRepository } from './fake-repository.js'
import { DEFAULT_PERMISSIONS, type InstallationRecord, type PermissionLevel, type World } from './world.js'

/** What installing the app takes (`FakeGitHub.addInstallation`, or the install page of a registered app). */
export interface InstallationOptions {
  id: number
  /** The account's login (an organisation unless `accountType` says otherwise). */
  account: string
  accountType?: FakeAccount['type']
  /** The repositories it can reach (objects or `owner/name`), or `all` of the account's, present and future. */
  repositories: (FakeRepository | string)[] | 'all'
  /** Default `DEFAULT_PERMISSIONS`: contents/metadata read, checks/issues write, secrets read, secret scanning read. */
  permissions?: Record<string, PermissionLevel>
  events?: string[]
}

/** Records an installation of the app on an account, as GitHub does when someone installs it. */
export function createInstallation(world: World, options: InstallationOptions): InstallationRecord {
  const account: FakeAccount = { ...userByLogin(options.account), type: options.accountType ?? 'Organization' }
  const all = options.repositories === 'all'
  const names = all
    ? [...world.repositories.values()].filter((repo) => repo.owner.login.toLowerCase() === account.login.toLowerCase()).map((repo) => repo.fullName)
    : (options.repositories as (FakeRepository | string)[]).map((repo) => (typeof repo === 'string' ? repo : repo.fullName))
  const installation: InstallationRecord = {
    id: options.id,
    account,
    repositories: new Set(names.map((name) => name.toLowerCase())),
    repositorySelection: all ? 'all' : 'selected',
    permissions: { ...(options.permissions ?? DEFAULT_PERMISSIONS) },
    events: options.events ?? ['push', 'check_run', 'secret_scanning_alert'],
    createdAt: new Date(world.now()),
  }
  world.installations.set(options.id, installation)
  return installation
}
