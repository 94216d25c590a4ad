import { installationJson } from '../representations/installation-json.js'
import { repositoryRefJson } from '../representations/repository-json.js'
import type { FakeRepository } from '../state/fake-repository.js'
import type { InstallationRecord, World } from '../state/world.js'
import { payloadSender } from './payload-parts.js'

/** Older examples carry Unix seconds here; the published webhook schema says ISO strings, which the fake follows. */
function eventInstallation(world: World, installation: InstallationRecord): Record<string, unknown> {
  return installationJson(world, installation)
}

/** `installation` (`created` by default): the app was installed on these repositories. */
export function installationPayload(world: World, installation: InstallationRecord, options: { action?: string; sender?: string } = {}): Record<string, unknown> {
  const repositories = [...installation.repositories].flatMap((name) => {
    const repo = world.repositories.get(name)
    return repo ? [repositoryRefJson(repo)] : []
  })
  return {
    action: options.action ?? 'created',
    installation: eventInstallation(world, installation),
    repositories,
    requester: null,
    sender: payloadSender(world, options.sender ?? installation.account.login),
  }
}

/** `installation_repositories`: repositories added to (or removed from) an installation. */
export function installationRepositoriesPayload(
  world: World,
  installation: InstallationRecord,
  change: { added?: FakeRepository[]; removed?: FakeRepository[]; sender?: string },
): Record<string, unknown> {
  const added = change.added ?? []
  return {
    action: added.length > 0 ? 'added' : 'removed',
    installation: eventInstallation(world, installation),
    repository_selection: installation.repositorySelection,
    repositories_added: added.map(repositoryRefJson),
    repositories_removed: (change.removed ?? []).map(repositoryRefJson),
    requester: null,
    sender: payloadSender(world, change.sender ?? installation.account.login),
  }
}
