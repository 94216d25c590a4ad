/** The unscanned commits reachable from `head` through unscanned commits, newest first, and whether all are listed. */
export function walkUnscanned(head: string, parentsOf: ReadonlyMap<string, readonly string[]>, scanned: ReadonlySet<string>): { reachable: string[]; isComplete: boolean } {
  const reachable: string[] = []
  const seen = new Set<string>([head])
  const queue = [head]
  let isComplete = true
  for (let sha = queue.shift(); sha !== undefined; sha = queue.shift()) {
    if (scanned.has(sha)) continue
    const parents = parentsOf.get(sha)
    if (parents === undefined) {
      isComplete = false
      continue
    }
    reachable.push(sha)
    for (const parent of parents.filter((candidate) => !seen.has(candidate))) {
      seen.add(parent)
      queue.push(parent)
    }
  }
  return { reachable, isComplete }
}
