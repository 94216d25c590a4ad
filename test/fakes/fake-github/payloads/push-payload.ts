import { diffSnapshots } from '../git/diff-snapshots.js'
import { isAncestor, logRange } from '../git/history.js'
import { ZERO_SHA } from '../git/git-repository.js'
import type { CommitRecord } from '../git/object-store.js'
import { isoSeconds } from '../representations/commit-json.js'
import type { FakeRepository } from '../state/fake-repository.js'
import type { World } from '../state/world.js'
import { examplePayload } from './examples.js'
import { payloadInstallation, payloadRepository, payloadSender } from './payload-parts.js'

/** What a push did; everything else is derived from the model (push to the model first, then build the payload). */
export interface PushOptions {
  /** Full ref: `refs/heads/main`, `refs/tags/v1`. */
  ref: string
  /** The old head, or 40 zeros for a new ref. */
  before: string
  /** The new head, or 40 zeros for a deleted ref. */
  after: string
  /** Default: `before` is all zeros. */
  created?: boolean
  /** Default: `after` is all zeros. */
  deleted?: boolean
  /** Default: `before` is not an ancestor of `after`. */
  forced?: boolean
  pusher?: { name: string; email?: string }
  /** Default: `sender` is the pusher's login. */
  sender?: string
}

/** docs/facts.md §5: a push payload lists at most 2048 commits. */
const MAX_PAYLOAD_COMMITS = 2048

function payloadCommit(world: World, repo: FakeRepository, commit: CommitRecord, distinct: boolean): Record<string, unknown> {
  const parent = commit.parents[0] === undefined ? undefined : repo.objects.commit(commit.parents[0])
  const changes = diffSnapshots(parent?.files ?? new Map(), commit.files)
  // Push payloads have no `renamed`: a rename is the new path added and the old one removed.
  const added = changes.filter((change) => change.status === 'added' || change.status === 'renamed').map((change) => change.filename)
  const removed = changes.flatMap((change) => (change.status === 'removed' ? [change.filename] : change.previousFilename === undefined ? [] : [change.previousFilename]))
  const person = (signature: CommitRecord['author']): Record<string, unknown> => ({
    name: signature.name,
    email: signature.email,
    ...(signature.username === undefined ? {} : { username: signature.username }),
  })
  return {
    id: commit.sha,
    tree_id: commit.treeSha,
    distinct,
    message: commit.message,
    timestamp: isoSeconds(commit.committer.date),
    url: `${world.urls.repoHtml(repo.fullName)}/commit/${commit.sha}`,
    author: person(commit.author),
    committer: person(commit.committer),
    added: added.sort(),
    removed: removed.sort(),
    modified: changes.filter((change) => change.status === 'modified').map((change) => change.filename),
  }
}

function compareUrl(html: string, options: { ref: string; before: string; after: string; created: boolean; deleted: boolean }, commitCount: number): string {
  if (options.deleted) return `${html}/compare/${options.before.slice(0, 12)}...${ZERO_SHA.slice(0, 12)}`
  if (options.created) return commitCount === 1 ? `${html}/commit/${options.after}` : `${html}/compare/${options.ref.replace(/^refs\/(heads|tags)\//, '')}`
  return `${html}/compare/${options.before.slice(0, 12)}...${options.after.slice(0, 12)}`
}

/** A `push` payload in the shape of `@octokit/webhooks-examples`, filled from the repository's model. */
function pushFlags(repo: FakeRepository, options: PushOptions): { created: boolean; deleted: boolean; forced: boolean } {
  const created = options.created ?? options.before === ZERO_SHA
  const deleted = options.deleted ?? options.after === ZERO_SHA
  const forced = options.forced ?? (!created && !deleted && !isAncestor(repo.objects, options.before, options.after))
  return { created, deleted, forced }
}

export function pushPayload(world: World, repo: FakeRepository, options: PushOptions): Record<string, unknown> {
  const { created, deleted, forced } = pushFlags(repo, options)
  const known = repo.reachableFromOtherRefs(options.ref)
  const listed = deleted ? [] : logRange(repo.objects, created ? undefined : options.before, options.after)
  // A new ref lists only what no other ref had; every listed commit is `distinct` unless another ref has it.
  const commits = (created ? listed.filter((commit) => !known.has(commit.sha)) : listed).slice(-MAX_PAYLOAD_COMMITS)
  const head = deleted ? undefined : repo.requireCommit(options.after)
  const pusher = options.pusher ?? { name: 'octocat', email: 'octocat@users.noreply.github.com' }
  const payload = examplePayload('push', (example) => example['installation'] !== undefined && example['created'] === true)
  return Object.assign(payload, {
    ref: options.ref,
    before: options.before,
    after: options.after,
    repository: payloadRepository(world, repo, 'push'),
    pusher: { name: pusher.name, email: pusher.email ?? null },
    sender: payloadSender(world, options.sender ?? pusher.name),
    installation: payloadInstallation(world, repo),
    created,
    deleted,
    forced,
    base_ref: null,
    compare: compareUrl(world.urls.repoHtml(repo.fullName), { ...options, created, deleted }, commits.length),
    commits: commits.map((commit) => payloadCommit(world, repo, commit, !known.has(commit.sha))),
    head_commit: head ? payloadCommit(world, repo, head, !known.has(head.sha)) : null,
  })
}
