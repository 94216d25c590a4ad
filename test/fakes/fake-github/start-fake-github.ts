import { createPublicKey } from 'node:crypto'
import { FakeGitHub } from './fake-github.js'
import { Recorder } from './http/recorder.js'
import { RequestPipeline, type IncomingCall, type Reply } from './http/request-pipeline.js'
import { portOf, serve } from './http/serve.js'
import { DEFAULT_LIMITS, RateLimiter, type RateLimitOptions } from './limits/rate-limiter.js'
import { loadGitHubSpec } from './openapi/spec.js'
import { allRoutes } from './routes/all-routes.js'
import { sodiumReady } from './state/secret-store.js'
import { World } from './state/world.js'
import { WebPages } from './web/web-pages.js'
import { GitHubUrls } from './urls.js'

/** Options of `startFakeGitHub`; only `appId` is required. */
export interface FakeGitHubOptions {
  appId: number
  /** The app's key (public, or the private PEM from which the public half is taken): app JWTs must verify with it. */
  publicKeyPem?: string
  appSlug?: string
  /** GitHub's limits, each overridable (see `DEFAULT_LIMITS`). */
  limits?: Partial<RateLimitOptions>
  /** A file's `patch` is omitted when longer than this. Default 500 KiB (GitHub's per-file diff limit, inferred). */
  patchLimitBytes?: number
  /** A file's `patch` is omitted when it has more lines than this. Default 20,000 (inferred, as above). */
  patchLimitLines?: number
  /** The fake's time (rate-limit windows, timestamps): pass a `FakeClock` to move time without sleeping. */
  clock?: { now(): number }
  /** Default 0: an ephemeral port. */
  port?: number
  /** Delay before each answer, in ms (real time), so requests overlap and the concurrency limit can bite. Default 0. */
  latencyMs?: number
}

/**
 * Starts a fake GitHub REST API on 127.0.0.1 (GHES-style, under `/api/v3`), for tests in this process or an app in a
 * child process (`GHE_HOST=gh.host`, `GHE_PROTOCOL=http`). Every request is checked against GitHub's OpenAPI
 * description and GitHub's limits. Close it with `close()`.
 */
export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  loadGitHubSpec()
  await sodiumReady()
  const clock = options.clock ?? { now: () => Date.now() }
  const limiter = new RateLimiter({ ...DEFAULT_LIMITS, ...options.limits })
  const recorder = new Recorder()
  let handle: (call: IncomingCall) => Reply = () => {
    throw new Error('fake GitHub: not ready')
  }
  const server = await serve({ handle: (call) => handle(call), limiter, latencyMs: options.latencyMs ?? 0, port: options.port ?? 0 })
  const urls = new GitHubUrls(`http://127.0.0.1:${portOf(server)}`)
  const slug = options.appSlug ?? 'localstack-guard'
  const owner = { login: 'localstack', id: 1001, type: 'Organization' as const }
  const app = { id: options.appId, slug, name: slug, owner, botUser: { login: `${slug}[bot]`, id: 2001, type: 'Bot' as const } }
  const patchLimits = { bytes: options.patchLimitBytes ?? 500 * 1024, lines: options.patchLimitLines ?? 20_000 }
  const appKey = options.publicKeyPem === undefined ? undefined : createPublicKey(options.publicKeyPem)
  const world = new World(urls, app, appKey, patchLimits, () => clock.now())
  const pipeline = new RequestPipeline({ world, recorder, limiter, routes: allRoutes(), web: new WebPages(world) })
  handle = (call) => pipeline.handle(call)
  return new FakeGitHub(world, recorder, server)
}
