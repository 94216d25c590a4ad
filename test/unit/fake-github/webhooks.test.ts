import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createNodeMiddleware, Probot, ProbotOctokit, type ApplicationFunction } from 'probot'
import { FakeClock } from '../../fakes/fake-clock.js'
import { startFakeGitHub, ZERO_SHA, type FakeGitHub } from '../../fakes/fake-github/index.js'
import { sendWebhook } from '../../support/webhooks.js'
import { APP_ID, appKey, INSTALLATION_ID } from './harness.js'

const SECRET = 'webhook-secret-for-tests'

/** A tiny app in Probot's shape: on push, compare and report a check run on the head commit. */
const reportPush: ApplicationFunction = (app) => {
  app.on('push', async (context) => {
    const { before, after } = context.payload
    const base = before === ZERO_SHA ? context.payload.repository.default_branch : before
    const compared = await context.octokit.rest.repos.compareCommitsWithBasehead(context.repo({ basehead: `${base}...${after}` }))
    const files = (compared.data.files ?? []).map((file) => file.filename).join(', ')
    await context.octokit.rest.checks.create(context.repo({ name: 'guard', head_sha: after, conclusion: 'success', output: { title: 'Scanned', summary: files } }))
  })
}

describe('signed webhooks delivered to a Probot app that calls the fake GitHub', () => {
  let gh: FakeGitHub
  let server: Server
  let url: string
  beforeEach(async () => {
    gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem, clock: new FakeClock(Date.UTC(2026, 0, 1)) })
    const repo = gh.createRepository('acme/widgets')
    repo.commit({ files: { 'README.md': 'hi\n' } })
    gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: [repo] })
    const Octokit = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } })
    const probot = new Probot({ appId: APP_ID, privateKey: appKey().privateKeyPem, secret: SECRET, baseUrl: gh.apiUrl, Octokit, logLevel: 'fatal' })
    const middleware = await createNodeMiddleware(reportPush, { probot })
    server = createServer((request, response) => void middleware(request, response))
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`
  })
  afterEach(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await gh.close()
  })

  it('delivers a push of a new branch; the app compares it with the default branch and creates a check run', async () => {
    const repo = gh.repository('acme/widgets')
    repo.createBranch('feature', repo.head() as string)
    const after = repo.commit({ branch: 'feature', files: { 'config.env': 'A=1\n' } })
    const payload = gh.pushPayload(repo, { ref: 'refs/heads/feature', before: ZERO_SHA, after })
    const answer = await sendWebhook({ url, secret: SECRET, name: 'push', deliveryId: 'delivery-1', payload })
    expect(answer.status).toBe(200)
    expect(gh.checkRuns(repo)).toEqual([expect.objectContaining({ headSha: after, conclusion: 'success', output: expect.objectContaining({ summary: 'config.env' }) })])
    expect(gh.requests.map((request) => request.operation)).toContain('GET /repos/{owner}/{repo}/compare/{basehead}')
    expect(gh.violations).toEqual([])
  })

  it('refuses a delivery with a bad signature before any API call', async () => {
    const repo = gh.repository('acme/widgets')
    const head = repo.head() as string
    const payload = gh.pushPayload(repo, { ref: 'refs/heads/main', before: repo.requireCommit(head).parents[0] ?? ZERO_SHA, after: head })
    const answer = await sendWebhook({ url, secret: SECRET, name: 'push', deliveryId: 'delivery-2', payload, signature: 'bad' })
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(gh.requests).toEqual([])
  })
})
