import type { CommitRecord, Signature } from '../git/object-store.js'
import type { FakeRepository } from '../state/fake-repository.js'
import { nodeId, type GitHubUrls } from '../urls.js'
import { userByLogin, userJson } from './user-json.js'

/** GitHub prints times without milliseconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function gitSignature(signature: Signature): Record<string, unknown> {
  return { name: signature.name, email: signature.email, date: isoSeconds(signature.date) }
}

const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }

/** `GET …/git/commits/{sha}`: the raw git commit. */
export function gitCommitJson(urls: GitHubUrls, repo: FakeRepository, commit: CommitRecord): Record<string, unknown> {
  const api = urls.repoApi(repo.fullName)
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${urls.repoHtml(repo.fullName)}/commit/${commit.sha}`,
    author: gitSignature(commit.author),
    committer: gitSignature(commit.committer),
    tree: { sha: commit.treeSha, url: `${api}/git/trees/${commit.treeSha}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({ sha, url: `${api}/git/commits/${sha}`, html_url: `${urls.repoHtml(repo.fullName)}/commit/${sha}` })),
    verification: UNSIGNED,
  }
}

/** A commit as compare, list-commits and get-a-commit show it (without `files` and `stats`). */
export function commitJson(urls: GitHubUrls, repo: FakeRepository, commit: CommitRecord): Record<string, unknown> {
  const api = urls.repoApi(repo.fullName)
  const html = urls.repoHtml(repo.fullName)
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    commit: {
      author: gitSignature(commit.author),
      committer: gitSignature(commit.committer),
      message: commit.message,
      tree: { sha: commit.treeSha, url: `${api}/git/trees/${commit.treeSha}` },
      url: `${api}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: UNSIGNED,
    },
    url: `${api}/commits/${commit.sha}`,
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    author: commit.author.username === undefined ? null : userJson(urls, userByLogin(commit.author.username)),
    committer: commit.committer.username === undefined ? null : userJson(urls, userByLogin(commit.committer.username)),
    parents: commit.parents.map((sha) => ({ sha, url: `${api}/commits/${sha}`, html_url: `${html}/commit/${sha}` })),
  }
}
