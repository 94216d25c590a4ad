/** What the Action reports about a running emulator, in our own names. */
export interface LocalStackInfo {
  readonly version: string
  readonly edition: string
  readonly isLicenseActivated: boolean
  readonly sessionId: string
}

/** `GET /_localstack/info`: all nine fields are required, with these types (LocalStack's `openapi.yaml`). */
const FIELD_TYPES = {
  version: 'string',
  edition: 'string',
  is_license_activated: 'boolean',
  session_id: 'string',
  machine_id: 'string',
  system: 'string',
  is_docker: 'boolean',
  server_time_utc: 'string',
  uptime: 'number',
} as const

/**
 * Reads a `/_localstack/info` body; undefined when it is not the documented shape (an older or foreign server).
 * Checked by hand rather than with a schema library: this runs in the Action, where start-up time counts.
 */
export function parseLocalStackInfo(body: unknown): LocalStackInfo | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const info = body as Record<string, unknown>
  for (const [field, type] of Object.entries(FIELD_TYPES)) if (!Object.hasOwn(info, field) || typeof info[field] !== type) return undefined
  return {
    version: info.version as string,
    edition: info.edition as string,
    isLicenseActivated: info.is_license_activated as boolean,
    sessionId: info.session_id as string,
  }
}
