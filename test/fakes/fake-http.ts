import type { Http, JsonResponse } from '../../src/ports.js'
import type { FakeClock } from './fake-clock.js'

/** Answers as a function of the fake time; throwing simulates a refused connection. */
export type FakeResponder = (url: string, nowMs: number) => JsonResponse

/** An `Http` whose answers are scripted; records every URL requested. */
export class FakeHttp implements Http {
  readonly requests: string[] = []

  constructor(
    private readonly clock: FakeClock,
    private readonly responder: FakeResponder,
  ) {}

  async getJson(url: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<JsonResponse> {
    options.signal.throwIfAborted()
    this.requests.push(url)
    return this.responder(url, this.clock.now())
  }
}

/** A complete `/_localstack/info` body (docs/facts.md §2.6). */
export function infoBody(isLicenseActivated: boolean): Record<string, unknown> {
  return {
    version: '2026.3.1.dev3',
    edition: 'pro',
    is_license_activated: isLicenseActivated,
    session_id: 'session-1',
    machine_id: 'machine-1',
    system: 'linux',
    is_docker: true,
    server_time_utc: '2026-06-01T00:00:00Z',
    uptime: 1,
  }
}
