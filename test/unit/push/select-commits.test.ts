import { selectCommits, type ComparedCommit, type CompareLimits } from '../../../src/push/select-commits.js'

const sha = (c: string) => c.repeat(40)
const linear = (...ids: string[]): ComparedCommit[] => ids.map((id) => ({ sha: sha(id), parentCount: 1 }))
const whole: CompareLimits = { isFileListTruncated: false, isCommitListTruncated: false }
const nothingScanned = () => false

function select(commits: ComparedCommit[], touched: Record<string, string[]>, options: { isScanned?: (sha: string) => boolean; limits?: CompareLimits } = {}) {
  const touchedFiles = new Map(Object.entries(touched).map(([id, files]) => [sha(id), files]))
  return selectCommits(commits, { touchedFiles, isScanned: options.isScanned ?? nothingScanned, limits: options.limits ?? whole })
}

describe('selectCommits', () => {
  it('uses the net diff alone when each path is changed by one commit', () => {
    expect(select(linear('b', 'c'), { b: ['x.txt'], c: ['y.txt'] })).toEqual({ useNetDiff: true, perCommit: [] })
  })

  it('reads each commit of a path changed twice: a token added then replaced is still a leak', () => {
    expect(select(linear('b', 'c', 'd'), { b: ['x.txt'], c: ['x.txt'], d: ['z.txt'] })).toEqual({ useNetDiff: true, perCommit: [sha('b'), sha('c')] })
  })

  it('counts a removal as a change: a file added with a token and deleted in the next commit is read', () => {
    // The payload lists the deletion under `removed`; the caller passes added, modified and removed together.
    expect(select(linear('b', 'c'), { b: ['leak.env'], c: ['leak.env'] })).toEqual({ useNetDiff: false, perCommit: [sha('b'), sha('c')] })
  })

  it('counts a rename as a change of both paths', () => {
    expect(select(linear('b', 'c'), { b: ['old.env'], c: ['old.env', 'new.env'] }).perCommit).toEqual([sha('b'), sha('c')])
  })

  it('reads every unscanned commit on its own when the range holds a merge', () => {
    const commits = [...linear('b', 'c'), { sha: sha('m'), parentCount: 2 }]
    expect(select(commits, { b: ['x.txt'], c: ['y.txt'], m: [] })).toEqual({ useNetDiff: false, perCommit: [sha('b'), sha('c'), sha('m')] })
  })

  it('reads every unscanned commit when the payload does not describe a commit of the range', () => {
    const scanned = new Set([sha('a')])
    expect(select(linear('a', 'b', 'c'), { b: ['x.txt'], c: ['y.txt'] }, { isScanned: (s) => scanned.has(s) })).toEqual({ useNetDiff: false, perCommit: [sha('b'), sha('c')] })
  })

  it('never reads a commit scanned before, but counts its changes', () => {
    const scanned = new Set([sha('b')])
    expect(select(linear('b', 'c', 'd'), { b: ['x.txt'], c: ['x.txt'], d: ['y.txt'] }, { isScanned: (s) => scanned.has(s) })).toEqual({ useNetDiff: true, perCommit: [sha('c')] })
  })

  it('reads every unscanned commit on its own when the compare was truncated', () => {
    const limits = { isFileListTruncated: true, isCommitListTruncated: false }
    expect(select(linear('b', 'c'), {}, { limits, isScanned: (s) => s === sha('b') })).toEqual({ useNetDiff: false, perCommit: [sha('c')] })
  })
})
