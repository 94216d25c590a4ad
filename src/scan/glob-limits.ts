/**
 * Limits on the configuration's `ignore-paths` globs. picomatch turns a glob into a regular expression, and each
 * `*` in a path segment becomes a lazy `[^/]*?`: a segment with k stars backtracks as n^k on a path segment of n
 * characters that nearly matches (`**\/*a*a*a*a*a*a*b` against a name of 110 `a`s ran for minutes), and each `**`
 * multiplies by the number of segments. Two of each keeps the worst case to milliseconds on a 1 KiB path, and every
 * reasonable glob (`dist/**`, `**\/*.min.js`, `**\/test/**\/*.snap`, `*.test.*`) within them.
 */
export const MAX_IGNORE_PATHS = 100
export const MAX_GLOB_CHARS = 256
const MAX_GLOBSTARS = 2
const MAX_STARS_PER_SEGMENT = 2

/** Why a glob is refused, or undefined when it is acceptable. */
export function describeUnsafeGlob(glob: string): string | undefined {
  const segments = glob.split('/')
  const globstars = segments.filter((segment) => segment === '**').length
  if (globstars > MAX_GLOBSTARS) return `has ${globstars} "**" segments; at most ${MAX_GLOBSTARS} are allowed (each multiplies the matching time)`
  for (const segment of segments) {
    if (segment === '**') continue
    const stars = [...segment].filter((char) => char === '*').length
    if (stars > MAX_STARS_PER_SEGMENT) return `has ${stars} "*" in one path segment; at most ${MAX_STARS_PER_SEGMENT} are allowed (more can take minutes to match one name)`
  }
  return undefined
}
