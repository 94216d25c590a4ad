import type { LimitDecision, RateLimiter } from '../limits/rate-limiter.js'
import { matchOperation, type MatchedOperation } from '../openapi/match-operation.js'
import { validateRequest } from '../openapi/validate-request.js'
import type { World } from '../state/world.js'
import { authenticate, checkPermission, type Caller } from './authenticate.js'
import { errorBody, HttpError, notFound, ViolationError } from './http-error.js'
import { secondaryLimitMessage, primaryLimitMessage } from './limit-messages.js'
import type { Recorder, Refusal } from './recorder.js'
import type { Route, RouteContext } from './route.js'
import type { WebPages } from '../web/web-pages.js'

/** A request as the server read it. */
export interface IncomingCall {
  method: string
  url: string
  authorization: string | undefined
  accept: string | undefined
  bodyText: string
}

export interface Reply {
  status: number
  headers: Record<string, string>
  body: unknown
  raw?: Buffer
  /** The installation whose concurrency slot this request holds until it is answered. */
  installationId?: number
}

const API_PREFIX = '/api/v3'

/**
 * One request through the fake, in GitHub's order: path → documented operation → credentials → rate limits →
 * GitHub's own limits (50 annotations, 65535 characters) → OpenAPI schema → repository access → permission → route.
 */
export class RequestPipeline {
  constructor(
    private readonly deps: { world: World; recorder: Recorder; limiter: RateLimiter; routes: Map<string, Route>; web: WebPages },
  ) {}

  handle(call: IncomingCall): Reply {
    const url = new URL(call.url, 'http://fake.invalid')
    // The web pages a person uses (registering and installing the app) are outside the API and its checks.
    const page = url.pathname.startsWith(`${API_PREFIX}/`) ? undefined : this.deps.web.handle(call, url)
    if (page !== undefined) return page
    const path = url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : url.pathname
    const reply: Reply = { status: 500, headers: {}, body: undefined }
    let matched: MatchedOperation | undefined
    try {
      if (!url.pathname.startsWith(`${API_PREFIX}/`)) throw new ViolationError('not-api-path', 404, 'Not Found')
      matched = matchOperation(call.method, path)
      if (!matched) throw new ViolationError('unknown-endpoint', 404, 'Not Found')
      const route = this.deps.routes.get(matched.key)
      if (!route) throw new ViolationError('unhandled-endpoint', 404, `Not Found (the fake GitHub does not implement ${matched.key})`)
      const injected = this.deps.world.faults.take(matched.key, path)
      if (injected !== undefined) throw new HttpError(injected, 'Server Error (injected fault)')
      Object.assign(reply, this.run(route, { call, matched, query: url.searchParams, reply }))
    } catch (error: unknown) {
      this.fail(reply, error, { method: call.method, path })
    }
    this.deps.recorder.requests.push({
      method: call.method,
      path,
      query: Object.fromEntries(url.searchParams.entries()),
      operation: matched?.key,
      status: reply.status,
      body: call.bodyText,
      installationId: reply.installationId,
      atMs: this.deps.world.now(),
    })
    return reply
  }

  private run(route: Route, request: { call: IncomingCall; matched: MatchedOperation; query: URLSearchParams; reply: Reply }): Partial<Reply> {
    const { world } = this.deps
    const caller = this.authenticate(route, request.call.authorization)
    if (caller.kind === 'installation') this.admit(route, caller.installation.id, request)
    const body = parseBody(request.call.bodyText)
    const refusal = route.refuse?.(body)
    if (refusal) {
      this.refuse(request, { kind: refusal.kind, status: 422, message: refusal.message })
      throw new HttpError(422, refusal.message)
    }
    const problems = validateRequest(request.matched, request.query, body)
    if (problems.length > 0) {
      const detail = problems.map((problem) => `${problem.where} ${problem.message}`).join('; ')
      throw new ViolationError('invalid-request', 422, `Invalid request.\n\n${detail}`)
    }
    const context: RouteContext = {
      params: request.matched.params,
      path: new URL(request.call.url, 'http://fake.invalid').pathname.slice(API_PREFIX.length),
      query: request.query,
      accept: request.call.accept ?? '',
      body,
      now: new Date(world.now()),
      world,
      installation: caller.kind === 'installation' ? caller.installation : undefined,
      repo: this.repository(request.matched.params, caller),
    }
    if (caller.kind === 'installation') checkPermission(route, caller.installation)
    const result = route.handle(context)
    return { status: result.status, body: result.body, ...(result.raw ? { raw: result.raw } : {}), headers: { ...request.reply.headers, ...result.headers } }
  }

  private authenticate(route: Route, authorization: string | undefined): Caller {
    try {
      return authenticate(route, authorization, { world: this.deps.world })
    } catch (error: unknown) {
      if (error instanceof HttpError) throw new ViolationError('bad-credentials', error.status, error.message)
      throw error
    }
  }

  private admit(route: Route, installationId: number, request: { call: IncomingCall; reply: Reply }): void {
    const { limiter, world } = this.deps
    const decision = limiter.admit(installationId, route.createsContent === true, world.now())
    request.reply.headers = limiter.headers(installationId, world.now())
    request.reply.installationId = installationId
    limiter.enter(installationId)
    if (decision) this.refuseForLimit(decision, installationId, request)
  }

  private refuseForLimit(decision: LimitDecision, installationId: number, request: { call: IncomingCall; reply: Reply }): never {
    const primary = decision.kind === 'primary-rate-limit'
    const status = primary ? 403 : this.deps.limiter.options.secondaryStatus
    const message = decision.kind === 'primary-rate-limit' ? primaryLimitMessage(installationId) : secondaryLimitMessage(decision.kind)
    this.refuse(request, { kind: decision.kind, status, message, ...(decision.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: decision.retryAfterSeconds }) })
    if (decision.retryAfterSeconds !== undefined) request.reply.headers['retry-after'] = String(decision.retryAfterSeconds)
    if (primary) request.reply.headers['x-ratelimit-remaining'] = '0'
    throw new HttpError(status, message)
  }

  private refuse(request: { call: IncomingCall; reply: Reply }, refusal: Omit<Refusal, 'method' | 'path' | 'installationId' | 'atMs'>): void {
    const path = new URL(request.call.url, 'http://fake.invalid').pathname
    this.deps.recorder.refusals.push({
      ...refusal,
      method: request.call.method,
      path,
      installationId: request.reply.installationId,
      atMs: this.deps.world.now(),
    })
  }

  private repository(params: Record<string, string>, caller: Caller): RouteContext['repo'] {
    if (params['owner'] === undefined || params['repo'] === undefined) return undefined
    const repo = this.deps.world.repository(params['owner'], params['repo'])
    if (!repo) throw notFound()
    if (caller.kind === 'installation' && !caller.installation.repositories.has(repo.fullName.toLowerCase())) throw notFound()
    return repo
  }

  private fail(reply: Reply, error: unknown, where: { method: string; path: string }): void {
    const known = error instanceof HttpError ? error : undefined
    if (error instanceof ViolationError) this.deps.recorder.violations.push({ kind: error.kind, ...where, message: error.message })
    else if (!known) {
      this.deps.recorder.violations.push({ kind: 'fake-error', ...where, message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
    reply.status = known?.status ?? 500
    reply.body = known ? known.body : errorBody(500, 'Server Error (the fake GitHub threw; see violations)')
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ViolationError('invalid-json', 400, 'Problems parsing JSON')
  }
}
