import { startHarness, type Harness } from './harness.js'

const owner = 'acme'
const repo = 'widgets'

describe('the fake compare API', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness({ patchLimitBytes: 1000 })
  })
  afterEach(async () => {
    await h.gh.close()
  })

  it('compares a new branch with the default branch: its own commits, oldest first, and their merge base', async () => {
    const base = h.repo.head() as string
    h.repo.createBranch('feature', base)
    const first = h.repo.commit({ branch: 'feature', files: { 'a.txt': 'one\n' } })
    const second = h.repo.commit({ branch: 'feature', files: { 'a.txt': 'one\ntwo\n' } })
    const { data } = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: 'main...feature' })
    expect(data.commits.map((commit) => commit.sha)).toEqual([first, second])
    expect(data.merge_base_commit.sha).toBe(base)
    expect(data).toMatchObject({ status: 'ahead', ahead_by: 2, behind_by: 0, total_commits: 2 })
    expect(data.files).toEqual([expect.objectContaining({ filename: 'a.txt', status: 'added', additions: 2, deletions: 0, changes: 2, patch: '@@ -0,0 +1,2 @@\n+one\n+two' })])
  })

  it('after a force push, lists only what is new since the merge base', async () => {
    const root = h.repo.head() as string
    h.repo.commit({ files: { 'gone.txt': 'old\n' } })
    const before = h.repo.commit({ files: { 'gone.txt': 'older\n' } })
    const after = h.repo.commit({ parents: [root], files: { 'new.txt': 'new\n' } })
    const { data } = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${before}...${after}` })
    expect(data).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 2, total_commits: 1 })
    expect(data.merge_base_commit.sha).toBe(root)
    expect(data.files?.map((file) => file.filename)).toEqual(['new.txt'])
  })

  it('lists the most recent 250 commits without paging, and pages chronologically with files on page 1 only', async () => {
    const base = h.repo.head() as string
    const shas = Array.from({ length: 260 }, (_, i) => h.repo.commit({ files: { [`f${i % 5}.txt`]: `${i}\n` } }))
    const unpaged = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...main` })
    expect(unpaged.data.commits).toHaveLength(250)
    expect(unpaged.data.commits.at(-1)?.sha).toBe(shas.at(-1))
    expect(unpaged.data.total_commits).toBe(260)
    const page1 = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...main`, per_page: 100, page: 1 })
    const page3 = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...main`, per_page: 100, page: 3 })
    expect(page1.data.commits[0]?.sha).toBe(shas[0])
    expect(page1.data.files).toHaveLength(5)
    expect(page1.headers.link).toContain('rel="next"')
    expect(page3.data.commits.map((commit) => commit.sha)).toEqual(shas.slice(200))
    expect(page3.data.files).toEqual([])
  })

  it('shows at most 300 files in a compare; get-a-commit pages the rest', async () => {
    const base = h.repo.head() as string
    const files = Object.fromEntries(Array.from({ length: 350 }, (_, i) => [`file-${String(i).padStart(3, '0')}.txt`, `line ${i}\n`]))
    const head = h.repo.commit({ files })
    const compared = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}` })
    expect(compared.data.files).toHaveLength(300)
    const page2 = await h.octokit.rest.repos.getCommit({ owner, repo, ref: head, page: 2 })
    expect(page2.data.files?.map((file) => file.filename)).toEqual(Object.keys(files).slice(300))
    const pages = await Promise.all([1, 2, 3, 4].map((page) => h.octokit.rest.repos.getCommit({ owner, repo, ref: head, per_page: 100, page })))
    const all = pages.flatMap((page) => page.data.files ?? [])
    expect(all).toHaveLength(350)
  })

  it('omits the patch of a file over the patch limit and of a binary file, keeping their other fields', async () => {
    const base = h.repo.head() as string
    const head = h.repo.commit({ files: { 'big.txt': 'x'.repeat(40).concat('\n').repeat(100), 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) } })
    const { data } = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}` })
    const big = data.files?.find((file) => file.filename === 'big.txt')
    const binary = data.files?.find((file) => file.filename === 'logo.png')
    expect(big).toMatchObject({ status: 'added', additions: 100 })
    expect(big).not.toHaveProperty('patch')
    expect(binary).toMatchObject({ status: 'added', additions: 0, deletions: 0 })
    expect(binary).not.toHaveProperty('patch')
    const blob = await h.octokit.rest.git.getBlob({ owner, repo, file_sha: binary?.sha ?? '' })
    expect(Buffer.from(blob.data.content, 'base64')).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))
  })

  it('prints a modification as a hunk with 3 lines of context and a rename with previous_filename', async () => {
    h.repo.commit({ files: { 'list.txt': 'a\nb\nc\nd\ne\nf\ng\nh\n', 'old-name.txt': 'same\n' } })
    const base = h.repo.head() as string
    const head = h.repo.commit({ files: { 'list.txt': 'a\nb\nc\nd\nE\nf\ng\nh\n', 'old-name.txt': null, 'new-name.txt': 'same\n' } })
    const { data } = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}` })
    expect(data.files?.find((file) => file.filename === 'list.txt')?.patch).toBe('@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h')
    expect(data.files?.find((file) => file.filename === 'new-name.txt')).toMatchObject({ status: 'renamed', previous_filename: 'old-name.txt' })
  })

  it('shows a merge commit with both parents and its diff against the first parent', async () => {
    const base = h.repo.head() as string
    h.repo.createBranch('topic', base)
    const topic = h.repo.commit({ branch: 'topic', files: { 'topic.txt': 'topic\n' } })
    const mainHead = h.repo.commit({ files: { 'main.txt': 'main\n' } })
    const merge = h.repo.commit({ parents: [mainHead, topic], files: { 'topic.txt': 'topic\n', 'resolved.txt': 'fix\n' }, message: 'Merge topic' })
    const { data } = await h.octokit.rest.repos.getCommit({ owner, repo, ref: merge })
    expect(data.parents.map((parent) => parent.sha)).toEqual([mainHead, topic])
    expect(data.files?.map((file) => file.filename)).toEqual(['resolved.txt', 'topic.txt'])
    const compared = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${merge}` })
    expect(compared.data.commits.map((commit) => commit.sha)).toEqual([mainHead, topic, merge])
  })
})
