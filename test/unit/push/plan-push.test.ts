import { planPush, type PushedCommit, type PushFacts } from '../../../src/push/plan-push.js'

const sha = (c: string) => c.repeat(40)
const ZERO = sha('0')
const commit = (id: string, changes: Partial<Omit<PushedCommit, 'id'>> = {}): PushedCommit => ({ id, added: [], modified: [], removed: [], ...changes })

function push(overrides: Partial<PushFacts> = {}): PushFacts {
  return {
    ref: 'refs/heads/feature',
    before: sha('a'),
    after: sha('c'),
    created: false,
    deleted: false,
    forced: false,
    defaultBranch: 'main',
    commits: [commit(sha('b'), { added: ['x.txt'] }), commit(sha('c'), { modified: ['y.txt'] })],
    ...overrides,
  }
}
const nothingScanned = () => false

describe('planPush', () => {
  it('skips a deleted ref', () => {
    expect(planPush(push({ deleted: true, after: ZERO, commits: [] }), nothingScanned)).toEqual({ kind: 'skip', reason: 'ref-deleted' })
  })

  it('reads a single new commit by its own diff', () => {
    expect(planPush(push({ commits: [commit(sha('c'), { added: ['a'] })] }), nothingScanned)).toEqual({ kind: 'commits', shas: [sha('c')] })
  })

  it('compares before...after for several commits, force pushes included, and reads each new commit when there is no comparison', () => {
    const fallback = { kind: 'commits', shas: [sha('b'), sha('c')] }
    expect(planPush(push({ forced: true }), nothingScanned)).toEqual({ kind: 'compare', base: sha('a'), head: sha('c'), fallback })
  })

  it('compares a new branch with the default branch', () => {
    expect(planPush(push({ created: true, before: ZERO }), nothingScanned)).toMatchObject({ kind: 'compare', base: 'main', head: sha('c') })
  })

  it('reads every new commit of a new default branch (a history pushed to an empty repository), not only its head', () => {
    const commits = ['1', '2', '3', '4'].map((c) => commit(sha(c), { modified: ['a.env'] }))
    const plan = planPush(push({ created: true, before: ZERO, ref: 'refs/heads/main', after: sha('4'), commits }), nothingScanned)
    expect(plan).toEqual({ kind: 'commits', shas: [sha('1'), sha('2'), sha('3'), sha('4')] })
  })

  it('lists the history through the API when a new default branch brings more commits than the payload holds', () => {
    const commits = Array.from({ length: 2048 }, (_, i) => commit(i.toString(16).padStart(40, '0')))
    expect(planPush(push({ created: true, before: ZERO, ref: 'refs/heads/main', commits }), nothingScanned)).toEqual({ kind: 'list', head: sha('c') })
  })

  it('skips commits already scanned: a tag, a second branch, a repeated push', () => {
    const scanned = new Set([sha('b'), sha('c')])
    expect(planPush(push(), (s) => scanned.has(s))).toEqual({ kind: 'skip', reason: 'already-scanned' })
    const tag = push({ ref: 'refs/tags/v1', created: true, before: ZERO, commits: [] })
    expect(planPush(tag, (s) => scanned.has(s))).toEqual({ kind: 'skip', reason: 'already-scanned' })
  })

  it('compares a tag on an unscanned commit with the default branch, and reads its head if there is no comparison', () => {
    const tag = push({ ref: 'refs/tags/v1', created: true, before: ZERO, commits: [] })
    expect(planPush(tag, nothingScanned)).toEqual({ kind: 'compare', base: 'main', head: sha('c'), fallback: { kind: 'commits', shas: [sha('c')] } })
  })

  it('reads only the one unscanned commit when the others were scanned before', () => {
    const scanned = new Set([sha('c')])
    expect(planPush(push(), (s) => scanned.has(s))).toEqual({ kind: 'commits', shas: [sha('b')] })
  })

  it('does not trust a payload cut at 2048 commits to say what is new', () => {
    const commits = Array.from({ length: 2048 }, (_, i) => commit(i.toString(16).padStart(40, '0')))
    expect(planPush(push({ commits }), (s) => s !== sha('c'))).toEqual({ kind: 'compare', base: sha('a'), head: sha('c'), fallback: { kind: 'list', head: sha('c') } })
  })
})
