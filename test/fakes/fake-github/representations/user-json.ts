import { nodeId, type GitHubUrls } from '../urls.js'

/** A user, organisation or bot as the REST API embeds it (`simple-user`). */
export interface UserRef {
  login: string
  id: number
  type: 'User' | 'Organization' | 'Bot'
}

export function userJson(urls: GitHubUrls, user: UserRef): Record<string, unknown> {
  const api = urls.userApi(user.login)
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `${urls.baseUrl}/avatars/u/${user.id}`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.baseUrl}/${encodeURIComponent(user.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  }
}

/** A plain login (an assignee, a comment author) as a user: ids are derived so the same login keeps its id. */
export function userByLogin(login: string): UserRef {
  let hash = 7
  for (const char of login) hash = (hash * 31 + char.charCodeAt(0)) % 90_000_000
  return { login, id: 10_000_000 + hash, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
}
