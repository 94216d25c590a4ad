/** A failure the fake answers instead of the operation: GitHub's own 5xx, for fault tests. */
export interface FaultSpec {
  /** The OpenAPI key (`GET /repos/{owner}/{repo}/commits/{ref}`); any operation when omitted. */
  operation?: string
  /** Only requests whose path contains this (`/repos/acme/app/`). */
  pathIncludes?: string
  /** Default 502, as GitHub answers when a backend is unavailable. */
  status?: number
  /** How many requests fail; forever when omitted. */
  count?: number
}

/** Injected faults, matched in order; each spends one of its `count` per request it fails. */
export class Faults {
  private readonly active: (FaultSpec & { remaining: number })[] = []

  add(spec: FaultSpec): () => void {
    const fault = { ...spec, remaining: spec.count ?? Number.POSITIVE_INFINITY }
    this.active.push(fault)
    return () => void this.active.splice(this.active.indexOf(fault) >>> 0, 1)
  }

  clear(): void {
    this.active.length = 0
  }

  /** The status to fail this request with, if a fault matches (and spends it). */
  take(operation: string, path: string): number | undefined {
    const fault = this.active.find((f) => f.remaining > 0 && (f.operation === undefined || f.operation === operation) && (f.pathIncludes === undefined || path.includes(f.pathIncludes)))
    if (fault === undefined) return undefined
    fault.remaining -= 1
    return fault.status ?? 502
  }
}
