import type { CheckRunRecord } from '../state/check-run-store.js'
import type { FakeRepository } from '../state/fake-repository.js'
import type { AppInfo } from '../state/world.js'
import { nodeId, type GitHubUrls } from '../urls.js'
import { isoSeconds } from './commit-json.js'
import { userJson } from './user-json.js'

export function checkRunJson(context: { urls: GitHubUrls; app: AppInfo }, repo: FakeRepository, run: CheckRunRecord): Record<string, unknown> {
  const { urls, app } = context
  const api = `${urls.repoApi(repo.fullName)}/check-runs/${run.id}`
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId('CheckRun', run.id),
    external_id: run.externalId ?? '',
    url: api,
    html_url: `${urls.repoHtml(repo.fullName)}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${urls.baseUrl}/apps/${app.slug}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: isoSeconds(run.startedAt),
    completed_at: run.completedAt === null ? null : isoSeconds(run.completedAt),
    output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `${api}/annotations` },
    name: run.name,
    check_suite: { id: run.id + 1 },
    app: { id: app.id, slug: app.slug, node_id: nodeId('App', app.id), owner: userJson(urls, app.owner), name: app.name, description: null, external_url: urls.baseUrl, html_url: `${urls.baseUrl}/apps/${app.slug}`, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', permissions: {}, events: [] },
    pull_requests: [],
  }
}
