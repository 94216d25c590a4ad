import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startFakeGitHub, type FakeGitHub } from '../../fakes/fake-github/index.js'
import type { RegisteredApp } from '../../fakes/fake-github/state/app-registration.js'
import { freePort } from '../../support/free-port.js'
import { generateToken } from '../../support/generate-token.js'
import { headOf } from './bot-fixture.js'
import { waitFor } from './bot-process.js'
import { ROOT, spawnBot, type SpawnedBot } from './spawn-bot.js'

const run = promisify(execFile)
/** What scripts/build-bot-image.sh builds (`.ci/run` builds it before the end-to-end suites). */
const IMAGE = 'localstack-guard:local'
const fetchWithin = (url: string, init: RequestInit = {}): Promise<Response> => fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(15_000), ...init })

/**
 * README "Deploying the bot", step by step, as a new admin follows it, against the fake GitHub's registration and
 * install pages: edit `app.yml`, register the app with the setup page (the manifest flow writes `.env`), run the
 * image with that `.env` as "Running it" says, install the app on the organisation, push a leak. Every request the
 * bot makes is checked against GitHub's description and the permissions the manifest asked for: none may be refused.
 */
describe('the README deployment walk-through, from registration to the first incident', () => {
  let gh: FakeGitHub | undefined
  let setup: SpawnedBot | undefined
  let dir: string | undefined
  let container: string | undefined

  afterEach(async () => {
    await setup?.stop()
    if (container !== undefined) await run('docker', ['rm', '-f', '-v', container]).catch(() => undefined)
    await gh?.close()
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
    gh = setup = dir = container = undefined
  })

  /** Step 1: the manifest's name made unique, the webhook URL's host made the deployment's, the path kept. */
  function editManifest(workdir: string, port: number): void {
    for (const file of ['app.yml', 'package.json']) copyFileSync(join(ROOT, file), join(workdir, file))
    const original = readFileSync(join(workdir, 'app.yml'), 'utf8')
    const edited = original
      .replace(/^name: LocalStack Token Guard$/m, 'name: LocalStack Token Guard (acme)')
      .replace(/(\n\s+url: )https:\/\/[^/\s]+(\/api\/github\/webhooks)\n/, `$1http://127.0.0.1:${port}$2\n`)
    expect(edited.split('\n').filter((line, i) => line !== original.split('\n')[i])).toHaveLength(2)
    writeFileSync(join(workdir, 'app.yml'), edited)
  }

  /** Step 2: `npm start` without credentials, "Register GitHub App", "Create GitHub App", back to the setup page. */
  async function register(fake: FakeGitHub, workdir: string): Promise<{ app: RegisteredApp; installPage: string }> {
    setup = await spawnBot({ cwd: workdir, env: { GH_ORG: 'acme', GHE_HOST: fake.host, GHE_PROTOCOL: 'http' } })
    const bot = setup
    await waitFor(() => bot.output().includes('Listening on'), { timeoutMs: 20_000, what: () => `the setup page:\n${bot.output()}`, exited: () => bot.exitCode() !== null })
    expect(bot.output()).toContain(`no app credentials yet (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH). Open ${bot.url}/`)
    const landing = await fetchWithin(`${bot.url}/`)
    expect(landing.status).toBe(302)
    const form = await (await fetchWithin(new URL(landing.headers.get('location') ?? '', bot.url).toString())).text()
    const action = /<form action="([^"]+)" method="post"/.exec(form)?.[1] ?? ''
    const manifest = /name="manifest" id="manifest" value='([^']*)'/.exec(form)?.[1] ?? ''
    expect(action).toBe(`${fake.baseUrl}/organizations/acme/settings/apps/new`)
    const created = await fetchWithin(action, { method: 'POST', body: new URLSearchParams({ manifest }) })
    expect({ status: created.status, page: created.status === 302 ? '' : await created.text() }).toEqual({ status: 302, page: '' })
    const back = created.headers.get('location') ?? ''
    expect(back.startsWith(`${bot.url}/probot/setup?code=`)).toBe(true)
    const converted = await fetchWithin(back)
    expect(converted.status).toBe(302)
    await waitFor(() => bot.output().includes('please restart'), { timeoutMs: 5000, what: () => `the setup page to ask for a restart:\n${bot.output()}` })
    await bot.stop()
    setup = undefined
    const app = fake.registeredApp
    if (app === undefined) throw new Error(`the setup page did not convert the code:\n${bot.output()}`)
    return { app, installPage: converted.headers.get('location') ?? '' }
  }

  /** Step 3: the image, with the `.env` registration wrote mounted read-only, until its health endpoint answers 200. */
  async function runImage(fake: FakeGitHub, workdir: string, port: number): Promise<() => Promise<string>> {
    const name = `guard-walkthrough-${process.pid}-${Date.now()}`
    container = name
    await run('docker', ['run', '-d', '--name', name, '--network', 'host', '-e', `PORT=${port}`, '-e', `GHE_HOST=${fake.host}`, '-e', 'GHE_PROTOCOL=http', '-v', `${join(workdir, '.env')}:/app/.env:ro`, IMAGE]).catch((error: unknown) => {
      throw new Error(`docker run failed: ${String((error as { stderr?: string }).stderr ?? error)}`)
    })
    const logs = async (): Promise<string> => {
      const { stdout, stderr } = await run('docker', ['logs', name]).catch(() => ({ stdout: '', stderr: '' }))
      return stdout + stderr
    }
    const deadline = Date.now() + 60_000
    while (!(await fetchWithin(`http://127.0.0.1:${port}/localstack-guard/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline) throw new Error(`the container's /localstack-guard/health did not answer 200 within 60 s; its log:\n${await logs()}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    return logs
  }

  it('registers the app from app.yml, runs the image with the .env it wrote, installs it, and a pushed leak gets its incident', async () => {
    await run('docker', ['image', 'inspect', IMAGE]).catch(() => {
      throw new Error(`The image ${IMAGE} is missing: build it with scripts/build-bot-image.sh (.ci/run does) before the end-to-end suites.`)
    })
    gh = await startFakeGitHub({ appId: 1 })
    const fake = gh
    const repo = gh.createRepository('acme/app', { defaultBranch: 'main' })
    repo.commit({ files: { 'README.md': '# app\n' } })
    dir = mkdtempSync(join(tmpdir(), 'guard-walkthrough-'))
    const port = await freePort()
    editManifest(dir, port)

    const { app, installPage } = await register(gh, dir)
    expect(installPage).toBe(`${gh.baseUrl}/apps/localstack-token-guard-acme/installations/new`)
    expect(app.hookUrl).toBe(`http://127.0.0.1:${port}/api/github/webhooks`)
    expect(app.events).toEqual(['push', 'check_run', 'secret_scanning_alert', 'issue_comment'])
    expect(app.permissions).toMatchObject({ contents: 'read', checks: 'write', issues: 'write' })
    expect(app.permissions).not.toHaveProperty('pull_requests')
    const dotenv = readFileSync(join(dir, '.env'), 'utf8')
    expect(dotenv).toContain(`APP_ID=${app.id}`)
    expect(dotenv).toContain(`WEBHOOK_SECRET=${app.webhookSecret}`)

    const logs = await runImage(gh, dir, port)

    // Step 4: install on the organisation; GitHub delivers `installation` to the running bot.
    expect((await fetchWithin(installPage)).status).toBe(200)
    expect((await fetchWithin(installPage, { method: 'POST', body: new URLSearchParams({ account: 'acme', repositories: 'all' }) })).status).toBe(302)
    await waitFor(() => fake.hookDeliveries.some((delivery) => delivery.event === 'installation'), { timeoutMs: 15_000, what: () => 'the installation delivery' })
    expect(gh.hookDeliveries.find((delivery) => delivery.event === 'installation')?.status).toBe('OK')

    // Step 5: a commit with a test token; GitHub delivers the push, signed with the secret registration made.
    const leaked = generateToken('ls-')
    const before = headOf(repo)
    const after = repo.commit({ files: { 'scripts/ci.env': `LOCALSTACK_AUTH_TOKEN=${leaked}\n` } })
    expect((await gh.deliverWebhook('push', gh.pushPayload(repo, { ref: 'refs/heads/main', before, after }))).status).toBe('OK')
    await waitFor(() => fake.issues(repo).length === 1 && fake.checkRuns(repo).some((check) => check.headSha === after && check.conclusion === 'failure'), {
      timeoutMs: 30_000,
      what: () => 'the incident and the failed check run',
    }).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; the container's log:\n${await logs()}`)
    })
    expect(gh.issues(repo)[0]?.title).toMatch(/^Leaked .*Auth Token: ls-/)
    expect(gh.violations).toEqual([])
    const printed = await logs()
    expect(printed).not.toContain(leaked)
    expect(printed).not.toContain(app.webhookSecret)
    expect(printed).not.toContain('PRIVATE KEY')
  })
})
