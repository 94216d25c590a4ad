import { Probot, ProbotOctokit } from 'probot'
import { FakeClock } from '../../fakes/fake-clock.js'
import { startFakeGitHub, type FakeGitHub } from '../../fakes/fake-github/index.js'
import { APP_ID, appKey, INSTALLATION_ID } from './harness.js'

const CONFIG_PATH = '.github/localstack-guard.yml'

describe('a Probot app against the fake GitHub', () => {
  let gh: FakeGitHub
  let probot: Probot
  beforeEach(async () => {
    gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem, clock: new FakeClock(Date.UTC(2026, 0, 1)) })
    const widgets = gh.createRepository('acme/widgets')
    widgets.commit({ files: { 'README.md': 'hi\n' } })
    const dotGithub = gh.createRepository('acme/.github')
    dotGithub.commit({ files: { [CONFIG_PATH]: 'migration: pull-request\n' } })
    gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: 'all' })
    // Probot's throttling would wait on refusals; these tests want every answer as it is.
    const Octokit = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } })
    probot = new Probot({ appId: APP_ID, privateKey: appKey().privateKeyPem, baseUrl: gh.apiUrl, Octokit, logLevel: 'fatal' })
  })
  afterEach(async () => {
    await gh.close()
  })

  it('authenticates as the installation with a verified app JWT and reads the repository', async () => {
    const octokit = await probot.auth(INSTALLATION_ID)
    const { data } = await octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' })
    expect(data.default_branch).toBe('main')
    expect(gh.requests.map((request) => `${request.status} ${request.operation ?? request.path}`)).toEqual([
      '201 POST /app/installations/{installation_id}/access_tokens',
      '200 GET /repos/{owner}/{repo}',
    ])
    expect(gh.violations).toEqual([])
  })

  it("reads the config from the organisation's .github repository when the repository has none", async () => {
    const octokit = await probot.auth(INSTALLATION_ID)
    const { config, files } = await octokit.config.get({ owner: 'acme', repo: 'widgets', path: CONFIG_PATH })
    expect(config).toEqual({ migration: 'pull-request' })
    expect(files.map((file) => `${file.owner}/${file.repo}`)).toEqual(['acme/widgets', 'acme/.github'])
    expect(gh.violations).toEqual([])
  })

  it('lists the installation repositories and the installation of a repository', async () => {
    const octokit = await probot.auth(INSTALLATION_ID)
    const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 1 })
    expect(repositories.map((repository) => repository.full_name).sort()).toEqual(['acme/.github', 'acme/widgets'])
    const appOctokit = await probot.auth()
    const installation = await appOctokit.rest.apps.getRepoInstallation({ owner: 'acme', repo: 'widgets' })
    expect(installation.data.id).toBe(INSTALLATION_ID)
    expect(gh.violations).toEqual([])
  })
})
