import { failureOf, startHarness, statusOf, type Harness } from './harness.js'

const owner = 'acme'
const repo = 'widgets'

function annotations(count: number): { path: string; start_line: number; end_line: number; annotation_level: 'failure'; message: string }[] {
  return Array.from({ length: count }, (_, i) => ({ path: 'README.md', start_line: i + 1, end_line: i + 1, annotation_level: 'failure', message: 'leak' }))
}

describe("the fake's GitHub limits", () => {
  let h: Harness | undefined
  afterEach(async () => {
    await h?.gh.close()
    h = undefined
  })

  it('refuses a 51st annotation in one request and appends batches of 50 across updates', async () => {
    h = await startHarness()
    const { octokit } = h
    const output = (count: number): { title: string; summary: string; annotations: ReturnType<typeof annotations> } => ({ title: 'Leaks', summary: 'found', annotations: annotations(count) })
    const head_sha = h.repo.head() as string
    expect(await statusOf(octokit.rest.checks.create({ owner, repo, name: 'guard', head_sha, output: output(51) }))).toBe(422)
    const run = await octokit.rest.checks.create({ owner, repo, name: 'guard', head_sha, output: output(50) })
    await octokit.rest.checks.update({ owner, repo, check_run_id: run.data.id, conclusion: 'failure', output: output(30) })
    expect(h.gh.refusals).toEqual([expect.objectContaining({ kind: 'annotations', status: 422 })])
    expect(h.gh.checkRuns(h.repo).find((candidate) => candidate.id === run.data.id)?.annotations).toHaveLength(80)
    expect(h.gh.violations).toEqual([])
  })

  it('refuses a summary over 65535 characters', async () => {
    h = await startHarness()
    const status = await statusOf(h.octokit.rest.checks.create({ owner, repo, name: 'guard', head_sha: h.repo.head() as string, output: { title: 't', summary: 'x'.repeat(65536) } }))
    expect(status).toBe(422)
    expect(h.gh.refusals.map((refusal) => refusal.kind)).toEqual(['output-too-long'])
  })

  it('exhausts the primary budget with 403 and x-ratelimit-remaining 0, and resets after the window', async () => {
    h = await startHarness({ limits: { primary: { max: 3, windowMs: 60 * 60 * 1000 } } })
    const { octokit, clock } = h
    await octokit.rest.repos.get({ owner, repo })
    await octokit.rest.repos.get({ owner, repo })
    const third = await octokit.rest.repos.get({ owner, repo })
    expect(third.headers['x-ratelimit-remaining']).toBe('0')
    const refused = await failureOf(octokit.rest.repos.get({ owner, repo }))
    expect(refused).toMatchObject({ status: 403, headers: { 'x-ratelimit-remaining': '0' } })
    expect(refused.data.message).toMatch(/^API rate limit exceeded for installation ID 77\./)
    clock.advance(60 * 60 * 1000)
    expect((await octokit.rest.repos.get({ owner, repo })).headers['x-ratelimit-remaining']).toBe('2')
    expect(h.gh.refusals.map((refusal) => refusal.kind)).toEqual(['primary-rate-limit'])
  })

  it('answers content creation over the per-minute budget with a secondary limit and retry-after, until the window moves', async () => {
    h = await startHarness({ limits: { contentCreation: [{ max: 2, windowMs: 60_000 }, { max: 500, windowMs: 3_600_000 }] } })
    const { octokit, clock } = h
    await octokit.rest.issues.create({ owner, repo, title: 'one' })
    clock.advance(10_000)
    await octokit.rest.issues.create({ owner, repo, title: 'two' })
    await octokit.rest.issues.listForRepo({ owner, repo })
    const refused = await failureOf(octokit.rest.issues.create({ owner, repo, title: 'three' }))
    expect(refused.status).toBe(403)
    expect(refused.message).toMatch(/secondary rate limit/)
    expect(refused.headers['retry-after']).toBe('50')
    clock.advance(50_000)
    expect((await octokit.rest.issues.create({ owner, repo, title: 'three' })).status).toBe(201)
    expect(h.gh.refusals).toEqual([expect.objectContaining({ kind: 'secondary-rate-limit', retryAfterSeconds: 50, status: 403 })])
  })

  it('uses the configured retry-after and status, and keeps refusing while blocked', async () => {
    h = await startHarness({ limits: { contentCreation: [{ max: 1, windowMs: 60_000 }], retryAfterSeconds: 1, secondaryStatus: 429 } })
    const { octokit, clock } = h
    const head_sha = h.repo.head() as string
    await octokit.rest.checks.create({ owner, repo, name: 'a', head_sha })
    const refused = await failureOf(octokit.rest.checks.create({ owner, repo, name: 'b', head_sha }))
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBe('1')
    clock.advance(500)
    expect(await statusOf(octokit.rest.checks.create({ owner, repo, name: 'b', head_sha }))).toBe(429)
    clock.advance(60_000)
    expect(await statusOf(octokit.rest.checks.create({ owner, repo, name: 'b', head_sha }))).toBe(200)
  })

  it('refuses requests over the concurrency limit with a secondary limit', async () => {
    h = await startHarness({ latencyMs: 150, limits: { concurrent: 2 } })
    const { octokit } = h
    const statuses = await Promise.all(Array.from({ length: 5 }, () => statusOf(octokit.rest.repos.get({ owner, repo }))))
    expect(statuses.filter((status) => status === 200)).toHaveLength(2)
    expect(statuses.filter((status) => status === 403)).toHaveLength(3)
    expect(h.gh.refusals.every((refusal) => refusal.kind === 'concurrency-limit')).toBe(true)
  })
})
