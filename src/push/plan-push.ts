/** The facts of a push event that decide what to scan (a subset of GitHub's push payload). */
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

/** One entry of the payload's `commits`: the paths it changed against its first parent. */
export interface PushedCommit {
  readonly id: string
  readonly added: readonly string[]
  readonly modified: readonly string[]
  /**
   * Removed paths; a rename is listed as the old path removed and the new one added. Absent in jobs queued by a
   * version that did not keep removals: such a commit counts as undescribed, and is read on its own.
   */
  readonly removed?: readonly string[]
}

/** When a comparison has no answer (no common history, or the default branch does not exist yet): read each commit. */
export type CommitSource =
  | { readonly kind: 'commits'; readonly shas: readonly string[] }
  /** The payload was cut at 2048 commits: list the history from `head` through the API, down to scanned commits. */
  | { readonly kind: 'list'; readonly head: string }

/** What a push costs to scan: nothing, some commits' own diffs, a comparison of two commits, or a listed history. */
export type PushPlan =
  | { readonly kind: 'skip'; readonly reason: 'ref-deleted' | 'already-scanned' }
  | { readonly kind: 'commits'; readonly shas: readonly string[] }
  | { readonly kind: 'compare'; readonly base: string; readonly head: string; readonly fallback: CommitSource }
  | { readonly kind: 'list'; readonly head: string }

const NULL_SHA = /^0{40}$/
/** GitHub truncates `commits` at 2048 entries: beyond that the payload cannot tell which commits are new. */
export const PAYLOAD_COMMIT_LIMIT = 2048

/**
 * Decides what a push needs, before any API call. The rule: every commit the push introduces is scanned (see
 * ARCHITECTURE.md, decision 10).
 * - a deleted ref has nothing to scan; commits already scanned (a tag, a second branch, a redelivery) cost nothing;
 * - one unscanned commit is read by its own diff (one call, and it sees a merge's own changes);
 * - a new default branch has no base to compare with (an existing history pushed to an empty repository): each new
 *   commit the payload lists is read on its own, or, past the payload's 2048 entries, the history is listed;
 * - a new branch is compared with the default branch, anything else (force pushes included) with `before`; which
 *   commits the net diff cannot stand in for is decided after the compare (`selectCommits`).
 */
export function planPush(push: PushFacts, isScanned: (sha: string) => boolean): PushPlan {
  if (push.deleted || NULL_SHA.test(push.after)) return { kind: 'skip', reason: 'ref-deleted' }
  const isPayloadComplete = push.commits.length < PAYLOAD_COMMIT_LIMIT
  const unscanned = push.commits.filter((commit) => !isScanned(commit.id)).map((commit) => commit.id)
  if (isAlreadyScanned(push, unscanned.length, isScanned)) return { kind: 'skip', reason: 'already-scanned' }
  // An empty payload with an unscanned head (a tag or branch on a commit pushed before the app was installed): the head.
  const newShas = unscanned.length > 0 ? unscanned : [push.after]
  const eachCommit: CommitSource = isPayloadComplete ? { kind: 'commits', shas: newShas } : { kind: 'list', head: push.after }
  if (isPayloadComplete && unscanned.length === 1) return eachCommit
  const isNewRef = push.created || NULL_SHA.test(push.before)
  if (isNewRef && push.ref === `refs/heads/${push.defaultBranch}`) return eachCommit
  return { kind: 'compare', base: isNewRef ? push.defaultBranch : push.before, head: push.after, fallback: eachCommit }
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
