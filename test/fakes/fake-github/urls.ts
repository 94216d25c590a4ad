/**
 * The fake's URLs, GHES-style: the web at `http://127.0.0.1:PORT/...`, the REST API under `/api/v3` (what Probot
 * calls with `GHE_HOST=127.0.0.1:PORT` and `GHE_PROTOCOL=http`).
 */
export class GitHubUrls {
  constructor(readonly baseUrl: string) {}

  get api(): string {
    return `${this.baseUrl}/api/v3`
  }

  repoApi(fullName: string): string {
    return `${this.api}/repos/${fullName}`
  }

  repoHtml(fullName: string): string {
    return `${this.baseUrl}/${fullName}`
  }

  userApi(login: string): string {
    return `${this.api}/users/${encodeURIComponent(login)}`
  }
}

/** A GraphQL-style global node id, opaque like GitHub's. */
export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`0${kind}${String(id)}`).toString('base64').replace(/=+$/, '')
}
