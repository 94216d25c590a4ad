import type { ScanCounters } from '../scan-report.js'

const COMMIT_HEADER = 'commit '
const FILE_HEADER = 'diff --'
const LONGEST_HEADER = Math.max(COMMIT_HEADER.length, FILE_HEADER.length)

/**
 * Counts commits and file diffs in git's patch output for the stats and the progress line. Only header lines can
 * start with `commit ` or `diff --`: every content line of a patch starts with `+`, `-`, ` ` or `@`.
 */
export function createDiffHeaderCounter(counters: ScanCounters): { write(text: string): void } {
  // The start of the current line while it is too short to classify; undefined once classified.
  let lineHead: string | undefined = ''
  return {
    write(text) {
      let buffer = text
      let offset = 0
      if (lineHead === undefined) {
        const newline = text.indexOf('\n')
        if (newline < 0) return
        offset = newline + 1
      } else {
        buffer = lineHead + text
      }
      for (;;) {
        const newline = buffer.indexOf('\n', offset)
        if (newline < 0 && buffer.length - offset < LONGEST_HEADER) return void (lineHead = buffer.slice(offset))
        if (buffer.startsWith(COMMIT_HEADER, offset)) counters.commits += 1
        else if (buffer.startsWith(FILE_HEADER, offset)) counters.files += 1
        if (newline < 0) return void (lineHead = undefined)
        offset = newline + 1
      }
    },
  }
}
