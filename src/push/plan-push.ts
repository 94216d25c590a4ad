/** The facts of a push event that decide what to scan (a subset of GitHub's push payload, FACTS.md §5). */
export interface PushFacts {
  readonly ref: string
  readonly before: string
  readonly after: string
  readonly created: boolean
  readonly deleted: boolean
  readonly forced: boolean
  readonly defaultBranch: string
  /** The payload's commits (at most 2048), oldest first. */
  readonly commits: readonly PushedCommit[]
}

/** One entry of the payload's `commits`. */
export interface PushedCommit {
  readonly id: string
  readonly added: readonly string[]
  readonly modified: readonly string[]
}

/** What a push costs to scan: nothing, one commit's own diff, or a comparison of two commits. */
export type PushPlan =
  | { readonly kind: 'skip'; readonly reason: 'ref-deleted' | 'already-scanned' | 'no-new-commits' }
  | { readonly kind: 'single-commit'; readonly sha: string }
  | { readonly kind: 'compare'; readonly base: string; readonly head: string }

const NULL_SHA = /^0{40}$/
/** GitHub truncates `commits` at 2048 entries: beyond that the payload cannot tell which commits are new. */
const PAYLOAD_COMMIT_LIMIT = 2048

/**
 * Decides what a push needs, before any API call (issue 4, "getting the pushed content right"):
 * - a deleted ref has nothing to scan;
 * - commits already scanned (the same commits pushed to another branch, a tag on a scanned commit, a redelivered
 *   push) cost nothing;
 * - one new commit is read by its own diff (one call, and it sees a merge's own changes);
 * - a new branch is compared with the default branch, so only its new commits count;
 * - anything else, force pushes included, compares `before...after`: GitHub's three-dot compare starts at the merge
 *   base, so a force push yields only what is new.
 */
export function planPush(push: PushFacts, isScanned: (sha: string) => boolean): PushPlan {
  if (push.deleted || NULL_SHA.test(push.after)) return { kind: 'skip', reason: 'ref-deleted' }
  const isPayloadComplete = push.commits.length < PAYLOAD_COMMIT_LIMIT
  const unscanned = push.commits.filter((commit) => !isScanned(commit.id))
  if (isAlreadyScanned(push, unscanned.length, isScanned)) return { kind: 'skip', reason: 'already-scanned' }
  if (isPayloadComplete && unscanned.length === 1 && unscanned[0]?.id === push.after) return { kind: 'single-commit', sha: push.after }
  const isNewRef = push.created || NULL_SHA.test(push.before)
  if (isNewRef && push.ref === `refs/heads/${push.defaultBranch}`) return { kind: 'single-commit', sha: push.after }
  return { kind: 'compare', base: isNewRef ? push.defaultBranch : push.before, head: push.after }
}

/**
 * Everything is known: every commit the (complete) payload lists was scanned, or the head itself was (it is marked
 * only after a complete scan, so everything new up to it was read then).
 */
function isAlreadyScanned(push: PushFacts, unscannedCount: number, isScanned: (sha: string) => boolean): boolean {
  if (unscannedCount > 0) return false
  if (push.commits.length > 0 && push.commits.length < PAYLOAD_COMMIT_LIMIT) return true
  return isScanned(push.after)
}
