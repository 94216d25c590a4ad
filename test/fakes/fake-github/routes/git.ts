import { HttpError, notFound, validationFailed } from '../http/http-error.js'
import { requireRepo, wantsRaw, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { gitCommitJson } from '../representations/commit-json.js'
import type { FakeRepository } from '../state/fake-repository.js'
import { nodeId } from '../urls.js'

const READ_CONTENTS = { name: 'contents', level: 'read' } as const

/** Base64 in lines of 60 characters, as the blobs and contents APIs send it. */
export function githubBase64(content: Buffer): string {
  return (content.toString('base64').match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join('')
}

function treeEntries(repo: FakeRepository, treeSha: string, prefix: string, recursive: boolean): Record<string, unknown>[] {
  const api = `${repo.fullName}`
  return (repo.objects.trees.get(treeSha) ?? []).flatMap((entry) => {
    const path = `${prefix}${entry.name}`
    const isTree = entry.type === 'tree'
    const json = {
      path,
      mode: isTree ? '040000' : '100644',
      type: entry.type,
      sha: entry.sha,
      ...(isTree ? {} : { size: repo.objects.blobs.get(entry.sha)?.length ?? 0 }),
      url: `/repos/${api}/git/${isTree ? 'trees' : 'blobs'}/${entry.sha}`,
    }
    return isTree && recursive ? [json, ...treeEntries(repo, entry.sha, `${path}/`, true)] : [json]
  })
}

function getTree(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const wanted = context.params['tree_sha'] ?? ''
  const treeSha = repo.objects.trees.has(wanted) ? wanted : repo.resolve(wanted)?.treeSha
  if (treeSha === undefined) throw notFound()
  const api = context.world.urls.repoApi(repo.fullName)
  const recursive = context.query.has('recursive')
  const tree = treeEntries(repo, treeSha, '', recursive).map((entry) => ({ ...entry, url: `${context.world.urls.api}${String(entry['url'])}` }))
  return { status: 200, body: { sha: treeSha, url: `${api}/git/trees/${treeSha}`, tree, truncated: false } }
}

function getBlob(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const sha = context.params['file_sha'] ?? ''
  const content = repo.objects.blobs.get(sha)
  if (!content) throw notFound()
  if (wantsRaw(context)) return { status: 200, raw: content }
  const url = `${context.world.urls.repoApi(repo.fullName)}/git/blobs/${sha}`
  return { status: 200, body: { sha, node_id: nodeId('Blob', sha), size: content.length, url, content: githubBase64(content), encoding: 'base64' } }
}

function getGitCommit(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const commit = repo.objects.commit(context.params['commit_sha'] ?? '')
  if (!commit) throw notFound()
  return { status: 200, body: gitCommitJson(context.world.urls, repo, commit) }
}

function refJson(context: RouteContext, repo: FakeRepository, ref: string, sha: string): Record<string, unknown> {
  const api = context.world.urls.repoApi(repo.fullName)
  return { ref, node_id: nodeId('Ref', ref), url: `${api}/git/${ref}`, object: { sha, type: 'commit', url: `${api}/git/commits/${sha}` } }
}

function getRef(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const ref = `refs/${context.params['ref'] ?? ''}`
  const sha = repo.refs.get(ref)
  if (sha === undefined) throw notFound()
  return { status: 200, body: refJson(context, repo, ref, sha) }
}

function createRef(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const { ref, sha } = context.body as { ref: string; sha: string }
  if (!/^refs\/.+\/.+/.test(ref)) throw new HttpError(422, 'Reference name must start with \'refs/\' and have at least two slashes.')
  if (repo.refs.has(ref)) throw new HttpError(422, 'Reference already exists')
  if (!repo.objects.commit(sha)) throw validationFailed('Reference', 'invalid', 'sha', 'Object does not exist')
  repo.refs.set(ref, sha)
  return { status: 201, body: refJson(context, repo, ref, sha) }
}

export const gitRoutes: Route[] = [
  { operation: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', auth: 'installation', permission: READ_CONTENTS, handle: getTree },
  { operation: 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}', auth: 'installation', permission: READ_CONTENTS, handle: getBlob },
  { operation: 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}', auth: 'installation', permission: READ_CONTENTS, handle: getGitCommit },
  { operation: 'GET /repos/{owner}/{repo}/git/ref/{ref}', auth: 'installation', permission: READ_CONTENTS, handle: getRef },
  {
    operation: 'POST /repos/{owner}/{repo}/git/refs',
    auth: 'installation',
    permission: { name: 'contents', level: 'write' },
    handle: createRef,
  },
]
