import { z } from 'zod'

/** `GET /_localstack/info` (FACTS.md §2.6): all nine fields are required. */
const infoSchema = z.object({
  version: z.string(),
  edition: z.string(),
  is_license_activated: z.boolean(),
  session_id: z.string(),
  machine_id: z.string(),
  system: z.string(),
  is_docker: z.boolean(),
  server_time_utc: z.string(),
  uptime: z.number(),
})

/** What the Action reports about a running emulator, in our own names. */
export interface LocalStackInfo {
  readonly version: string
  readonly edition: string
  readonly isLicenseActivated: boolean
  readonly sessionId: string
}

/** Reads a `/_localstack/info` body; undefined when it is not the documented shape (an older or foreign server). */
export function parseLocalStackInfo(body: unknown): LocalStackInfo | undefined {
  const parsed = infoSchema.safeParse(body)
  if (!parsed.success) return undefined
  const info = parsed.data
  return {
    version: info.version,
    edition: info.edition,
    isLicenseActivated: info.is_license_activated,
    sessionId: info.session_id,
  }
}
