/** One request the fake answered. */
export interface RecordedRequest {
  method: string
  /** The path under `/api/v3`, without the query string, e.g. `/repos/acme/widgets/compare/a...b`. */
  path: string
  query: Record<string, string>
  /** The OpenAPI operation it matched, e.g. `GET /repos/{owner}/{repo}/compare/{basehead}`. */
  operation: string | undefined
  status: number
  /** The raw request body (empty for none): search it for anything that must never be sent, such as a token. */
  body: string
  installationId: number | undefined
  atMs: number
}

/** A request GitHub's description or GitHub itself would not accept: a bug in the app under test. */
export interface Violation {
  kind:
    | 'not-api-path'
    | 'unknown-endpoint'
    | 'unhandled-endpoint'
    | 'invalid-request'
    | 'invalid-json'
    | 'bad-credentials'
    | 'missing-permission'
    | 'fake-error'
  method: string
  path: string
  message: string
}

/** A request refused by one of GitHub's limits (rate limits, 50 annotations, 65535 characters). */
export interface Refusal {
  kind: 'primary-rate-limit' | 'secondary-rate-limit' | 'concurrency-limit' | 'annotations' | 'output-too-long'
  method: string
  path: string
  installationId: number | undefined
  status: number
  retryAfterSeconds?: number
  message: string
  atMs: number
}

/** What the fake saw, in arrival order. */
export class Recorder {
  readonly requests: RecordedRequest[] = []
  readonly violations: Violation[] = []
  readonly refusals: Refusal[] = []
}
