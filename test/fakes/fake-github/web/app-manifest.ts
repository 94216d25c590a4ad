import { loadGitHubSpec } from '../openapi/spec.js'
import type { PermissionLevel } from '../state/world.js'

/** A manifest as GitHub accepted it. */
export interface AppManifest {
  name: string
  url: string
  description: string
  public: boolean
  hookUrl: string | undefined
  redirectUrl: string | undefined
  permissions: Record<string, PermissionLevel>
  events: string[]
}

/**
 * The permission an event needs before an app may subscribe to it (GitHub's webhook reference, "Availability" of each
 * event). GitHub refuses a manifest that subscribes to an event none of its permissions covers; the creation check
 * maps `issue_comment` to `issues`.
 */
const EVENT_PERMISSION: Readonly<Record<string, string>> = {
  push: 'contents',
  create: 'contents',
  delete: 'contents',
  release: 'contents',
  check_run: 'checks',
  check_suite: 'checks',
  issues: 'issues',
  issue_comment: 'issues',
  label: 'issues',
  pull_request: 'pull_requests',
  pull_request_review: 'pull_requests',
  pull_request_review_comment: 'pull_requests',
  secret_scanning_alert: 'secret_scanning_alerts',
  secret_scanning_alert_location: 'secret_scanning_alerts',
  code_scanning_alert: 'security_events',
  workflow_run: 'actions',
  workflow_job: 'actions',
  deployment: 'deployments',
  deployment_status: 'deployments',
  status: 'statuses',
}

/** Delivered to every app whatever it asks for; GitHub refuses them in a manifest ("Default events unsupported"). */
const ALWAYS_DELIVERED = new Set(['installation', 'installation_repositories', 'installation_target', 'github_app_authorization'])

export type ManifestResult = { ok: true; manifest: AppManifest } | { ok: false; errors: string[] }

/**
 * Checks a submitted manifest as GitHub's registration page does, and returns GitHub's error lines when it would show
 * "Invalid GitHub App configuration" instead of creating the app.
 */
export function parseAppManifest(text: string | null): ManifestResult {
  const object = parseObject(text)
  if (typeof object === 'string') return { ok: false, errors: [object] }
  const errors: string[] = []
  const name = readName(object['name'], errors)
  const url = readUrl(object['url'], 'Url', errors)
  const hook = object['hook_attributes'] as { url?: unknown; active?: unknown } | undefined
  const hookUrl = hook === undefined || hook.active === false ? undefined : readUrl(hook.url, 'Hook url', errors)
  const redirectUrl = object['redirect_url'] === undefined ? undefined : readUrl(object['redirect_url'], 'Redirect url', errors)
  const permissions = readPermissions(object['default_permissions'], errors)
  const events = readEvents(object['default_events'], permissions, errors)
  if (errors.length > 0) return { ok: false, errors }
  const description = typeof object['description'] === 'string' ? object['description'] : ''
  return { ok: true, manifest: { name, url: url ?? '', description, public: object['public'] === true, hookUrl, redirectUrl, permissions, events } }
}

/** The manifest's JSON object, or why there is none. */
function parseObject(text: string | null): Record<string, unknown> | string {
  if (text === null) return 'No manifest was submitted (the form needs a "manifest" field)'
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return 'The manifest is not valid JSON'
  }
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : 'The manifest is not a JSON object'
}

function readName(value: unknown, errors: string[]): string {
  if (typeof value !== 'string' || value.trim() === '') errors.push('Name must not be blank')
  else if (value.trim().length > 34) errors.push('Name is too long (maximum is 34 characters)')
  return typeof value === 'string' ? value.trim() : ''
}

function readUrl(value: unknown, field: string, errors: string[]): string | undefined {
  if (typeof value === 'string' && isHttpUrl(value)) return value
  errors.push(`${field} must be an http(s) URL`)
  return undefined
}

function readPermissions(value: unknown, errors: string[]): Record<string, PermissionLevel> {
  const permissions: Record<string, PermissionLevel> = { metadata: 'read' }
  if (value === undefined) return permissions
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push('Default permissions must be an object of permission names and levels')
    return permissions
  }
  const known = appPermissionLevels()
  for (const [name, level] of Object.entries(value)) {
    const levels = known.get(name)
    if (levels === undefined) errors.push(`Default permission ${name} is not a permission`)
    else if (typeof level !== 'string' || !levels.includes(level)) errors.push(`Default permission ${name} cannot be ${String(level)} (one of ${levels.join(', ')})`)
    else permissions[name] = level as PermissionLevel
  }
  return permissions
}

function readEvents(value: unknown, permissions: Record<string, PermissionLevel>, errors: string[]): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((event) => typeof event !== 'string')) {
    errors.push('Default events must be a list of event names')
    return []
  }
  const events = value as string[]
  const unsupported = events.filter((event) => ALWAYS_DELIVERED.has(event) || EVENT_PERMISSION[event] === undefined)
  // An event missing from the table may be real but is not modelled: the fake refuses it as GitHub refuses a
  // name it does not know, so a test never passes on an event the fake cannot check.
  if (unsupported.length > 0) errors.push(`Default events unsupported: ${unsupported.join(' and ')}`)
  const uncovered = events.filter((event) => !ALWAYS_DELIVERED.has(event) && EVENT_PERMISSION[event] !== undefined && permissions[EVENT_PERMISSION[event]] === undefined)
  if (uncovered.length > 0) errors.push(`Default events are not supported by permissions: ${uncovered.join(' and ')}`)
  return events
}

/** Permission names and their levels, from GitHub's published description (`app-permissions`). */
function appPermissionLevels(): Map<string, string[]> {
  const schema = loadGitHubSpec().components.schemas['app-permissions'] as { properties: Record<string, { enum?: string[] }> }
  return new Map(Object.entries(schema.properties).map(([name, property]) => [name, property.enum ?? []]))
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}
