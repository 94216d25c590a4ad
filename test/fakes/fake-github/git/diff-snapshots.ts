/** How one path differs between two snapshots, as the compare and commit APIs classify it. */
export interface FileChange {
  filename: string
  status: 'added' | 'removed' | 'modified' | 'renamed'
  /** The blob before (absent for an added file). */
  oldSha?: string
  /** The blob after (absent for a removed file). */
  newSha?: string
  previousFilename?: string
}

/**
 * The changed paths from `before` to `after`, sorted by name. A removed path whose exact blob reappears under an added
 * path is a rename; GitHub also detects similar-content renames, which this model does not.
 */
export function diffSnapshots(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): FileChange[] {
  const changes: FileChange[] = []
  const removed = new Map<string, string>()
  for (const [path, sha] of before) {
    const now = after.get(path)
    if (now === undefined) removed.set(path, sha)
    else if (now !== sha) changes.push({ filename: path, status: 'modified', oldSha: sha, newSha: now })
  }
  for (const [path, sha] of after) {
    if (before.has(path)) continue
    const source = [...removed].find(([, oldSha]) => oldSha === sha)
    if (source) {
      removed.delete(source[0])
      changes.push({ filename: path, status: 'renamed', oldSha: sha, newSha: sha, previousFilename: source[0] })
    } else {
      changes.push({ filename: path, status: 'added', newSha: sha })
    }
  }
  for (const [path, sha] of removed) changes.push({ filename: path, status: 'removed', oldSha: sha })
  return changes.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0))
}
