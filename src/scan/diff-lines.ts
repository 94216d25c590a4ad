/** A parsed hunk header: where the hunk's lines start in the new file, and how many parents the diff compares. */
export interface HunkHeader {
  readonly newStart: number
  /** 1 for a plain diff; the number of parents for a combined (`--cc`) diff of a merge commit. */
  readonly parents: number
}

/** Parses `@@ -a,b +c,d @@` and the combined form `@@@ -a,b -c,d +e,f @@@`; `undefined` for anything else. */
export function parseHunkHeader(line: string): HunkHeader | undefined {
  const marker = /^(@{2,}) /.exec(line)
  if (marker === null) return undefined
  const parents = (marker[1] ?? '').length - 1
  const newRange = /\+(\d+)(?:,\d+)? @/.exec(line)
  if (newRange === null) return undefined
  return { newStart: Number(newRange[1]), parents }
}

/** How a line inside a hunk relates to the new file. */
export type HunkLineRole = 'added' | 'kept' | 'removed' | 'other'

/**
 * Classifies a hunk line given the number of parents. In a combined diff a line exists in the result unless some
 * column says `-`; it is new only when every column says `+`: lines taken from one parent were scanned in that
 * parent's own commits, while lines new against all parents (a conflict resolution) exist nowhere else.
 */
export function classifyHunkLine(line: string, parents: number): HunkLineRole {
  if (line.startsWith('\\')) return 'other'
  const prefix = line.slice(0, parents)
  if (prefix.length < parents) return 'other'
  if (prefix.includes('-')) return 'removed'
  if (/^\++$/.test(prefix)) return 'added'
  return /^[ +]+$/.test(prefix) ? 'kept' : 'other'
}

/** Undoes git's C-style quoting of unusual paths (`"b/caf\303\251.txt"`). */
export function unquoteGitPath(raw: string): string {
  if (!raw.startsWith('"')) return raw
  const bytes: number[] = []
  const body = raw.slice(1, raw.endsWith('"') ? -1 : undefined)
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 }
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? ''
    if (char !== '\\') {
      bytes.push(...new TextEncoder().encode(char))
      continue
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1))
    if (octal !== null) {
      bytes.push(parseInt(octal[0], 8))
      i += 3
    } else {
      bytes.push(escapes[body[i + 1] ?? ''] ?? 92)
      i += 1
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/**
 * The path in `a/P b/P` (or `"a/P" "b/P"` when quoted): without renames both halves are the same path, so the
 * header splits in the middle even when the path itself holds " b/".
 */
export function pathOfGitHeader(rest: string): string | undefined {
  const half = (rest.length - 1) / 2
  if (!Number.isInteger(half) || rest[half] !== ' ') return undefined
  const path = unquoteGitPath(rest.slice(half + 1))
  return path.startsWith('b/') ? path.slice(2) : undefined
}
