import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateToken } from '../../support/generate-token.js'
import { closeAndCheck, headOf, INSTALLATION_ID, startWorld, type BotWorld } from './bot-fixture.js'

describe('the bot beyond pushes: installation sweep, GitHub alerts, re-runs, migration pull requests, restarts', () => {
  let world: BotWorld | undefined
  const tokens: string[] = []
  const token = (prefix = 'lsci-') => {
    const generated = generateToken(prefix)
    tokens.push(generated)
    return generated
  }

  afterEach(async () => {
    // Every scenario: GitHub accepted every request; no byte sent, printed or stored holds a planted token.
    if (world !== undefined) await closeAndCheck(world, tokens)
    tokens.length = 0
  })

  it('sweeps each repository of a new installation: leaks become incidents, legacy uses one migration issue', async () => {
    world = await startWorld({ appSecrets: ['LOCALSTACK_API_KEY'] })
    world.app.commit({
      files: {
        'scripts/dev.sh': `localstack auth set-token ${token('ls-')}\n`,
        '.github/workflows/ci.yml': 'env:\n  LOCALSTACK_API_KEY: ${{ secrets.LOCALSTACK_API_KEY }}\n',
      },
    })
    const answer = await world.bot.deliver('installation', 'install-1', world.gh.installationPayload(INSTALLATION_ID, { action: 'created' }))
    expect(answer.status).toBe(200)
    await world.settle(30_000)
    const titles = world.gh.issues('acme/app').map((issue) => issue.title)
    expect(titles).toEqual(expect.arrayContaining([expect.stringMatching(/^Leaked personal Developer Auth Token/), 'Migrate from LOCALSTACK_API_KEY to a LocalStack CI Auth Token']))
    const migration = world.gh.issues('acme/app').find((issue) => issue.title.startsWith('Migrate'))
    expect(migration?.body).toContain('Delete the repository secret `LOCALSTACK_API_KEY`')
    expect(world.gh.issues('acme/api')).toEqual([])
  })

  it("folds GitHub's own localstack_api_key alert into the incident of the same token", async () => {
    world = await startWorld()
    const leaked = token()
    const before = headOf(world.app)
    const after = world.app.commit({ files: { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    await world.push(world.app, { before, after })
    await world.settle()
    const alert = world.gh.secretScanningAlertPayload(world.app, { secret: leaked, locations: [{ path: 'docs/notes.md', commitSha: after, startLine: 9 }] })
    expect((await world.bot.deliver('secret_scanning_alert', 'alert-1', alert)).status).toBe(200)
    await world.settle()
    const issues = world.gh.issues('acme/app')
    expect(issues).toHaveLength(1)
    expect(issues[0]?.body).toContain('docs/notes.md')
    expect(issues[0]?.body).toContain(fingerprintToken(leaked))
  })

  it('scans the commit again when someone re-runs the check', async () => {
    world = await startWorld()
    const before = headOf(world.app)
    const after = world.app.commit({ files: { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${token()}\n` } })
    await world.push(world.app, { before, after })
    await world.settle()
    const [first] = world.gh.checkRuns('acme/app')
    expect(first).toBeDefined()
    const rerun = world.gh.checkRunRerequestedPayload(world.app, first?.id ?? 0)
    expect((await world.bot.deliver('check_run', 'rerun-1', rerun)).status).toBe(200)
    await world.settle()
    const runs = world.gh.checkRuns('acme/app')
    expect(runs).toHaveLength(2)
    expect(runs[1]).toMatchObject({ headSha: after, conclusion: 'failure' })
    expect(world.gh.issues('acme/app')).toHaveLength(1)
  })

  it('opens the migration as a pull request when the configuration asks for it', async () => {
    world = await startWorld({ permissions: { metadata: 'read', contents: 'write', pull_requests: 'write', workflows: 'write', checks: 'write', issues: 'write', secrets: 'read', secret_scanning_alerts: 'read' } })
    const before = headOf(world.app)
    const after = world.app.commit({
      files: {
        '.github/localstack-guard.yml': 'migration: pull-request\n',
        '.github/workflows/ci.yml': 'env:\n  LOCALSTACK_API_KEY: ${{ secrets.LOCALSTACK_API_KEY }}\n',
      },
    })
    await world.push(world.app, { before, after })
    await world.settle()
    const [pull] = world.gh.pullRequests('acme/app')
    expect(pull?.title).toBe('Use LOCALSTACK_AUTH_TOKEN instead of the legacy LOCALSTACK_API_KEY')
    const branchHead = world.app.resolve('refs/heads/localstack-guard/migrate-to-auth-token')
    expect(world.app.readFile(branchHead?.sha ?? '', '.github/workflows/ci.yml')?.toString()).toBe('env:\n  LOCALSTACK_AUTH_TOKEN: ${{ secrets.LOCALSTACK_AUTH_TOKEN }}\n')
    expect(world.gh.issues('acme/app').filter((issue) => issue.pull === undefined)).toEqual([])
  })

  it('finishes a job the process was killed in the middle of, after a restart, with one incident', async () => {
    world = await startWorld({ fake: { latencyMs: 300 } })
    const leaked = token()
    const before = headOf(world.app)
    const after = world.app.commit({ files: { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    expect(await world.push(world.app, { before, after })).toBe(200)
    await world.bot.kill()
    await world.restart()
    await world.settle(30_000)
    expect(world.gh.issues('acme/app')).toHaveLength(1)
    expect(world.gh.checkRuns('acme/app').map((run) => run.headSha)).toEqual([after])
  })
})
