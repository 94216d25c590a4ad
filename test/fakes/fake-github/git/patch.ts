import { structuredPatch } from 'diff'

/** When GitHub leaves `patch` out of a file entry (docs/facts.md §5: large files lose it, observed). */
export interface PatchLimits {
  /** A patch longer than this many bytes is omitted. */
  bytes: number
  /** A patch of more lines than this is omitted. */
  lines: number
}

export interface PatchResult {
  additions: number
  deletions: number
  /** Unified-diff hunks only (no `diff --git` or `---`/`+++` headers), as GitHub returns them; absent when omitted. */
  patch?: string
}

/** Git's own test: a NUL byte in the first 8000 bytes makes a file binary. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0)
}

/** `-start,count` as git prints it: `,1` is left out, and an empty side names the line before it. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`
  return count === 1 ? `${start}` : `${start},${count}`
}

/** Lines of a text as a diff counts them: a final newline ends the last line rather than starting another. */
function countLines(text: Buffer): number {
  if (text.length === 0) return 0
  let count = 1
  for (let i = text.indexOf(10); i !== -1 && i < text.length - 1; i = text.indexOf(10, i + 1)) count += 1
  return count
}

/**
 * A file added or deleted whole: its patch holds every line, so whether it is over the limits is known without a
 * diff (Myers over a 120,000-line file takes ~300 ms, during which the fake answers nothing else).
 */
function oversizedWholeFile(old: Buffer, now: Buffer, limits: PatchLimits): PatchResult | undefined {
  if (old.length !== 0 && now.length !== 0) return undefined
  const whole = old.length === 0 ? now : old
  const count = countLines(whole)
  if (count + 1 <= limits.lines && whole.length <= limits.bytes) return undefined
  return old.length === 0 ? { additions: count, deletions: 0 } : { additions: 0, deletions: count }
}

/** The hunks between two versions of a file with 3 lines of context (git's and GitHub's default). */
export function computePatch(before: Buffer | undefined, after: Buffer | undefined, limits: PatchLimits): PatchResult {
  const old = before ?? Buffer.alloc(0)
  const now = after ?? Buffer.alloc(0)
  if (isBinary(old) || isBinary(now)) return { additions: 0, deletions: 0 }
  const oversized = oversizedWholeFile(old, now, limits)
  if (oversized !== undefined) return oversized
  const structured = structuredPatch('a', 'b', old.toString('utf8'), now.toString('utf8'), undefined, undefined, { context: 3 })
  const lines: string[] = []
  let additions = 0
  let deletions = 0
  for (const hunk of structured.hunks) {
    lines.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`)
    for (const line of hunk.lines) {
      lines.push(line)
      if (line.startsWith('+')) additions += 1
      else if (line.startsWith('-')) deletions += 1
    }
  }
  const patch = lines.join('\n')
  if (lines.length > limits.lines || Buffer.byteLength(patch) > limits.bytes) return { additions, deletions }
  return lines.length === 0 ? { additions, deletions } : { additions, deletions, patch }
}
