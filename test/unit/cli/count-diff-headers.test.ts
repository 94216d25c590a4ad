import { createCounters } from '../../../cli/scan-report.js'
import { createDiffHeaderCounter } from '../../../cli/sources/count-diff-headers.js'

const PATCH = [
  'commit 1111111111111111111111111111111111111111',
  '',
  'diff --git a/a.txt b/a.txt',
  '--- a/a.txt',
  '+++ b/a.txt',
  '@@ -1 +1 @@',
  '-commit old',
  '+commit new',
  '+diff --git looks like a header but is content',
  'commit 2222222222222222222222222222222222222222',
  '',
  'diff --cc merged.txt',
  '@@@ -1,1 -1,1 +1,1 @@@',
  '++x',
  'commit 3333333333333333333333333333333333333333',
  '',
].join('\n')

function countIn(chunks: readonly string[]) {
  const counters = createCounters()
  const counter = createDiffHeaderCounter(counters)
  for (const chunk of chunks) counter.write(chunk)
  return { commits: counters.commits, files: counters.files }
}

describe('createDiffHeaderCounter', () => {
  it('counts commit and diff header lines, not content lines that look like them', () => {
    expect(countIn([PATCH])).toEqual({ commits: 3, files: 2 })
  })

  it('counts the same however the output is split into chunks', () => {
    for (const size of [1, 2, 3, 5, 7, 8, 13]) {
      const chunks = PATCH.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? []
      expect(countIn(chunks)).toEqual({ commits: 3, files: 2 })
    }
  })

  it('counts a header at the very end of the output, with no newline after it', () => {
    expect(countIn(['commit abc\n', 'commit', ' def'])).toEqual({ commits: 2, files: 0 })
  })
})
