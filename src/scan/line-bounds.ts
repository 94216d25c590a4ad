/**
 * The start and end of the line around `offset`, looking at most `maxBefore` characters back and `maxAfter`
 * forward: on a minified line of megabytes an unbounded search would rescan the line for every hit on it.
 */
export function lineBounds(text: string, offset: number, reach: { before: number; after: number }): { start: number; end: number } {
  const { before: maxBefore, after: maxAfter } = reach
  const windowStart = Math.max(0, offset - maxBefore)
  const before = text.slice(windowStart, offset)
  const start = windowStart + before.lastIndexOf('\n') + 1
  const windowEnd = Math.min(text.length, offset + maxAfter)
  const newline = text.slice(offset, windowEnd).indexOf('\n')
  return { start, end: newline < 0 ? windowEnd : offset + newline }
}
