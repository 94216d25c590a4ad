import { HttpError, notFound, ViolationError } from '../http/http-error.js'
import { requireRepo, wantsRaw, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { gitCommitJson } from '../representations/commit-json.js'
import type { CommitRecord } from '../git/object-store.js'
import type { FakeRepository } from '../state/fake-repository.js'
import type { GitHubUrls } from '../urls.js'
import { githubBase64 } from './git.js'

/** The contents API sends no content for files over 1 MB (`encoding: "none"`); the blobs API must be used. */
const CONTENTS_MAX_BYTES = 1024 * 1024

function entryJson(urls: GitHubUrls, repo: FakeRepository, entry: { path: string; sha: string; type: 'file' | 'dir'; size: number; ref: string }): Record<string, unknown> {
  const api = urls.repoApi(repo.fullName)
  const html = `${urls.repoHtml(repo.fullName)}/${entry.type === 'file' ? 'blob' : 'tree'}/${entry.ref}/${entry.path}`
  const gitUrl = `${api}/git/${entry.type === 'file' ? 'blobs' : 'trees'}/${entry.sha}`
  const self = `${api}/contents/${entry.path}?ref=${entry.ref}`
  return {
    type: entry.type,
    size: entry.size,
    name: entry.path.split('/').pop(),
    path: entry.path,
    sha: entry.sha,
    url: self,
    git_url: gitUrl,
    html_url: html,
    download_url: entry.type === 'file' ? `${urls.baseUrl}/raw/${repo.fullName}/${entry.ref}/${entry.path}` : null,
    _links: { self, git: gitUrl, html },
  }
}

type Entry = { path: string; sha: string; type: 'file' | 'dir'; size: number; ref: string }

function fileContents(context: RouteContext, file: { path: string; blobSha: string; ref: string }): RouteResult {
  const repo = requireRepo(context)
  const content = repo.objects.blobs.get(file.blobSha) ?? Buffer.alloc(0)
  if (wantsRaw(context)) return { status: 200, raw: content }
  const tooLarge = content.length > CONTENTS_MAX_BYTES
  const json = entryJson(context.world.urls, repo, { path: file.path, sha: file.blobSha, type: 'file', size: content.length, ref: file.ref })
  return { status: 200, body: { ...json, content: tooLarge ? '' : githubBase64(content), encoding: tooLarge ? 'none' : 'base64' } }
}

/** A directory's direct children. Sub-directories carry the root tree's sha: the model keeps no per-path tree index. */
function directoryListing(repo: FakeRepository, commit: CommitRecord, dir: { path: string; ref: string }): Entry[] {
  const prefix = dir.path === '' ? '' : `${dir.path}/`
  const children = new Map<string, Entry>()
  for (const [filePath, sha] of commit.files) {
    if (!filePath.startsWith(prefix)) continue
    const rest = filePath.slice(prefix.length)
    const name = rest.split('/')[0] ?? rest
    const isDir = rest.includes('/')
    const size = isDir ? 0 : (repo.objects.blobs.get(sha)?.length ?? 0)
    children.set(name, { path: `${prefix}${name}`, sha: isDir ? commit.treeSha : sha, type: isDir ? 'dir' : 'file', size, ref: dir.ref })
  }
  return [...children.values()]
}

function getContents(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const ref = context.query.get('ref') ?? repo.defaultBranch
  const commit = repo.resolve(ref)
  if (!commit) throw repo.refs.size === 0 ? new HttpError(404, 'This repository is empty.') : new HttpError(404, `No commit found for the ref ${ref}`)
  const path = (context.params['path'] ?? '').replace(/^\/+|\/+$/g, '')
  const blobSha = commit.files.get(path)
  if (blobSha !== undefined) return fileContents(context, { path, blobSha, ref })
  const children = directoryListing(repo, commit, { path, ref })
  if (children.length === 0) throw notFound()
  return { status: 200, body: children.map((child) => entryJson(context.world.urls, repo, child)) }
}

interface PutContentsBody {
  message: string
  content: string
  sha?: string
  branch?: string
}

/** Replacing a file needs its current blob sha, so two writers cannot silently overwrite each other. */
function checkReplacedSha(path: string, existing: string | undefined, given: string | undefined): void {
  if (existing === undefined) return
  if (given === undefined) throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.')
  if (given !== existing) throw new HttpError(409, `${path} does not match ${given}`)
}

/**
 * GitHub refuses an app's change to a workflow file unless the installation has the `workflows` permission (write),
 * whatever its `contents` permission: a workflow runs with the repository's secrets.
 */
function checkWorkflowPermission(context: RouteContext, path: string): void {
  if (!/^\.github\/workflows\//.test(path) || context.installation?.permissions['workflows'] === 'write') return
  throw new ViolationError('missing-permission', 403, `refusing to allow a GitHub App to create or update workflow \`${path}\` without \`workflows\` permission`)
}

function putContents(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const body = context.body as PutContentsBody
  const branch = body.branch ?? repo.defaultBranch
  const path = context.params['path'] ?? ''
  checkWorkflowPermission(context, path)
  const head = repo.head(branch)
  if (head === undefined) throw new HttpError(404, `Branch ${branch} not found`)
  const existing = repo.requireCommit(head).files.get(path)
  checkReplacedSha(path, existing, body.sha)
  const sha = repo.commit({ branch, files: { [path]: Buffer.from(body.content, 'base64') }, message: body.message })
  const commit = repo.requireCommit(sha)
  const blobSha = commit.files.get(path) ?? ''
  const content = entryJson(context.world.urls, repo, { path, sha: blobSha, type: 'file', size: repo.objects.blobs.get(blobSha)?.length ?? 0, ref: branch })
  return { status: existing === undefined ? 201 : 200, body: { content, commit: gitCommitJson(context.world.urls, repo, commit) } }
}

export const contentsRoutes: Route[] = [
  { operation: 'GET /repos/{owner}/{repo}/contents/{path}', auth: 'installation', permission: { name: 'contents', level: 'read' }, handle: getContents },
  {
    operation: 'PUT /repos/{owner}/{repo}/contents/{path}',
    auth: 'installation',
    permission: { name: 'contents', level: 'write' },
    createsContent: true,
    handle: putContents,
  },
]
