import { planPush, type PushFacts } from '../../../src/push/plan-push.js'
import { selectCommits } from '../../../src/push/select-commits.js'

const sha = (c: string) => c.repeat(40)
const ZERO = sha('0')

function push(overrides: Partial<PushFacts> = {}): PushFacts {
  return {
    ref: 'refs/heads/feature',
    before: sha('a'),
    after: sha('c'),
    created: false,
    deleted: false,
    forced: false,
    defaultBranch: 'main',
    commits: [
      { id: sha('b'), added: ['x.txt'], modified: [] },
      { id: sha('c'), added: [], modified: ['y.txt'] },
    ],
    ...overrides,
  }
}
const nothingScanned = () => false

describe('planPush', () => {
  it('skips a deleted ref', () => {
    expect(planPush(push({ deleted: true, after: ZERO, commits: [] }), nothingScanned)).toEqual({ kind: 'skip', reason: 'ref-deleted' })
  })

  it('reads a single new commit by its own diff', () => {
    expect(planPush(push({ commits: [{ id: sha('c'), added: ['a'], modified: [] }] }), nothingScanned)).toEqual({ kind: 'single-commit', sha: sha('c') })
  })

  it('compares before...after for several commits, force pushes included', () => {
    expect(planPush(push({ forced: true }), nothingScanned)).toEqual({ kind: 'compare', base: sha('a'), head: sha('c') })
  })

  it('compares a new branch with the default branch', () => {
    expect(planPush(push({ created: true, before: ZERO }), nothingScanned)).toEqual({ kind: 'compare', base: 'main', head: sha('c') })
  })

  it('reads the head commit when the default branch itself is created (a first push)', () => {
    expect(planPush(push({ created: true, before: ZERO, ref: 'refs/heads/main' }), nothingScanned)).toEqual({ kind: 'single-commit', sha: sha('c') })
  })

  it('skips commits already scanned: a tag, a second branch, a repeated push', () => {
    const scanned = new Set([sha('b'), sha('c')])
    expect(planPush(push(), (s) => scanned.has(s))).toEqual({ kind: 'skip', reason: 'already-scanned' })
    const tag = push({ ref: 'refs/tags/v1', created: true, before: ZERO, commits: [] })
    expect(planPush(tag, (s) => scanned.has(s))).toEqual({ kind: 'skip', reason: 'already-scanned' })
  })

  it('reads only the one unscanned commit when the others were scanned before', () => {
    const scanned = new Set([sha('b')])
    expect(planPush(push(), (s) => scanned.has(s))).toEqual({ kind: 'single-commit', sha: sha('c') })
  })

  it('does not trust a payload cut at 2048 commits to say what is new', () => {
    const commits = Array.from({ length: 2048 }, (_, i) => ({ id: i.toString(16).padStart(40, '0'), added: [], modified: [] }))
    expect(planPush(push({ commits }), (s) => s !== sha('c'))).toEqual({ kind: 'compare', base: sha('a'), head: sha('c') })
  })
})

describe('selectCommits', () => {
  const limits = { isFileListTruncated: false, isCommitListTruncated: false }

  it('uses the net diff alone when each file is touched by one commit', () => {
    const touched = new Map([[sha('b'), ['x.txt']], [sha('c'), ['y.txt']]])
    expect(selectCommits([{ sha: sha('b'), parentCount: 1 }, { sha: sha('c'), parentCount: 1 }], touched, limits)).toEqual({ useNetDiff: true, perCommit: [] })
  })

  it('reads each commit of a file touched twice: a token added then removed is still a leak', () => {
    const touched = new Map([[sha('b'), ['x.txt']], [sha('c'), ['x.txt']], [sha('d'), ['z.txt']]])
    const commits = [sha('b'), sha('c'), sha('d')].map((s) => ({ sha: s, parentCount: 1 }))
    expect(selectCommits(commits, touched, limits)).toEqual({ useNetDiff: true, perCommit: [sha('b'), sha('c')] })
  })

  it('reads a merge commit on its own, for its conflict resolutions', () => {
    const touched = new Map([[sha('m'), ['x.txt']]])
    expect(selectCommits([{ sha: sha('m'), parentCount: 2 }], touched, limits).perCommit).toEqual([sha('m')])
  })

  it('reads every commit on its own when the compare was truncated', () => {
    const commits = [sha('b'), sha('c')].map((s) => ({ sha: s, parentCount: 1 }))
    expect(selectCommits(commits, new Map(), { isFileListTruncated: true, isCommitListTruncated: false })).toEqual({ useNetDiff: false, perCommit: [sha('b'), sha('c')] })
  })
})
