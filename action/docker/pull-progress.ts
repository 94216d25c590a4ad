import type { PullProgress } from '../../src/ports.js'

/** One line of the JSON stream `POST /images/create` answers with. */
export interface PullEvent {
  readonly status?: string
  readonly id?: string
  readonly error?: string
  readonly errorDetail?: { readonly message?: string }
}

/** The layer events worth a log line: one or two per layer, never the byte-by-byte `Downloading` and `Extracting`. */
const MILESTONES = new Set(['Already exists', 'Download complete', 'Pull complete'])

/** Reduces a pull event to a milestone, or undefined for progress noise. Summary lines (no layer id) always pass. */
export function toMilestone(event: PullEvent): PullProgress | undefined {
  const status = event.status
  if (status === undefined) return undefined
  if (event.id === undefined || status.startsWith('Digest:') || status.startsWith('Status:')) {
    return { layer: undefined, status }
  }
  return MILESTONES.has(status) ? { layer: event.id, status } : undefined
}

/** Parses the newline-delimited JSON of a pull; a line that is not JSON is ignored rather than fatal. */
export function parsePullEvents(chunk: string): PullEvent[] {
  const events: PullEvent[] = []
  for (const line of chunk.split('\n')) {
    if (line.trim() === '') continue
    try {
      events.push(JSON.parse(line) as PullEvent)
    } catch {
      // a partial or foreign line: progress is best effort
    }
  }
  return events
}
