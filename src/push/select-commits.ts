/** A commit of a compare response: its sha and how many parents it has. */
export interface ComparedCommit {
  readonly sha: string
  readonly parentCount: number
}

/** What a compare response left out: files past 300, commits past 250 (FACTS.md §5). */
export interface CompareLimits {
  readonly isFileListTruncated: boolean
  readonly isCommitListTruncated: boolean
}

/** Which diffs to read after a compare: the net diff, and the commits whose own diff must be read as well. */
export interface DiffSelection {
  readonly useNetDiff: boolean
  readonly perCommit: readonly string[]
}

/**
 * The net diff of `base...head` shows each file as it ends up, so a token added in one commit and removed in the
 * next is invisible there, and so is a merge's conflict resolution undone later. A file touched by one commit only
 * is fully seen in the net diff; every commit that touches a file also touched by another commit in the push, and
 * every merge commit, is read on its own. When the compare is truncated, every new commit is read on its own.
 */
export function selectCommits(
  commits: readonly ComparedCommit[],
  touchedFiles: ReadonlyMap<string, readonly string[]>,
  limits: CompareLimits,
): DiffSelection {
  if (limits.isFileListTruncated || limits.isCommitListTruncated) return { useNetDiff: false, perCommit: commits.map((c) => c.sha) }
  const touchCount = new Map<string, number>()
  for (const commit of commits) for (const file of touchedFiles.get(commit.sha) ?? []) touchCount.set(file, (touchCount.get(file) ?? 0) + 1)
  const perCommit = commits
    .filter((commit) => {
      if (commit.parentCount > 1) return true
      const files = touchedFiles.get(commit.sha)
      // A commit the payload does not describe (past its 2048 entries) may hide anything: read it.
      if (files === undefined) return commits.length > 1
      return files.some((file) => (touchCount.get(file) ?? 0) > 1)
    })
    .map((commit) => commit.sha)
  return { useNetDiff: true, perCommit }
}
