import type { CommitRecord, ObjectStore } from './object-store.js'

/** Every commit reachable from `heads` (the heads included). */
export function reachable(store: ObjectStore, heads: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const stack = [...heads]
  while (stack.length > 0) {
    const sha = stack.pop() as string
    if (seen.has(sha)) continue
    seen.add(sha)
    stack.push(...(store.commit(sha)?.parents ?? []))
  }
  return seen
}

/**
 * `git log base..head` in chronological order, oldest first, as the compare API lists it (docs/facts.md §5): every commit
 * reachable from `head` and not from `base`, each after its parents.
 */
export function logRange(store: ObjectStore, base: string | undefined, head: string): CommitRecord[] {
  const excluded = base === undefined ? new Set<string>() : reachable(store, [base])
  const ordered: CommitRecord[] = []
  const done = new Set<string>()
  // Iterative post-order (parents first): histories of thousands of commits would overflow a recursive walk.
  const stack: { sha: string; expanded: boolean }[] = [{ sha: head, expanded: false }]
  while (stack.length > 0) {
    const top = stack.pop() as { sha: string; expanded: boolean }
    if (done.has(top.sha) || excluded.has(top.sha)) continue
    const commit = store.commit(top.sha)
    if (!commit) continue
    if (top.expanded) {
      done.add(top.sha)
      ordered.push(commit)
      continue
    }
    stack.push({ sha: top.sha, expanded: true })
    for (const parent of [...commit.parents].reverse()) stack.push({ sha: parent, expanded: false })
  }
  return ordered
}

/** The best common ancestor of two commits (the one with the highest generation), or `undefined` for none. */
export function mergeBase(store: ObjectStore, a: string, b: string): CommitRecord | undefined {
  const fromA = reachable(store, [a])
  let best: CommitRecord | undefined
  for (const sha of reachable(store, [b])) {
    if (!fromA.has(sha)) continue
    const commit = store.commit(sha)
    if (commit && (!best || commit.generation > best.generation)) best = commit
  }
  return best
}

/** Whether `ancestor` is reachable from `descendant` (a commit is its own ancestor). */
export function isAncestor(store: ObjectStore, ancestor: string, descendant: string): boolean {
  return reachable(store, [descendant]).has(ancestor)
}
