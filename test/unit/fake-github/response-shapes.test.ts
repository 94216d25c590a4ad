import { schemaProblems } from '../../fakes/fake-github/openapi/validate-schema.js'
import { generateToken } from '../../support/generate-token.js'
import { startHarness, type Harness } from './harness.js'

describe("the fake's answers and payloads, checked against GitHub's schemas", () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
    h.repo.commit({ files: { 'src/app.ts': 'export const a = 1\n', 'docs/guide.md': 'guide\n' }, message: 'Add app' })
  })
  afterAll(async () => {
    await h.gh.close()
  })
  const owner = 'acme'
  const repo = 'widgets'

  it('answers repository, compare, commit, tree, blob and contents in their documented shapes', async () => {
    const head = h.repo.head() as string
    const base = h.repo.requireCommit(head).parents[0] as string
    const { octokit } = h
    expect(schemaProblems('full-repository', (await octokit.rest.repos.get({ owner, repo })).data)).toEqual([])
    expect(schemaProblems('commit-comparison', (await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}` })).data)).toEqual([])
    expect(schemaProblems('commit', (await octokit.rest.repos.getCommit({ owner, repo, ref: head })).data)).toEqual([])
    const tree = await octokit.rest.git.getTree({ owner, repo, tree_sha: head, recursive: '1' })
    expect(schemaProblems('git-tree', tree.data)).toEqual([])
    const blobSha = tree.data.tree.find((entry) => entry.path === 'src/app.ts')?.sha ?? ''
    expect(schemaProblems('blob', (await octokit.rest.git.getBlob({ owner, repo, file_sha: blobSha })).data)).toEqual([])
    expect(schemaProblems('content-file', (await octokit.rest.repos.getContent({ owner, repo, path: 'src/app.ts' })).data)).toEqual([])
    expect(schemaProblems('git-commit', (await octokit.rest.git.getCommit({ owner, repo, commit_sha: head })).data)).toEqual([])
  })

  it('answers issue, comment, check run and label writes in their documented shapes', async () => {
    const { octokit } = h
    const issue = await octokit.rest.issues.create({ owner, repo, title: 'Leak', labels: ['security'], assignees: ['octocat'] })
    expect(schemaProblems('issue', issue.data)).toEqual([])
    const comment = await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.data.number, body: 'again' })
    expect(schemaProblems('issue-comment', comment.data)).toEqual([])
    const run = await octokit.rest.checks.create({ owner, repo, name: 'guard', head_sha: h.repo.head() as string, conclusion: 'success' })
    expect(schemaProblems('check-run', run.data)).toEqual([])
    expect(schemaProblems('label', (await octokit.rest.issues.getLabel({ owner, repo, name: 'security' })).data)).toEqual([])
    expect(h.gh.violations).toEqual([])
  })

  it('builds push, installation, check_run and secret_scanning_alert payloads that match the webhook schemas', () => {
    const head = h.repo.head() as string
    const before = h.repo.requireCommit(head).parents[0] as string
    const run = h.gh.checkRuns(h.repo)[0]
    expect(schemaProblems('webhook-push', h.gh.pushPayload(h.repo, { ref: 'refs/heads/main', before, after: head }))).toEqual([])
    expect(schemaProblems('webhook-installation-created', h.gh.installationPayload(77))).toEqual([])
    expect(schemaProblems('webhook-installation-repositories-added', h.gh.installationRepositoriesPayload(77, { added: [h.repo] }))).toEqual([])
    expect(schemaProblems('webhook-check-run-rerequested', h.gh.checkRunRerequestedPayload(h.repo, run?.id ?? 0))).toEqual([])
    const alert = h.gh.secretScanningAlertPayload(h.repo, { secret: generateToken(), locations: [{ path: 'src/app.ts', commitSha: head }] })
    expect(schemaProblems('webhook-secret-scanning-alert-created', alert)).toEqual([])
  })
})
