import { HttpError, notFound } from '../http/http-error.js'
import { requireRepo, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { isoSeconds } from '../representations/commit-json.js'
import { userByLogin } from '../representations/user-json.js'
import { leakResponseState } from '../state/leak-response-state.js'
import type { SecretStore } from '../state/secret-store.js'

const SECRETS_READ = { name: 'secrets', level: 'read' } as const
const SECRETS_WRITE = { name: 'secrets', level: 'write' } as const
const ORG_SECRETS_READ = { name: 'organization_secrets', level: 'read' } as const
const ORG_SECRETS_WRITE = { name: 'organization_secrets', level: 'write' } as const

function collaboratorPermission(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const login = context.params['username'] ?? ''
  const role = leakResponseState(context.world).roles.get(`${repo.fullName.toLowerCase()}\u0000${login.toLowerCase()}`)
  // GitHub answers 404 for a user who is not a collaborator; `permission` folds maintain and triage into write and read.
  if (role === undefined) throw notFound()
  const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role
  return { status: 200, body: { permission, role_name: role, user: { ...userByLogin(login), login } } }
}

function teamMembership(context: RouteContext): RouteResult {
  const key = `${(context.params['org'] ?? '').toLowerCase()}/${(context.params['team_slug'] ?? '').toLowerCase()}`
  if (!leakResponseState(context.world).teams.get(key)?.has((context.params['username'] ?? '').toLowerCase())) throw notFound()
  return { status: 200, body: { url: `${context.world.urls.api}${context.path}`, role: 'member', state: 'active' } }
}

function secretJson(store: SecretStore, name: string): RouteResult {
  const secret = store.secrets.get(name.toUpperCase())
  if (!secret) throw notFound()
  return { status: 200, body: { name: secret.name, created_at: isoSeconds(secret.createdAt), updated_at: isoSeconds(secret.updatedAt) } }
}

/** Opens the sealed value with the store's key, as GitHub would: a value sealed for another key is refused. */
function putSealed(store: SecretStore, context: RouteContext): boolean {
  const body = context.body as { encrypted_value: string; key_id: string }
  if (body.key_id !== store.keyId) throw new HttpError(422, `Invalid request.\n\nkey_id ${body.key_id} is not this scope's public key.`)
  const value = store.open(body.encrypted_value)
  if (value === undefined) throw new HttpError(422, "Invalid request.\n\nencrypted_value could not be decrypted with this scope's public key.")
  return store.put(context.params['secret_name'] ?? '', value, context.now)
}

function environmentStore(context: RouteContext): SecretStore {
  return leakResponseState(context.world).environment(requireRepo(context).fullName, context.params['environment_name'] ?? '')
}

function organization(context: RouteContext) {
  const org = context.params['org'] ?? ''
  if (context.installation?.account.login.toLowerCase() !== org.toLowerCase()) throw notFound()
  return leakResponseState(context.world).organization(org)
}

function orgSecret(context: RouteContext): RouteResult {
  const secrets = organization(context)
  const name = (context.params['secret_name'] ?? '').toUpperCase()
  const base = secretJson(secrets.store, name)
  return { status: 200, body: { ...(base.body as object), visibility: secrets.visibility.get(name)?.visibility ?? 'private' } }
}

function putOrgSecret(context: RouteContext): RouteResult {
  const secrets = organization(context)
  const body = context.body as { visibility?: 'all' | 'private' | 'selected'; selected_repository_ids?: number[] }
  if (body.visibility === undefined) throw new HttpError(422, 'Invalid request.\n\n"visibility" wasn\'t supplied.')
  const created = putSealed(secrets.store, context)
  secrets.visibility.set((context.params['secret_name'] ?? '').toUpperCase(), { visibility: body.visibility, selectedRepositoryIds: body.selected_repository_ids ?? [] })
  return { status: created ? 201 : 204, body: created ? {} : undefined }
}

function selectedRepositories(context: RouteContext): RouteResult {
  const entry = organization(context).visibility.get((context.params['secret_name'] ?? '').toUpperCase())
  if (entry === undefined) throw notFound()
  const repositories = [...context.world.repositories.values()].filter((r) => entry.selectedRepositoryIds.includes(r.id)).map((r) => ({ id: r.id, name: r.name, full_name: r.fullName }))
  return { status: 200, body: { total_count: repositories.length, repositories } }
}

/** Rights, teams, environment and organisation secrets: what the leak response reads and writes. */
export const leakResponseRoutes: Route[] = [
  { operation: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission', auth: 'installation', handle: collaboratorPermission },
  { operation: 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}', auth: 'installation', permission: { name: 'members', level: 'read' }, handle: teamMembership },
  { operation: 'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key', auth: 'installation', permission: SECRETS_READ, handle: (c) => ({ status: 200, body: { key_id: environmentStore(c).keyId, key: environmentStore(c).publicKeyBase64 } }) },
  { operation: 'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', auth: 'installation', permission: SECRETS_READ, handle: (c) => secretJson(environmentStore(c), c.params['secret_name'] ?? '') },
  {
    operation: 'PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}',
    auth: 'installation',
    permission: SECRETS_WRITE,
    handle: (c) => {
      const created = putSealed(environmentStore(c), c)
      return { status: created ? 201 : 204, body: created ? {} : undefined }
    },
  },
  { operation: 'GET /orgs/{org}/actions/secrets/public-key', auth: 'installation', permission: ORG_SECRETS_READ, handle: (c) => ({ status: 200, body: { key_id: organization(c).store.keyId, key: organization(c).store.publicKeyBase64 } }) },
  { operation: 'GET /orgs/{org}/actions/secrets/{secret_name}', auth: 'installation', permission: ORG_SECRETS_READ, handle: orgSecret },
  { operation: 'PUT /orgs/{org}/actions/secrets/{secret_name}', auth: 'installation', permission: ORG_SECRETS_WRITE, handle: putOrgSecret },
  { operation: 'GET /orgs/{org}/actions/secrets/{secret_name}/repositories', auth: 'installation', permission: ORG_SECRETS_READ, handle: selectedRepositories },
]
