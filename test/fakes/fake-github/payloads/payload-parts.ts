import { repositoryJson } from '../representations/repository-json.js'
import { userByLogin, userJson, type UserRef } from '../representations/user-json.js'
import type { FakeRepository } from '../state/fake-repository.js'
import type { World } from '../state/world.js'
import { nodeId } from '../urls.js'

/** The `repository` of a webhook payload; push payloads carry times as Unix seconds and the owner's name and email. */
export function payloadRepository(world: World, repo: FakeRepository, style: 'push' | 'event'): Record<string, unknown> {
  const json = repositoryJson(world.urls, repo)
  if (style === 'event') return json
  const seconds = Math.floor(repo.createdAt.getTime() / 1000)
  return {
    ...json,
    owner: { name: repo.owner.login, email: null, ...(json['owner'] as Record<string, unknown>) },
    created_at: seconds,
    pushed_at: Math.floor(world.now() / 1000),
    stargazers: 0,
    master_branch: repo.defaultBranch,
    custom_properties: {},
  }
}

/** `sender`: who caused the event (default: the repository owner's `octocat`-style login). */
export function payloadSender(world: World, login: string | undefined): Record<string, unknown> {
  const user: UserRef = userByLogin(login ?? 'octocat')
  return userJson(world.urls, user)
}

/** The short `installation` object of repository events: `{id, node_id}`. */
export function payloadInstallation(world: World, repo: FakeRepository): Record<string, unknown> {
  const installation = world.installationFor(repo)
  if (!installation) throw new Error(`fake GitHub: ${repo.fullName} is in no installation; call addInstallation first`)
  return { id: installation.id, node_id: nodeId('IntegrationInstallation', installation.id) }
}
