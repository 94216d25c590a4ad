import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub } from '../../fakes/fake-github/index.js'
import { freePort } from '../../support/free-port.js'
import { sendWebhook } from '../../support/webhooks.js'
import { APP_ID, appKey, INSTALLATION_ID } from './harness.js'

const SECRET = 'child-process-webhook-secret'
const PROBOT_CLI = join(import.meta.dirname, '../../../node_modules/probot/bin/probot.js')

// The smallest Probot app that writes: enough to prove the GHE_HOST wiring reaches the fake.
const APP_SOURCE = `export default (app) => {
  app.on('push', async (context) => {
    await context.octokit.rest.checks.create(context.repo({ name: 'child', head_sha: context.payload.after, conclusion: 'neutral' }))
  })
}
`


/** Resolves when the child prints `text`; rejects on exit or after `timeoutMs`, so no test hangs. */
function waitForOutput(child: ChildProcess, text: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`probot did not print "${text}" within ${timeoutMs} ms:\n${seen}`)), timeoutMs)
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString()
      if (seen.includes(text)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`probot exited with ${String(code)} before printing "${text}":\n${seen}`))
    })
  })
}

describe('the fake GitHub serving `probot run` in a child process (GHE_HOST, GHE_PROTOCOL=http)', () => {
  let gh: FakeGitHub
  let child: ChildProcess | undefined
  let dir: string
  beforeEach(async () => {
    gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem })
    dir = mkdtempSync(join(tmpdir(), 'fake-github-probot-'))
  })
  afterEach(async () => {
    if (child?.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    child = undefined
    rmSync(dir, { recursive: true, force: true })
    await gh.close()
  })

  it('authenticates the child as the installation and records its check run', async () => {
    const repo = gh.createRepository('acme/widgets')
    const before = repo.commit({ files: { 'README.md': 'hi\n' } })
    const after = repo.commit({ files: { 'src/a.ts': 'a\n' } })
    gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: [repo] })
    writeFileSync(join(dir, 'app.mjs'), APP_SOURCE)
    const port = await freePort()
    child = spawn(process.execPath, [PROBOT_CLI, 'run', join(dir, 'app.mjs')], {
      env: {
        PATH: process.env['PATH'] ?? '',
        APP_ID: String(APP_ID),
        PRIVATE_KEY: appKey().privateKeyPem,
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        HOST: '127.0.0.1',
        GHE_HOST: gh.host,
        GHE_PROTOCOL: 'http',
        WEBHOOK_PATH: '/',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    await waitForOutput(child, 'Listening on', 15_000)
    const payload = gh.pushPayload(repo, { ref: 'refs/heads/main', before, after })
    const answer = await sendWebhook({ url: `http://127.0.0.1:${port}/`, secret: SECRET, name: 'push', deliveryId: 'child-1', payload })
    expect(answer.status).toBe(200)
    expect(gh.checkRuns(repo)).toEqual([expect.objectContaining({ name: 'child', headSha: after, conclusion: 'neutral' })])
    expect(gh.violations).toEqual([])
  })
})
