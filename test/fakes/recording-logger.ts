import type { Logger } from '../../src/ports.js'

export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error'
  readonly event: string
  readonly fields: Record<string, unknown> | undefined
}

/** A `Logger` that keeps every entry, for assertions (and for the redaction checks). */
export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = []

  debug(event: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'debug', event, fields })
  }
  info(event: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'info', event, fields })
  }
  warn(event: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'warn', event, fields })
  }
  error(event: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'error', event, fields })
  }

  events(): string[] {
    return this.entries.map((entry) => entry.event)
  }
}
