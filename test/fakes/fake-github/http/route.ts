import type { FakeRepository } from '../state/fake-repository.js'
import type { InstallationRecord, World } from '../state/world.js'

/** What a route handler sees: the matched path parameters, the validated query and body, and the model. */
export interface RouteContext {
  params: Record<string, string>
  /** The request path under `/api/v3` (for `Link` headers). */
  path: string
  query: URLSearchParams
  /** The `Accept` header: `application/vnd.github.raw` (or `.v3.raw`) asks contents and blobs for raw bytes. */
  accept: string
  /** The parsed JSON body (already validated against the operation's schema), or `undefined`. */
  body: unknown
  now: Date
  world: World
  /** The calling installation (installation-token routes only). */
  installation: InstallationRecord | undefined
  /** The repository named by `{owner}/{repo}`, already checked to be reachable by the caller (see `requireRepo`). */
  repo: FakeRepository | undefined
}

/** The route's repository; only routes under `/repos/{owner}/{repo}` call it. */
export function requireRepo(context: RouteContext): FakeRepository {
  if (!context.repo) throw new Error('fake GitHub: a route without {owner}/{repo} asked for the repository')
  return context.repo
}

export interface RouteResult {
  status: number
  body?: unknown
  /** Raw bytes instead of JSON (the `raw` media type), sent as `application/vnd.github.raw`. */
  raw?: Buffer
  headers?: Record<string, string>
}

/** Whether the client asked for the raw media type (Probot's config plugin does, for the config file). */
export function wantsRaw(context: RouteContext): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(context.accept)
}

/** What GitHub refuses before running the operation (beyond the schema), recorded in `refusals`. */
export interface LimitRefusal {
  kind: 'annotations' | 'output-too-long'
  message: string
}

/** One operation the fake answers, registered under its OpenAPI key. */
export interface Route {
  /** `METHOD /template` exactly as in GitHub's OpenAPI description, e.g. `GET /repos/{owner}/{repo}/compare/{basehead}`. */
  operation: string
  /** `app`: the app's JWT; `installation`: an installation access token; `none`: no credential (the manifest conversion). */
  auth: 'app' | 'installation' | 'none'
  /** The installation permission the operation needs (GitHub answers 403 without it). */
  permission?: { name: string; level: 'read' | 'write' }
  /** Counts against the content-creation secondary limit (docs/facts.md §5). */
  createsContent?: boolean
  /** A GitHub limit checked before the schema (e.g. 50 annotations), so it is reported as a refusal. */
  refuse?: (body: unknown) => LimitRefusal | undefined
  handle(context: RouteContext): RouteResult
}
