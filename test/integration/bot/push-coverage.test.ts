import { startHarness, type Harness } from './probot-harness.js'

// The push shapes whose API use only a long history shows (past the payload's 2048 commits, past the compare's 250),
// with nock answering: the harness fails on any request no mock expects and on any mock left unused.
const hex = (n: number) => n.toString(16).padStart(40, '0')
const REPOSITORY = { id: 42, name: 'app', full_name: 'acme/app', owner: { login: 'acme', name: 'acme' }, default_branch: 'main' }
const clean = (id: string) => ({ sha: id, parents: [{ sha: hex(0) }], files: [{ filename: 'src/x.ts', status: 'modified', sha: 'f'.repeat(40), patch: '@@ -1 +1 @@\n-a\n+b' }] })
const listed = (id: string) => ({ sha: id, parents: [{ sha: hex(0) }] })
/** A commit as `GET /commits` lists it, with its real parents (the listing walk follows them). */
const withParents = (id: string, ...parents: string[]) => ({ sha: id, parents: parents.map((sha) => ({ sha })) })
/** A linear history's listing entries, newest first: each commit's parent is the one before it. */
const linearNewestFirst = (history: string[]) => history.map((id, i) => withParents(id, ...(i === 0 ? [] : [history[i - 1] as string]))).reverse()

function pushOf(ids: string[], overrides: Record<string, unknown>) {
  const after = ids[ids.length - 1] as string
  return {
    ref: 'refs/heads/main',
    before: hex(0),
    after,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: '',
    commits: ids.map((id) => ({ id, added: [], modified: ['src/x.ts'], removed: [] })),
    head_commit: { id: after },
    repository: REPOSITORY,
    pusher: { name: 'octocat' },
    sender: { login: 'octocat' },
    installation: { id: 1 },
    ...overrides,
  }
}

describe('push coverage past the payload and compare limits', () => {
  let harness: Harness

  beforeEach(async () => {
    harness = await startHarness()
  })

  afterEach(() => harness.close())

  it('lists the history of a new default branch past 2048 commits through the API, and reads only what was never scanned', async () => {
    // 2100 commits, oldest first; the payload keeps the newest 2048. All but the newest three were scanned before.
    const history = Array.from({ length: 2100 }, (_, i) => hex(i + 1))
    await harness.store.markScanned(REPOSITORY.id, history.slice(0, -3))
    const after = history[history.length - 1] as string
    const scope = harness.github().post('/app/installations/1/access_tokens').reply(201, { token: 't', expires_at: '2099-01-01T00:00:00Z', permissions: {} })
    scope.get('/repos/acme/app/commits').query({ sha: after, per_page: '100', page: '1' }).reply(200, linearNewestFirst(history).slice(0, 100))
    for (const id of history.slice(-3)) scope.get(`/repos/acme/app/commits/${id}`).reply(200, clean(id))

    await harness.probot.receive({ id: 'd-list', name: 'push', payload: pushOf(history.slice(-2048), { created: true }) } as never)
    await harness.drain()
  })

  it('lists every commit of a compare past 250 commits, and reads only the unscanned ones', async () => {
    const history = Array.from({ length: 300 }, (_, i) => hex(i + 1))
    await harness.store.markScanned(REPOSITORY.id, history.filter((_, i) => i !== 10 && i !== 290))
    const after = history[history.length - 1] as string
    const before = 'a'.repeat(40)
    const basehead = `${before}...${after}`
    const scope = harness.github().post('/app/installations/1/access_tokens').reply(201, { token: 't', expires_at: '2099-01-01T00:00:00Z', permissions: {} })
    scope.get(`/repos/acme/app/compare/${basehead}`).reply(200, { total_commits: 300, commits: history.slice(-250).map(listed), files: [] })
    for (const page of [1, 2, 3]) {
      const commits = history.slice((page - 1) * 100, page * 100).map(listed)
      scope.get(`/repos/acme/app/compare/${basehead}`).query({ page: String(page), per_page: '100' }).reply(200, { total_commits: 300, commits, files: [] })
    }
    for (const id of [history[10], history[290]] as string[]) scope.get(`/repos/acme/app/commits/${id}`).reply(200, clean(id))

    await harness.probot.receive({ id: 'd-compare', name: 'push', payload: pushOf(history, { before }) } as never)
    await harness.drain()
  })

  it('scans a push job queued by an older version (commits without removals) by reading each commit, not failing on it', async () => {
    const history = [hex(1), hex(2), hex(3)]
    const after = history[2] as string
    const before = 'a'.repeat(40)
    const scope = harness.github().post('/app/installations/1/access_tokens').reply(201, { token: 't', expires_at: '2099-01-01T00:00:00Z', permissions: {} })
    scope.get(`/repos/acme/app/compare/${before}...${after}`).reply(200, { total_commits: 3, commits: history.map(listed), files: [] })
    for (const id of history) scope.get(`/repos/acme/app/commits/${id}`).reply(200, clean(id))
    const push = { ref: 'refs/heads/main', before, after, created: false, deleted: false, forced: false, defaultBranch: 'main', commits: history.map((id) => ({ id, added: [], modified: ['src/x.ts'] })) }
    await harness.queue.enqueue({ type: 'scan-push', installationId: 1, repo: { id: REPOSITORY.id, owner: 'acme', name: 'app', defaultBranch: 'main', isPrivate: true }, push } as never, { group: 'repo:42' })
    await harness.drain()
    expect(await harness.store.scannedAmong(REPOSITORY.id, history)).toEqual(new Set(history))
  })

  it('follows a merged side branch listed pages below the first scanned commit, past 2048 commits', async () => {
    // 2100 linear commits, all but the newest two scanned; the head merges a side commit made long ago (its parent is
    // scanned), which the by-date listing shows on page 2, below 98 scanned commits of page 1.
    const history = Array.from({ length: 2100 }, (_, i) => hex(i + 1))
    await harness.store.markScanned(REPOSITORY.id, history.slice(0, -2))
    const side = 'b'.repeat(40)
    const merge = 'c'.repeat(40)
    const listing = [withParents(merge, history[2099] as string, side), ...linearNewestFirst(history)]
    listing.splice(150, 0, withParents(side, history[999] as string))
    const scope = harness.github().post('/app/installations/1/access_tokens').reply(201, { token: 't', expires_at: '2099-01-01T00:00:00Z', permissions: {} })
    for (const page of [1, 2]) scope.get('/repos/acme/app/commits').query({ sha: merge, per_page: '100', page: String(page) }).reply(200, listing.slice((page - 1) * 100, page * 100))
    for (const id of [history[2098], history[2099], side, merge] as string[]) scope.get(`/repos/acme/app/commits/${id}`).reply(200, clean(id))

    await harness.probot.receive({ id: 'd-side', name: 'push', payload: pushOf([...history.slice(-2047), merge], { created: true }) } as never)
    await harness.drain()
    expect(await harness.store.scannedAmong(REPOSITORY.id, [side, merge])).toEqual(new Set([side, merge]))
  })
})
