import { notFound, validationFailed } from '../http/http-error.js'
import { requireRepo, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { labelJson } from '../representations/issue-json.js'
import { paginate } from './paging.js'

function createLabel(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const body = context.body as { name: string; color?: string; description?: string }
  if (repo.issues.label(body.name)) throw validationFailed('Label', 'already_exists', 'name')
  const label = repo.issues.ensureLabel(body.name, (body.color ?? 'ededed').replace(/^#/, ''), body.description ?? null)
  return { status: 201, body: labelJson(context.world.urls, repo, label) }
}

function getLabel(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const label = repo.issues.label(context.params['name'] ?? '')
  if (!label) throw notFound()
  return { status: 200, body: labelJson(context.world.urls, repo, label) }
}

function listLabels(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const page = paginate([...repo.issues.labels.values()], context, { defaultPerPage: 30, maxPerPage: 100 })
  return { status: 200, headers: page.headers, body: page.items.map((label) => labelJson(context.world.urls, repo, label)) }
}

export const labelRoutes: Route[] = [
  { operation: 'POST /repos/{owner}/{repo}/labels', auth: 'installation', permission: { name: 'issues', level: 'write' }, createsContent: true, handle: createLabel },
  { operation: 'GET /repos/{owner}/{repo}/labels/{name}', auth: 'installation', permission: { name: 'issues', level: 'read' }, handle: getLabel },
  { operation: 'GET /repos/{owner}/{repo}/labels', auth: 'installation', permission: { name: 'issues', level: 'read' }, handle: listLabels },
]
