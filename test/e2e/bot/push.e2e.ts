import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateToken } from '../../support/generate-token.js'
import { closeAndCheck, headOf, startWorld, type BotWorld } from './bot-fixture.js'

describe('the bot over HTTP (npm start against a fake GitHub)', () => {
  let world: BotWorld
  const tokens: string[] = []
  const token = (prefix = 'lsci-') => {
    const generated = generateToken(prefix)
    tokens.push(generated)
    return generated
  }

  beforeEach(async () => {
    world = await startWorld()
  })

  afterEach(async () => {
    // Every scenario: GitHub accepted every request; no byte sent, printed or stored holds a planted token.
    await closeAndCheck(world, tokens)
    tokens.length = 0
  })

  it('answers a push with 200 at once, then opens an incident and a failed check run for a leak in a new file', async () => {
    const before = headOf(world.app)
    const leaked = token()
    const after = world.app.commit({ files: { 'deploy/.env': `REGION=eu-west-1\nLOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    expect(await world.push(world.app, { before, after })).toBe(200)
    await world.settle()
    const [issue] = world.gh.issues('acme/app')
    expect(issue?.title).toMatch(/^Leaked CI Auth Token: lsci-/)
    expect(issue?.body).toContain(`/acme/app/blob/${after}/deploy/.env#L2`)
    expect(issue?.body).toContain(fingerprintToken(leaked))
    const [check] = world.gh.checkRuns('acme/app')
    expect(check).toMatchObject({ headSha: after, conclusion: 'failure' })
    expect(check?.annotations).toEqual([expect.objectContaining({ path: 'deploy/.env', start_line: 2 })])
  })

  it('writes nothing for a clean push, and reads only the commit', async () => {
    const before = headOf(world.app)
    const after = world.app.commit({ files: { 'src/app.ts': 'export const region = process.env.AWS_REGION\n' } })
    await world.push(world.app, { before, after })
    await world.settle()
    const calls = world.gh.requests.filter((request) => request.path.startsWith('/repos/'))
    expect(calls.map((request) => request.method)).toEqual(['GET'])
    expect(world.gh.checkRuns('acme/app')).toEqual([])
  })

  it('ignores placeholders and references', async () => {
    const before = headOf(world.app)
    const docs = ['LOCALSTACK_AUTH_TOKEN=ls-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', 'LOCALSTACK_AUTH_TOKEN=${{ secrets.LOCALSTACK_AUTH_TOKEN }}', 'localstack auth set-token <YOUR_AUTH_TOKEN>']
    const after = world.app.commit({ files: { 'docs/setup.md': `${docs.join('\n')}\n` } })
    await world.push(world.app, { before, after })
    await world.settle()
    expect(world.gh.issues('acme/app')).toEqual([])
    expect(world.gh.checkRuns('acme/app')).toEqual([])
  })

  it('keeps one incident for one token pushed to two branches and two repositories', async () => {
    const leaked = token('ls-')
    const base = headOf(world.app)
    const first = world.app.commit({ files: { 'a.sh': `localstack auth set-token ${leaked}\n` } })
    await world.push(world.app, { before: base, after: first })
    world.app.createBranch('feature', base)
    const second = world.app.commit({ branch: 'feature', files: { 'b.sh': `export LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    await world.push(world.app, { ref: 'refs/heads/feature', before: base, after: second })
    // Repositories are scanned side by side: let acme/app's jobs finish, so the incident is opened there.
    await world.settle()
    const apiBase = headOf(world.api)
    const third = world.api.commit({ files: { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    await world.push(world.api, { before: apiBase, after: third })
    await world.settle()
    const issues = [...world.gh.issues('acme/app'), ...world.gh.issues('acme/api')]
    expect(issues).toHaveLength(1)
    expect(issues[0]?.body).toContain('/acme/app/blob/')
    expect(issues[0]?.body).toContain('b\\.sh')
    // acme/api is another private repository: its location is counted, not shown, in acme/app's issue.
    expect(issues[0]?.body).not.toContain('/acme/api/blob/')
    expect(issues[0]?.body).toContain('Seen in 1 more place in repositories whose readers may differ')
  })

  it('changes nothing on a redelivery (same X-GitHub-Delivery)', async () => {
    const before = headOf(world.app)
    const after = world.app.commit({ files: { 'x.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
    const payload = world.gh.pushPayload(world.app, { ref: 'refs/heads/main', before, after })
    expect((await world.bot.deliver('push', 'same-delivery', payload)).status).toBe(200)
    await world.settle()
    const requestsAfterFirst = world.gh.requests.filter((request) => request.operation !== 'GET /app/hook/deliveries').length
    expect((await world.bot.deliver('push', 'same-delivery', payload)).status).toBe(200)
    await world.settle()
    expect(world.gh.requests.filter((request) => request.operation !== 'GET /app/hook/deliveries').length).toBe(requestsAfterFirst)
    expect(world.gh.issues('acme/app')).toHaveLength(1)
  })

  it('refuses a bad signature with 401 and makes no API call', async () => {
    const before = headOf(world.app)
    const after = world.app.commit({ files: { 'x.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
    const answer = await world.bot.deliver('push', 'forged', world.gh.pushPayload(world.app, { ref: 'refs/heads/main', before, after }), 'bad')
    expect(answer.status).toBe(401)
    await world.settle()
    expect(world.gh.requests.filter((request) => request.operation !== 'GET /app/hook/deliveries')).toEqual([])
  })

  it('scans only the new commits of a new branch, against the default branch', async () => {
    const base = headOf(world.app)
    const old = world.app.commit({ files: { 'old.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
    world.app.createBranch('topic', old)
    const fresh = token()
    const tip = world.app.commit({ branch: 'topic', files: { 'new.env': `LOCALSTACK_AUTH_TOKEN=${fresh}\n`, 'more.txt': 'x\n' } })
    const tip2 = world.app.commit({ branch: 'topic', files: { 'other.txt': 'y\n' } })
    void base
    void tip
    await world.push(world.app, { ref: 'refs/heads/topic', before: '0'.repeat(40), after: tip2, created: true })
    await world.settle()
    const issues = world.gh.issues('acme/app')
    expect(issues).toHaveLength(1)
    expect(issues[0]?.body).toContain('new.env')
  })

  it('scans only what is new after a force push', async () => {
    const base = headOf(world.app)
    const rewritten = world.app.commit({ files: { 'a.txt': 'a\n' } })
    world.app.createBranch('wip', base)
    const leaked = token()
    const replacement = world.app.commit({ branch: 'wip', files: { 'b.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    const forced = world.app.forcePush('main', replacement)
    await world.push(world.app, { before: forced, after: replacement, forced: true })
    await world.settle()
    void rewritten
    expect(world.gh.issues('acme/app')).toHaveLength(1)
    expect(world.gh.checkRuns('acme/app')[0]?.headSha).toBe(replacement)
  })

  it('skips a deleted branch without any API call', async () => {
    const base = headOf(world.app)
    world.app.createBranch('gone', base)
    const old = world.app.deleteBranch('gone')
    await world.push(world.app, { ref: 'refs/heads/gone', before: old, after: '0'.repeat(40), deleted: true })
    await world.settle()
    // The redelivery sweep the bot runs at start (GET /app/hook/deliveries) may land at any time; it is not the push's.
    expect(world.gh.requests.filter((request) => request.operation !== 'GET /app/hook/deliveries')).toEqual([])
  })

  it('finds a leak near the end of a 350-file push', async () => {
    const before = headOf(world.app)
    const files: Record<string, string> = {}
    for (let i = 0; i < 350; i++) files[`gen/file-${String(i).padStart(3, '0')}.txt`] = `line ${i}\n`
    files['gen/file-349.txt'] = `LOCALSTACK_AUTH_TOKEN=${token()}\n`
    const after = world.app.commit({ files })
    await world.push(world.app, { before, after })
    await world.settle()
    expect(world.gh.checkRuns('acme/app')[0]?.annotations).toEqual([expect.objectContaining({ path: 'gen/file-349.txt' })])
  })

  it('reads a file whose patch GitHub omitted, by its blob', async () => {
    const before = headOf(world.app)
    const big = `${'x = 1\n'.repeat(120_000)}LOCALSTACK_AUTH_TOKEN=${token()}\n`
    const after = world.app.commit({ files: { 'data/dump.sql': big, 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) } })
    await world.push(world.app, { before, after })
    await world.settle()
    expect(world.gh.checkRuns('acme/app')[0]?.annotations).toEqual([expect.objectContaining({ path: 'data/dump.sql', start_line: 120_001 })])
  })

  it('reports a token added in one commit and removed in the next', async () => {
    const before = headOf(world.app)
    const leaked = token()
    const added = world.app.commit({ files: { 'conf.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    const removed = world.app.commit({ files: { 'conf.env': 'LOCALSTACK_AUTH_TOKEN=${{ secrets.LOCALSTACK_AUTH_TOKEN }}\n' } })
    await world.push(world.app, { before, after: removed })
    await world.settle()
    const [issue] = world.gh.issues('acme/app')
    expect(issue?.body).toContain(`/blob/${added}/conf.env#L1`)
  })

  it('reports a token introduced by a merge commit itself', async () => {
    const base = headOf(world.app)
    const left = world.app.commit({ files: { 'settings.env': 'MODE=left\n' } })
    world.app.createBranch('right', base)
    const right = world.app.commit({ branch: 'right', files: { 'settings.env': 'MODE=right\n' } })
    const leaked = token()
    const merge = world.app.commit({ files: { 'settings.env': `MODE=both\nLOCALSTACK_AUTH_TOKEN=${leaked}\n` }, parents: [left, right], message: 'Merge right' })
    await world.push(world.app, { before: left, after: merge })
    await world.settle()
    const [issue] = world.gh.issues('acme/app')
    expect(issue?.body).toContain(`/blob/${merge}/settings.env#L2`)
  })

  it('opens one migration issue for legacy references, and does not call them leaks', async () => {
    const before = headOf(world.app)
    const workflow = 'jobs:\n  test:\n    env:\n      LOCALSTACK_API_KEY: ${{ secrets.LOCALSTACK_API_KEY }}\n'
    const after = world.app.commit({ files: { '.github/workflows/ci.yml': workflow } })
    await world.push(world.app, { before, after })
    await world.settle()
    const issues = world.gh.issues('acme/app')
    expect(issues.map((issue) => issue.title)).toEqual(['Migrate from LOCALSTACK_API_KEY to a LocalStack CI Auth Token'])
    expect(issues[0]?.body).toContain('`.github/workflows/ci.yml` line 4')
    expect(world.gh.checkRuns('acme/app')).toEqual([])
  })

  it('reports a broken configuration in a check run naming the key, and still detects on defaults', async () => {
    const before = headOf(world.app)
    const after = world.app.commit({ files: { '.github/localstack-guard.yml': 'ignore_paths: [docs]\nmigration: sometimes\n', 'leak.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
    await world.push(world.app, { before, after })
    await world.settle()
    const runs = world.gh.checkRuns('acme/app')
    const config = runs.find((run) => run.name.endsWith('configuration'))
    expect(config?.output.summary).toContain('unknown key "ignore_paths"')
    expect(config?.output.summary).toContain('migration:')
    expect(runs.find((run) => run.name === 'LocalStack token guard')?.conclusion).toBe('failure')
  })
})
