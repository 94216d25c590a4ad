import { generateToken } from '../../support/generate-token.js'
import { closeAndCheck, headOf, INSTALLATION_ID, startWorld, type BotWorld } from './bot-fixture.js'

const ZERO_SHA = '0'.repeat(40)
const REFERENCE = 'LOCALSTACK_AUTH_TOKEN=${{ secrets.LOCALSTACK_AUTH_TOKEN }}\n'

/** Every commit a push brings is scanned: the shapes where the net diff alone, or the head alone, would miss a token. */
describe('push coverage (npm start against a fake GitHub)', () => {
  let world: BotWorld
  const tokens: string[] = []
  const token = (prefix = 'lsci-') => {
    const generated = generateToken(prefix)
    tokens.push(generated)
    return generated
  }
  const repoCalls = () => world.gh.requests.filter((request) => request.path.includes('/repos/')).map((request) => `${request.method} ${request.path.replace(/^.*\/repos\/[^/]+\/[^/]+/, '')}`)

  beforeEach(async () => {
    world = await startWorld()
  })

  afterEach(async () => {
    await closeAndCheck(world, tokens)
    tokens.length = 0
  })

  it('finds a token in the second of four commits of a history pushed to a new, empty repository', async () => {
    const fresh = world.gh.createRepository('acme/fresh', { defaultBranch: 'main' })
    world.gh.addRepositoriesToInstallation(INSTALLATION_ID, [fresh])
    fresh.commit({ files: { 'README.md': '# fresh\n' } })
    const leaky = fresh.commit({ files: { 'ci/.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
    fresh.commit({ files: { 'ci/.env': REFERENCE } })
    const head = fresh.commit({ files: { 'src/app.ts': 'export {}\n' } })
    expect(await world.push(fresh, { before: ZERO_SHA, after: head })).toBe(200)
    await world.settle()
    const issues = world.gh.issues('acme/fresh')
    expect(issues).toHaveLength(1)
    expect(issues[0]?.body).toContain(`/acme/fresh/blob/${leaky}/ci/.env#L1`)
    expect(world.gh.checkRuns('acme/fresh')[0]).toMatchObject({ headSha: head, conclusion: 'failure' })
  })

  it('reads each commit of a clean history pushed to a new repository once, and nothing on a second branch of it', async () => {
    const fresh = world.gh.createRepository('acme/fresh', { defaultBranch: 'main' })
    world.gh.addRepositoriesToInstallation(INSTALLATION_ID, [fresh])
    for (let n = 0; n < 3; n++) fresh.commit({ files: { [`src/${n}.ts`]: `export const n = ${n}\n` } })
    const head = headOf(fresh)
    await world.push(fresh, { before: ZERO_SHA, after: head })
    fresh.createBranch('copy', head)
    await world.push(fresh, { ref: 'refs/heads/copy', before: ZERO_SHA, after: head })
    await world.settle()
    expect(repoCalls().filter((call) => call.startsWith('GET /commits/'))).toHaveLength(3)
    expect(repoCalls().every((call) => call.startsWith('GET /commits/'))).toBe(true)
    expect(world.gh.checkRuns('acme/fresh')).toEqual([])
  })

  it('finds a token in a file committed and deleted in the next commit of the same push', async () => {
    const before = headOf(world.app)
    const leaky = world.app.commit({ files: { 'tmp/creds.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
    const after = world.app.commit({ files: { 'tmp/creds.env': null } })
    await world.push(world.app, { before, after })
    await world.settle()
    const [issue] = world.gh.issues('acme/app')
    expect(issue?.body).toContain(`/acme/app/blob/${leaky}/tmp/creds.env#L1`)
  })

  it('finds a token in a file renamed and cleaned in the next commit of a new branch', async () => {
    const base = headOf(world.app)
    world.app.createBranch('topic', base)
    const leaky = world.app.commit({ branch: 'topic', files: { 'old.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
    const after = world.app.commit({ branch: 'topic', files: { 'old.env': null, 'new.env': REFERENCE } })
    await world.push(world.app, { ref: 'refs/heads/topic', before: ZERO_SHA, after })
    await world.settle()
    const [issue] = world.gh.issues('acme/app')
    expect(issue?.body).toContain(`/acme/app/blob/${leaky}/old.env#L1`)
  })

  it('finds a token on the merged side of a merge that drops it', async () => {
    const base = headOf(world.app)
    const mainline = world.app.commit({ files: { 'main.txt': 'main\n' } })
    world.app.createBranch('side', base)
    const leaky = world.app.commit({ branch: 'side', files: { 'side.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
    // The merge keeps the mainline's tree: the side's file never reaches the head, and the merge lists no change.
    const merged = world.app.commit({ files: {}, parents: [mainline, leaky], message: 'Merge side, ours' })
    world.app.deleteBranch('side')
    await world.push(world.app, { before: base, after: merged })
    await world.settle()
    const [issue] = world.gh.issues('acme/app')
    expect(issue?.body).toContain(`/acme/app/blob/${leaky}/side.env#L1`)
  })

  it('reads each new commit of a force push to a history with nothing in common (a rewritten history)', async () => {
    const before = headOf(world.app)
    const root = world.app.commit({ branch: 'rewrite', files: { 'README.md': '# app, rewritten\n' }, parents: [] })
    const leaky = world.app.commit({ branch: 'rewrite', files: { 'deploy.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
    const after = world.app.commit({ branch: 'rewrite', files: { 'deploy.env': REFERENCE } })
    world.app.forcePush('main', after)
    world.app.deleteBranch('rewrite')
    await world.push(world.app, { before, after, forced: true })
    await world.settle()
    void root
    const [issue] = world.gh.issues('acme/app')
    expect(issue?.body).toContain(`/acme/app/blob/${leaky}/deploy.env#L1`)
  })

  it('keeps a clean push of new commits on one compare', async () => {
    const before = headOf(world.app)
    world.app.commit({ files: { 'a.txt': 'a\n' } })
    const after = world.app.commit({ files: { 'b.txt': 'b\n' } })
    await world.push(world.app, { before, after })
    await world.settle()
    expect(repoCalls()).toEqual([expect.stringMatching(/^GET \/compare\//)])
  })
})
