/** A commit of a compare response: its sha and how many parents it has. */
export interface ComparedCommit {
  readonly sha: string
  readonly parentCount: number
}

/** What a compare response left out: files past 300, commits past 250. */
export interface CompareLimits {
  readonly isFileListTruncated: boolean
  readonly isCommitListTruncated: boolean
}

/** Which diffs to read after a compare: the net diff, and the commits whose own diff must be read as well. */
export interface DiffSelection {
  readonly useNetDiff: boolean
  readonly perCommit: readonly string[]
}

/** What is known about the commits of the compared range. */
export interface RangeFacts {
  /** Paths each commit changed against its first parent (added, modified, removed; a rename is both): the payload. */
  readonly touchedFiles: ReadonlyMap<string, readonly string[]>
  readonly isScanned: (sha: string) => boolean
  readonly limits: CompareLimits
}

/**
 * The net diff of `base...head` shows each path as it ends up, so it stands in for a commit's own diff only where that
 * is provable: in a range without merges, a path changed by exactly one commit ends up as that commit left it, and
 * starts as its parent had it. Everything else is read commit by commit:
 * - a path changed by two commits (a token added then replaced, a file added then deleted or renamed away): both;
 * - a merge anywhere in the range: a side branch's change can be undone by the merge without the merge listing the
 *   path (payloads list changes against the first parent), so every unscanned commit;
 * - a commit the payload does not describe (a new branch's range holding other branches' commits, a payload cut at
 *   2048): its paths are unknown, so every unscanned commit;
 * - a truncated compare (250 commits, 300 files): every unscanned commit, and the net diff is not used.
 * Commits scanned before are never read again.
 */
export function selectCommits(commits: readonly ComparedCommit[], range: RangeFacts): DiffSelection {
  const unscanned = commits.filter((commit) => !range.isScanned(commit.sha)).map((commit) => commit.sha)
  if (range.limits.isFileListTruncated || range.limits.isCommitListTruncated) return { useNetDiff: false, perCommit: unscanned }
  const hasMerge = commits.some((commit) => commit.parentCount > 1)
  const isDescribed = commits.every((commit) => range.touchedFiles.has(commit.sha))
  if (hasMerge || !isDescribed) return { useNetDiff: false, perCommit: unscanned }
  const touchCount = new Map<string, number>()
  for (const commit of commits) for (const file of new Set(range.touchedFiles.get(commit.sha))) touchCount.set(file, (touchCount.get(file) ?? 0) + 1)
  const perCommit = unscanned.filter((sha) => (range.touchedFiles.get(sha) ?? []).some((file) => (touchCount.get(file) ?? 0) > 1))
  return { useNetDiff: perCommit.length < unscanned.length, perCommit }
}
