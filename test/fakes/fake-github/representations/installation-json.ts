import type { InstallationRecord, World } from '../state/world.js'
import { userJson } from './user-json.js'

export function installationJson(world: World, installation: InstallationRecord): Record<string, unknown> {
  const { urls, app } = world
  const created = installation.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return {
    id: installation.id,
    account: userJson(urls, installation.account),
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.baseUrl}/${installation.account.type === 'Organization' ? `organizations/${installation.account.login}/` : ''}settings/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: installation.account.id,
    target_type: installation.account.type,
    permissions: installation.permissions,
    events: installation.events,
    created_at: created,
    updated_at: created,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  }
}

export function appJson(world: World): Record<string, unknown> {
  const { urls, app } = world
  return {
    id: app.id,
    slug: app.slug,
    node_id: `A_${app.id}`,
    client_id: `Iv1.${app.id}`,
    owner: userJson(urls, app.owner),
    name: app.name,
    description: '',
    external_url: urls.baseUrl,
    html_url: `${urls.baseUrl}/apps/${app.slug}`,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    permissions: {},
    events: [],
    installations_count: world.installations.size,
  }
}
