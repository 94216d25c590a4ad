import { installationOctokit, startHarness, statusOf, type Harness } from './harness.js'

describe('the fake refuses workflow changes as GitHub does', () => {
  let h: Harness
  afterEach(async () => {
    await h.gh.close()
  })

  const put = (harness: Harness, path: string) =>
    harness.octokit.rest.repos.createOrUpdateFileContents({ owner: 'acme', repo: 'widgets', path, message: 'edit', content: Buffer.from('x\n').toString('base64') })

  it('refuses an app change under .github/workflows/ without the workflows permission, even with contents: write', async () => {
    h = await startHarness()
    h.gh.installation(77).permissions = { metadata: 'read', contents: 'write' }
    expect(await statusOf(put(h, '.github/workflows/ci.yml'))).toBe(403)
    expect(h.gh.violations).toEqual([expect.objectContaining({ kind: 'missing-permission', message: expect.stringContaining('without `workflows` permission') })])
    expect(await statusOf(put(h, 'docs/ci.yml'))).toBe(200)
  })

  it('accepts it with workflows: write', async () => {
    h = await startHarness()
    h.gh.installation(77).permissions = { metadata: 'read', contents: 'write', workflows: 'write' }
    const { octokit } = await installationOctokit(h.gh, 77)
    await octokit.rest.repos.createOrUpdateFileContents({ owner: 'acme', repo: 'widgets', path: '.github/workflows/ci.yml', message: 'edit', content: Buffer.from('x\n').toString('base64') })
    expect(h.gh.violations).toEqual([])
  })
})
