import { HttpError, notFound } from '../http/http-error.js'
import { requireRepo, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { isoSeconds } from '../representations/commit-json.js'
import { paginate } from './paging.js'

const READ_SECRETS = { name: 'secrets', level: 'read' } as const

function publicKey(context: RouteContext): RouteResult {
  const { secrets } = requireRepo(context)
  return { status: 200, body: { key_id: secrets.keyId, key: secrets.publicKeyBase64 } }
}

function listSecrets(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const all = [...repo.secrets.secrets.values()]
  const page = paginate(all, context, { defaultPerPage: 30, maxPerPage: 100 })
  const secrets = page.items.map((secret) => ({ name: secret.name, created_at: isoSeconds(secret.createdAt), updated_at: isoSeconds(secret.updatedAt) }))
  return { status: 200, headers: page.headers, body: { total_count: all.length, secrets } }
}

function getSecret(context: RouteContext): RouteResult {
  const secret = requireRepo(context).secrets.secrets.get((context.params['secret_name'] ?? '').toUpperCase())
  if (!secret) throw notFound()
  return { status: 200, body: { name: secret.name, created_at: isoSeconds(secret.createdAt), updated_at: isoSeconds(secret.updatedAt) } }
}

/** The value must be sealed for this repository's key (docs/facts.md §5); the fake opens it to prove that. */
function putSecret(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const body = context.body as { encrypted_value: string; key_id: string }
  if (body.key_id !== repo.secrets.keyId) throw new HttpError(422, `Invalid request.\n\nkey_id ${body.key_id} is not the repository's public key.`)
  const value = repo.secrets.open(body.encrypted_value)
  if (value === undefined) throw new HttpError(422, 'Invalid request.\n\nencrypted_value could not be decrypted with the repository\'s public key.')
  const created = repo.secrets.put(context.params['secret_name'] ?? '', value, context.now)
  return { status: created ? 201 : 204, body: created ? {} : undefined }
}

export const secretRoutes: Route[] = [
  { operation: 'GET /repos/{owner}/{repo}/actions/secrets/public-key', auth: 'installation', permission: READ_SECRETS, handle: publicKey },
  { operation: 'GET /repos/{owner}/{repo}/actions/secrets', auth: 'installation', permission: READ_SECRETS, handle: listSecrets },
  { operation: 'GET /repos/{owner}/{repo}/actions/secrets/{secret_name}', auth: 'installation', permission: READ_SECRETS, handle: getSecret },
  { operation: 'PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', auth: 'installation', permission: { name: 'secrets', level: 'write' }, handle: putSecret },
]
