import type { CommentRecord, IssueRecord, LabelRecord } from '../state/issue-tracker.js'
import type { FakeRepository } from '../state/fake-repository.js'
import { nodeId, type GitHubUrls } from '../urls.js'
import { isoSeconds } from './commit-json.js'
import { userByLogin, userJson } from './user-json.js'

export function labelJson(urls: GitHubUrls, repo: FakeRepository, label: LabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${urls.repoApi(repo.fullName)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  }
}

/** An issue, or the issue side of a pull request (then with a `pull_request` key, as `GET …/issues` lists them). */
export function issueJson(urls: GitHubUrls, repo: FakeRepository, issue: IssueRecord): Record<string, unknown> {
  const api = `${urls.repoApi(repo.fullName)}/issues/${issue.number}`
  const html = `${urls.repoHtml(repo.fullName)}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`
  const assignees = issue.assignees.map((login) => userJson(urls, userByLogin(login)))
  return {
    id: issue.id,
    node_id: nodeId('Issue', issue.id),
    url: api,
    repository_url: urls.repoApi(repo.fullName),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userJson(urls, userByLogin(issue.creator)),
    labels: issue.labels.flatMap((name) => {
      const label = repo.issues.label(name)
      return label ? [labelJson(urls, repo, label)] : []
    }),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: issue.comments.length,
    closed_at: issue.closedAt === null ? null : isoSeconds(issue.closedAt),
    created_at: isoSeconds(issue.createdAt),
    updated_at: isoSeconds(issue.updatedAt),
    closed_by: null,
    author_association: 'NONE',
    ...(issue.pull ? { pull_request: { url: `${urls.repoApi(repo.fullName)}/pulls/${issue.number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, merged_at: null } } : {}),
  }
}

export function commentJson(urls: GitHubUrls, repo: FakeRepository, issue: IssueRecord, comment: CommentRecord): Record<string, unknown> {
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: `${urls.repoApi(repo.fullName)}/issues/comments/${comment.id}`,
    html_url: `${urls.repoHtml(repo.fullName)}/issues/${issue.number}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userJson(urls, userByLogin(comment.user)),
    created_at: isoSeconds(comment.createdAt),
    updated_at: isoSeconds(comment.updatedAt),
    issue_url: `${urls.repoApi(repo.fullName)}/issues/${issue.number}`,
    author_association: 'NONE',
  }
}
