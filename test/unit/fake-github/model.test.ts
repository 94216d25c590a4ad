import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sodium from 'libsodium-wrappers'
import { ZERO_SHA } from '../../fakes/fake-github/index.js'
import { installationOctokit, startHarness, statusOf, type Harness } from './harness.js'

const owner = 'acme'
const repo = 'widgets'

function gitTreeSha(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-github-tree-'))
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true })
      writeFileSync(join(dir, path), content)
    }
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim()
    git('init', '-q')
    git('add', '.')
    return git('write-tree')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe("the fake's repository model", () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.gh.close()
  })

  it('gives trees the ids git computes for the same files', () => {
    const files = { 'README.md': '# widgets\n', 'src/a.ts': 'a\n', 'src/deep/b.ts': 'b\n', 'src.txt': 'sorting\n' }
    const sha = h.repo.commit({ files: { 'src/a.ts': 'a\n', 'src/deep/b.ts': 'b\n', 'src.txt': 'sorting\n' } })
    expect(h.repo.requireCommit(sha).treeSha).toBe(gitTreeSha(files))
  })

  it('serves a recursive tree, a file through contents, and 404 for a missing path', async () => {
    const sha = h.repo.commit({ files: { '.github/localstack-guard.yml': 'migration: issue\n' } })
    const tree = await h.octokit.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: '1' })
    expect(tree.data.tree.map((entry) => `${entry.type} ${entry.path}`)).toEqual(['tree .github', 'blob .github/localstack-guard.yml', 'blob README.md'])
    const file = await h.octokit.rest.repos.getContent({ owner, repo, path: '.github/localstack-guard.yml', ref: sha })
    expect(Buffer.from((file.data as { content: string }).content, 'base64').toString()).toBe('migration: issue\n')
    expect(await statusOf(h.octokit.rest.repos.getContent({ owner, repo, path: 'nope.yml' }))).toBe(404)
  })

  it('moves branches and tags: new branch, force push, deletion and a tag, resolved by get-a-ref', async () => {
    const first = h.repo.head() as string
    h.repo.createBranch('feature', first)
    const second = h.repo.commit({ branch: 'feature', files: { 'x.txt': 'x\n' } })
    expect(h.repo.forcePush('feature', first)).toBe(second)
    h.repo.tag('v1', second)
    expect(h.repo.deleteBranch('feature')).toBe(first)
    const ref = await h.octokit.rest.git.getRef({ owner, repo, ref: 'tags/v1' })
    expect(ref.data.object.sha).toBe(second)
    expect(await statusOf(h.octokit.rest.git.getRef({ owner, repo, ref: 'heads/feature' }))).toBe(404)
  })

  it('files issues with labels and filters them by label, state and creator', async () => {
    await h.octokit.rest.issues.create({ owner, repo, title: 'Leak', labels: ['localstack-leak'] })
    const other = await h.octokit.rest.issues.create({ owner, repo, title: 'Other' })
    await h.octokit.rest.issues.update({ owner, repo, issue_number: other.data.number, state: 'closed' })
    const open = await h.octokit.rest.issues.listForRepo({ owner, repo, labels: 'localstack-leak', creator: 'localstack-guard[bot]' })
    expect(open.data.map((issue) => issue.title)).toEqual(['Leak'])
    const all = await h.octokit.rest.issues.listForRepo({ owner, repo, state: 'all' })
    expect(all.data.map((issue) => issue.title)).toEqual(['Other', 'Leak'])
    expect(h.gh.issues(h.repo).map((issue) => issue.state)).toEqual(['open', 'closed'])
    expect((await h.octokit.rest.issues.getLabel({ owner, repo, name: 'localstack-leak' })).data.color).toBe('ededed')
  })

  it('lists secret names only and accepts a value sealed with the repository public key', async () => {
    const legacy = h.gh.createRepository('acme/legacy', { secrets: ['LOCALSTACK_API_KEY'] })
    legacy.commit({ files: { 'a.txt': 'a\n' } })
    h.gh.addInstallation({ id: 78, account: 'acme', repositories: [legacy], permissions: { metadata: 'read', secrets: 'write' } })
    const { octokit } = await installationOctokit(h.gh, 78)
    const names = await octokit.rest.actions.listRepoSecrets({ owner, repo: 'legacy' })
    expect(names.data).toMatchObject({ total_count: 1, secrets: [expect.objectContaining({ name: 'LOCALSTACK_API_KEY' })] })
    const key = await octokit.rest.actions.getRepoPublicKey({ owner, repo: 'legacy' })
    await sodium.ready
    const sealed = sodium.crypto_box_seal(sodium.from_string('value-1'), sodium.from_base64(key.data.key, sodium.base64_variants.ORIGINAL))
    const encrypted_value = sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL)
    const put = await octokit.rest.actions.createOrUpdateRepoSecret({ owner, repo: 'legacy', secret_name: 'LOCALSTACK_AUTH_TOKEN', encrypted_value, key_id: key.data.key_id })
    expect(put.status).toBe(201)
    expect(legacy.secrets.secrets.get('LOCALSTACK_AUTH_TOKEN')?.value).toBe('value-1')
    expect(await statusOf(h.octokit.rest.actions.listRepoSecrets({ owner, repo: 'legacy' }))).toBe(404)
  })

  it('builds push payloads for a new branch, a force push and a deletion from the model', () => {
    const base = h.repo.head() as string
    h.repo.createBranch('feature', base)
    const added = h.repo.commit({ branch: 'feature', files: { 'a.txt': 'a\n' } })
    const created = h.gh.pushPayload(h.repo, { ref: 'refs/heads/feature', before: ZERO_SHA, after: added })
    expect(created).toMatchObject({ created: true, deleted: false, forced: false, installation: { id: 77 }, head_commit: { id: added } })
    expect(created['commits']).toEqual([expect.objectContaining({ id: added, distinct: true, added: ['a.txt'], removed: [], modified: [] })])
    const rewritten = h.repo.commit({ branch: 'feature', parents: [base], files: { 'b.txt': 'b\n' } })
    const forced = h.gh.pushPayload(h.repo, { ref: 'refs/heads/feature', before: added, after: rewritten })
    expect(forced).toMatchObject({ forced: true, commits: [expect.objectContaining({ id: rewritten })] })
    const before = h.repo.deleteBranch('feature')
    const deleted = h.gh.pushPayload(h.repo, { ref: 'refs/heads/feature', before, after: ZERO_SHA })
    expect(deleted).toMatchObject({ deleted: true, commits: [], head_commit: null })
    expect(String(deleted['compare'])).toMatch(/\/compare\/[0-9a-f]{12}\.\.\.000000000000$/)
  })
})
