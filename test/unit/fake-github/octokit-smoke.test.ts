import { startHarness, type Harness } from './harness.js'

describe('the fake GitHub answering @octokit/rest', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.gh.close()
  })

  it('serves a repository with its default branch and rate-limit headers', async () => {
    const response = await h.octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' })
    expect(response.data.default_branch).toBe('main')
    expect(response.data.full_name).toBe('acme/widgets')
    expect(response.headers['x-ratelimit-limit']).toBe('5000')
    expect(response.headers['x-ratelimit-remaining']).toBe('4999')
    expect(response.headers['x-ratelimit-resource']).toBe('core')
    expect(h.gh.violations).toEqual([])
  })
})
