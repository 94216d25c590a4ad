import { requireRepo, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { nodeId } from '../urls.js'

/** `GET /repos/{owner}/{repo}/git/matching-refs/{ref}`: every ref whose name starts with `refs/<ref>`, sorted by name. */
function matchingRefs(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const prefix = `refs/${context.params['ref'] ?? ''}`
  const api = context.world.urls.repoApi(repo.fullName)
  const refs = [...repo.refs]
    .filter(([name]) => name.startsWith(prefix))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ref, sha]) => ({ ref, node_id: nodeId('Ref', ref), url: `${api}/git/${ref}`, object: { sha, type: 'commit', url: `${api}/git/commits/${sha}` } }))
  return { status: 200, body: refs }
}

export const matchingRefRoutes: Route[] = [
  { operation: 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}', auth: 'installation', permission: { name: 'contents', level: 'read' }, handle: matchingRefs },
]
