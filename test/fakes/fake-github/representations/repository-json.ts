import type { FakeRepository } from '../state/fake-repository.js'
import { nodeId, type GitHubUrls } from '../urls.js'
import { userJson } from './user-json.js'

const URL_TEMPLATES: Record<string, string> = {
  forks_url: '/forks', keys_url: '/keys{/key_id}', collaborators_url: '/collaborators{/collaborator}', teams_url: '/teams',
  hooks_url: '/hooks', issue_events_url: '/issues/events{/number}', events_url: '/events', assignees_url: '/assignees{/user}',
  branches_url: '/branches{/branch}', tags_url: '/tags', blobs_url: '/git/blobs{/sha}', git_tags_url: '/git/tags{/sha}',
  git_refs_url: '/git/refs{/sha}', trees_url: '/git/trees{/sha}', statuses_url: '/statuses/{sha}', languages_url: '/languages',
  stargazers_url: '/stargazers', contributors_url: '/contributors', subscribers_url: '/subscribers', subscription_url: '/subscription',
  commits_url: '/commits{/sha}', git_commits_url: '/git/commits{/sha}', comments_url: '/comments{/number}',
  issue_comment_url: '/issues/comments{/number}', contents_url: '/contents/{+path}', compare_url: '/compare/{base}...{head}',
  merges_url: '/merges', archive_url: '/{archive_format}{/ref}', downloads_url: '/downloads', issues_url: '/issues{/number}',
  pulls_url: '/pulls{/number}', milestones_url: '/milestones{/number}', notifications_url: '/notifications{?since,all,participating}',
  labels_url: '/labels{/name}', releases_url: '/releases{/id}', deployments_url: '/deployments',
}

/** The short form listed by `GET /installation/repositories` and installation webhooks. */
export function repositoryRefJson(repo: FakeRepository): Record<string, unknown> {
  return { id: repo.id, node_id: nodeId('Repository', repo.id), name: repo.name, full_name: repo.fullName, private: repo.isPrivate }
}

/** A full repository (`GET /repos/{owner}/{repo}`, and the `repository` of webhook payloads). */
export function repositoryJson(urls: GitHubUrls, repo: FakeRepository): Record<string, unknown> {
  const api = urls.repoApi(repo.fullName)
  const html = urls.repoHtml(repo.fullName)
  const created = repo.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return {
    ...repositoryRefJson(repo),
    owner: userJson(urls, repo.owner),
    html_url: html,
    description: null,
    fork: false,
    url: api,
    ...Object.fromEntries(Object.entries(URL_TEMPLATES).map(([key, suffix]) => [key, `${api}${suffix}`])),
    created_at: created,
    updated_at: created,
    pushed_at: created,
    git_url: `git://${new URL(urls.baseUrl).host}/${repo.fullName}.git`,
    ssh_url: `git@${new URL(urls.baseUrl).hostname}:${repo.fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: repo.issues.issues.filter((issue) => issue.state === 'open').length,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.isPrivate ? 'private' : 'public',
    forks: 0,
    open_issues: repo.issues.issues.filter((issue) => issue.state === 'open').length,
    watchers: 0,
    network_count: 0,
    subscribers_count: 0,
    default_branch: repo.defaultBranch,
  }
}
