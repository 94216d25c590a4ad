import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub } from '../../fakes/fake-github/index.js'
import { generateToken } from '../../support/generate-token.js'
import { sendWebhook } from '../../support/webhooks.js'
import { APP_ID, appKey, closeAndCheck, headOf, INSTALLATION_ID, startWorld, type BotWorld } from './bot-fixture.js'
import { waitFor } from './bot-process.js'
import { spawnBot, type SpawnedBot } from './spawn-bot.js'

const SECRET = 'operations-e2e-webhook-secret'

describe('deploying the bot as the README says', () => {
  let bot: SpawnedBot | undefined
  let gh: FakeGitHub | undefined
  let dir: string | undefined
  let world: BotWorld | undefined

  afterEach(async () => {
    await bot?.stop()
    await gh?.close()
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
    if (world !== undefined) await world.close()
    bot = gh = dir = world = undefined
  })

  it('refuses to start with app credentials but no WEBHOOK_SECRET, and says why', async () => {
    bot = await spawnBot({ env: { NODE_ENV: 'production', APP_ID: String(APP_ID), PRIVATE_KEY: appKey().privateKeyPem } })
    expect(await bot.exited(15_000)).toBe(1)
    expect(bot.output()).toContain('localstack-guard: The bot refuses to start without a webhook secret: WEBHOOK_SECRET is not set')
    expect(bot.output()).toContain('(code: invalid-input)')
    expect(bot.output()).not.toContain('Listening on')
    expect(bot.output()).not.toMatch(/\n\s+at /)
  })

  it('refuses GUARD_WORKERS=sixteen before taking a single webhook', async () => {
    bot = await spawnBot({ env: { APP_ID: String(APP_ID), PRIVATE_KEY: appKey().privateKeyPem, WEBHOOK_SECRET: SECRET, GUARD_WORKERS: 'sixteen' } })
    expect(await bot.exited(15_000)).toBe(1)
    expect(bot.output()).toContain('The bot\'s environment is invalid: GUARD_WORKERS is "sixteen": expected a whole number from 1 to 256.')
    expect(bot.output()).not.toContain('Listening on')
  })

  it('runs from credentials in .env exactly as from the environment: a bad signature gets 401, a leak its incident', async () => {
    gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem })
    const repo = gh.createRepository('acme/app', { defaultBranch: 'main' })
    const before = repo.commit({ files: { 'README.md': '# app\n' } })
    gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: [repo] })
    dir = mkdtempSync(join(tmpdir(), 'guard-dotenv-'))
    const dotenv = [`APP_ID=${APP_ID}`, `PRIVATE_KEY="${appKey().privateKeyPem}"`, `WEBHOOK_SECRET=${SECRET}`, `GHE_HOST=${gh.host}`, 'GHE_PROTOCOL=http', `GUARD_DATABASE_PATH=${join(dir, 'state.sqlite')}`]
    writeFileSync(join(dir, '.env'), `${dotenv.join('\n')}\n`)
    bot = await spawnBot({ cwd: dir, env: {} })
    const started = bot
    await waitFor(() => started.output().includes('Listening on'), { timeoutMs: 20_000, what: () => `the bot to listen:\n${started.output()}`, exited: () => started.exitCode() !== null })
    const leaked = generateToken('lsci-')
    const after = repo.commit({ files: { 'ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    const payload = gh.pushPayload(repo, { ref: 'refs/heads/main', before, after })
    const url = `${bot.url}/api/github/webhooks`
    const forged = await sendWebhook({ url, secret: SECRET, name: 'push', deliveryId: 'dotenv-forged', payload, signature: 'bad' })
    expect(forged.status).toBe(401)
    expect((await sendWebhook({ url, secret: SECRET, name: 'push', deliveryId: 'dotenv-1', payload })).status).toBe(200)
    const fake = gh
    await waitFor(() => fake.issues(repo).length === 1, { timeoutMs: 20_000, what: () => `the incident:\n${started.output()}` })
    expect(gh.violations).toEqual([])
    expect(bot.output()).not.toContain(leaked)
  })

  it('serves the registration page on first start with the real webhook path and read-only contents, without smee noise', async () => {
    bot = await spawnBot({ env: {} })
    const started = bot
    await waitFor(() => started.output().includes('Listening on'), { timeoutMs: 20_000, what: () => `the setup page:\n${started.output()}`, exited: () => started.exitCode() !== null })
    const page = (await (await fetch(`${bot.url}/probot`, { signal: AbortSignal.timeout(5000) })).text()).replaceAll('&quot;', '"').replaceAll('&#34;', '"')
    expect(page).toContain('/api/github/webhooks')
    expect(page).toMatch(/"contents":\s*"read"/)
    expect(page).not.toContain('pull_requests')
    expect(bot.output()).toContain('no app credentials yet')
    expect(bot.output()).not.toContain('SmeeClient is not available')
  })

  it('leaves workflow files out of a migration pull request when the app lacks the workflows permission, and says so', async () => {
    world = await startWorld({ permissions: { metadata: 'read', contents: 'write', pull_requests: 'write', checks: 'write', issues: 'write', secrets: 'read', secret_scanning_alerts: 'read' } })
    const before = headOf(world.app)
    const after = world.app.commit({
      files: {
        '.github/localstack-guard.yml': 'migration: pull-request\n',
        '.github/workflows/ci.yml': 'env:\n  LOCALSTACK_API_KEY: ${{ secrets.LOCALSTACK_API_KEY }}\n',
        'scripts/test.sh': 'export LOCALSTACK_API_KEY="$LOCALSTACK_API_KEY"\n',
      },
    })
    await world.push(world.app, { before, after })
    await world.settle()
    const [pull] = world.gh.pullRequests('acme/app')
    expect(pull?.body).toContain('**Not changed here:** `.github/workflows/ci.yml`')
    const current = world
    world = undefined
    await closeAndCheck(current, [])
  })
})
