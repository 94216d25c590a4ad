import { issueInstallationToken } from '../auth/issue-installation-token.js'
import { notFound } from '../http/http-error.js'
import { requireRepo, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { appJson, installationJson } from '../representations/installation-json.js'
import { repositoryJson } from '../representations/repository-json.js'
import type { InstallationRecord } from '../state/world.js'
import { paginate } from './paging.js'

function requireInstallation(context: RouteContext): InstallationRecord {
  const installation = context.world.installations.get(Number(context.params['installation_id']))
  if (!installation) throw notFound()
  return installation
}

function createAccessToken(context: RouteContext): RouteResult {
  const installation = requireInstallation(context)
  const { token, expiresAt } = issueInstallationToken(context.world, installation.id)
  return {
    status: 201,
    body: {
      token,
      expires_at: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      permissions: installation.permissions,
      repository_selection: installation.repositorySelection,
    },
  }
}

function repositoryInstallation(context: RouteContext): RouteResult {
  const installation = context.world.installationFor(requireRepo(context))
  if (!installation) throw notFound()
  return { status: 200, body: installationJson(context.world, installation) }
}

/** The repositories the calling installation can reach, as `GET /installation/repositories` pages them. */
function installationRepositories(context: RouteContext): RouteResult {
  const installation = context.installation
  if (!installation) throw notFound()
  const repos = [...installation.repositories].flatMap((name) => {
    const repo = context.world.repositories.get(name)
    return repo ? [repo] : []
  })
  const page = paginate(repos, context, { defaultPerPage: 30, maxPerPage: 100 })
  return {
    status: 200,
    headers: page.headers,
    body: {
      total_count: repos.length,
      repository_selection: installation.repositorySelection,
      repositories: page.items.map((repo) => repositoryJson(context.world.urls, repo)),
    },
  }
}

export const appRoutes: Route[] = [
  { operation: 'GET /app', auth: 'app', handle: (context) => ({ status: 200, body: appJson(context.world) }) },
  { operation: 'GET /app/installations', auth: 'app', handle: (context) => ({ status: 200, body: [...context.world.installations.values()].map((installation) => installationJson(context.world, installation)) }) },
  { operation: 'GET /app/installations/{installation_id}', auth: 'app', handle: (context) => ({ status: 200, body: installationJson(context.world, requireInstallation(context)) }) },
  { operation: 'POST /app/installations/{installation_id}/access_tokens', auth: 'app', handle: createAccessToken },
  { operation: 'GET /repos/{owner}/{repo}/installation', auth: 'app', handle: repositoryInstallation },
  { operation: 'GET /installation/repositories', auth: 'installation', handle: installationRepositories },
  { operation: 'GET /repos/{owner}/{repo}', auth: 'installation', permission: { name: 'metadata', level: 'read' }, handle: (context) => ({ status: 200, body: repositoryJson(context.world.urls, requireRepo(context)) }) },
]
