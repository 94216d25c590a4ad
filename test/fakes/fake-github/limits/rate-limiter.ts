/** A budget of `max` requests per `windowMs`. */
export interface Budget {
  max: number
  windowMs: number
}

/** GitHub's REST limits for an installation (docs/facts.md §5); every field can be made small in tests. */
export interface RateLimitOptions {
  /** Primary budget per installation. Default 5000 an hour. */
  primary: Budget
  /** Content-creation budgets per installation, all enforced. Default 80 a minute and 500 an hour. */
  contentCreation: Budget[]
  /** Requests in flight at once per installation. Default 100. */
  concurrent: number
  /** Status of a secondary-limit refusal: GitHub sends 403 or 429. Default 403. */
  secondaryStatus: 403 | 429
  /** `retry-after` of a secondary refusal, in seconds. Default: until the budget frees a slot (at least 1 s). */
  retryAfterSeconds?: number
}

export const DEFAULT_LIMITS: RateLimitOptions = {
  primary: { max: 5000, windowMs: 60 * 60 * 1000 },
  contentCreation: [
    { max: 80, windowMs: 60 * 1000 },
    { max: 500, windowMs: 60 * 60 * 1000 },
  ],
  concurrent: 100,
  secondaryStatus: 403,
}

/** Why a request was refused by a limit. */
export interface LimitDecision {
  kind: 'primary-rate-limit' | 'secondary-rate-limit' | 'concurrency-limit'
  retryAfterSeconds?: number
}

interface InstallationUsage {
  windowStartMs: number
  used: number
  contentTimes: number[]
  blockedUntilMs: number
  inFlight: number
}

/** Counts requests per installation against the primary, content-creation and concurrency limits. */
export class RateLimiter {
  private readonly usage = new Map<number, InstallationUsage>()

  constructor(readonly options: RateLimitOptions) {}

  private state(installationId: number, nowMs: number): InstallationUsage {
    let usage = this.usage.get(installationId)
    if (!usage) {
      usage = { windowStartMs: nowMs, used: 0, contentTimes: [], blockedUntilMs: 0, inFlight: 0 }
      this.usage.set(installationId, usage)
    }
    // GitHub's hour starts at the first request after the previous one ended.
    if (nowMs >= usage.windowStartMs + this.options.primary.windowMs) Object.assign(usage, { windowStartMs: nowMs, used: 0 })
    return usage
  }

  /** The `x-ratelimit-*` headers GitHub sends on every response to an installation. */
  headers(installationId: number, nowMs: number): Record<string, string> {
    const usage = this.state(installationId, nowMs)
    return {
      'x-ratelimit-limit': String(this.options.primary.max),
      'x-ratelimit-remaining': String(Math.max(0, this.options.primary.max - usage.used)),
      'x-ratelimit-used': String(usage.used),
      'x-ratelimit-reset': String(Math.ceil((usage.windowStartMs + this.options.primary.windowMs) / 1000)),
      'x-ratelimit-resource': 'core',
    }
  }

  /** Admits a request (and counts it), or says which limit refuses it. A refused request is not counted. */
  admit(installationId: number, createsContent: boolean, nowMs: number): LimitDecision | undefined {
    const usage = this.state(installationId, nowMs)
    if (usage.used >= this.options.primary.max) return { kind: 'primary-rate-limit' }
    usage.used += 1
    if (usage.inFlight >= this.options.concurrent) return { kind: 'concurrency-limit', retryAfterSeconds: this.options.retryAfterSeconds ?? 1 }
    if (!createsContent) return undefined
    return this.admitContent(usage, nowMs)
  }

  private admitContent(usage: InstallationUsage, nowMs: number): LimitDecision | undefined {
    const longest = Math.max(...this.options.contentCreation.map((budget) => budget.windowMs))
    usage.contentTimes = usage.contentTimes.filter((at) => at > nowMs - longest)
    let waitMs = Math.max(0, usage.blockedUntilMs - nowMs)
    for (const budget of this.options.contentCreation) {
      const inWindow = usage.contentTimes.filter((at) => at > nowMs - budget.windowMs)
      if (inWindow.length >= budget.max) waitMs = Math.max(waitMs, (inWindow[inWindow.length - budget.max] ?? nowMs) + budget.windowMs - nowMs)
    }
    if (waitMs === 0) {
      usage.contentTimes.push(nowMs)
      return undefined
    }
    const retryAfterSeconds = this.options.retryAfterSeconds ?? Math.max(1, Math.ceil(waitMs / 1000))
    // GitHub blocks content creation for a while after a refusal: retrying early is refused again.
    usage.blockedUntilMs = Math.max(usage.blockedUntilMs, nowMs + retryAfterSeconds * 1000)
    return { kind: 'secondary-rate-limit', retryAfterSeconds }
  }

  enter(installationId: number): void {
    const usage = this.usage.get(installationId)
    if (usage) usage.inFlight += 1
  }

  leave(installationId: number): void {
    const usage = this.usage.get(installationId)
    if (usage) usage.inFlight -= 1
  }
}
