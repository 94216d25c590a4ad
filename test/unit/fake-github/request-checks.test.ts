import { Octokit } from '@octokit/rest'
import { generateTestAppKey } from '../../support/generate-test-app-key.js'
import { appJwt, appKey, INSTALLATION_ID, startHarness, statusOf, type Harness } from './harness.js'

const owner = 'acme'
const repo = 'widgets'
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

describe("the fake's checks of every request against GitHub's OpenAPI description", () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.gh.close()
  })

  it('refuses a body that fails the operation schema with 422 and records a violation', async () => {
    const status = await statusOf(h.octokit.request('POST /repos/{owner}/{repo}/issues', { owner, repo, body: 'no title' } as never))
    expect(status).toBe(422)
    expect(h.gh.violations).toEqual([expect.objectContaining({ kind: 'invalid-request', method: 'POST', path: '/repos/acme/widgets/issues' })])
    expect(h.gh.violations[0]?.message).toContain("must have required property 'title'")
    expect(h.gh.issues(h.repo)).toEqual([])
  })

  it('flags a query parameter the operation does not have, such as a misspelt per_page', async () => {
    await h.octokit.request('GET /repos/{owner}/{repo}/issues', { owner, repo, perPage: 100 }).catch(() => undefined)
    expect(h.gh.violations.map((violation) => violation.message)).toEqual(['Invalid request.\n\nquery unknown query parameter "perPage"'])
  })

  it('answers 404 for an undocumented path and for a documented one the fake does not model, recording both', async () => {
    expect(await statusOf(h.octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner, repo }))).toBe(404)
    expect(await statusOf(h.octokit.rest.repos.listBranches({ owner, repo }))).toBe(404)
    expect(h.gh.violations.map((violation) => violation.kind)).toEqual(['unknown-endpoint', 'unhandled-endpoint'])
  })

  it('answers 404 without a violation for a repository outside the installation or a missing file', async () => {
    h.gh.createRepository('acme/.github')
    expect(await statusOf(h.octokit.rest.repos.getContent({ owner, repo: '.github', path: '.github/localstack-guard.yml' }))).toBe(404)
    expect(await statusOf(h.octokit.rest.repos.getContent({ owner, repo, path: '.github/localstack-guard.yml' }))).toBe(404)
    expect(h.gh.violations).toEqual([])
  })

  it('refuses an unknown token and a JWT signed by another key with 401', async () => {
    const stranger = new Octokit({ auth: 'not-a-token', baseUrl: h.gh.apiUrl, log: quiet })
    expect(await statusOf(stranger.rest.repos.get({ owner, repo }))).toBe(401)
    const forged = new Octokit({ auth: appJwt(generateTestAppKey().privateKeyPem), baseUrl: h.gh.apiUrl, log: quiet })
    expect(await statusOf(forged.rest.apps.createInstallationAccessToken({ installation_id: INSTALLATION_ID }))).toBe(401)
    const otherApp = new Octokit({ auth: appJwt(appKey().privateKeyPem, 999), baseUrl: h.gh.apiUrl, log: quiet })
    expect(await statusOf(otherApp.rest.apps.createInstallationAccessToken({ installation_id: INSTALLATION_ID }))).toBe(401)
    expect(h.gh.violations.map((violation) => violation.kind)).toEqual(['bad-credentials', 'bad-credentials', 'bad-credentials'])
  })

  it('refuses a write the installation has no permission for with 403', async () => {
    const status = await statusOf(h.octokit.rest.pulls.create({ owner, repo, head: 'x', base: 'main', title: 'Migrate' }))
    expect(status).toBe(403)
    expect(h.gh.violations).toEqual([expect.objectContaining({ kind: 'missing-permission' })])
  })

  it('records every request with its body, operation and installation', async () => {
    await h.octokit.rest.issues.create({ owner, repo, title: 'Leak', body: 'details' })
    const recorded = h.gh.requests.at(-1)
    expect(recorded).toMatchObject({ method: 'POST', operation: 'POST /repos/{owner}/{repo}/issues', status: 201, installationId: INSTALLATION_ID })
    expect(JSON.parse(recorded?.body ?? '{}')).toEqual({ title: 'Leak', body: 'details' })
  })
})
