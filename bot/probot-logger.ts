import type { Probot } from 'probot'
import type { Logger } from '../src/ports.js'
import { redactTokenShapes } from '../src/tokens/redact-token-shapes.js'

/**
 * The core's `Logger` over Probot's pino logger: each line is a domain event with structured fields. Paths, refs and
 * error texts in the fields come from pushes: token shapes in them are redacted before the line is written.
 */
export function probotLogger(log: Probot['log']): Logger {
  return {
    debug: (event, fields = {}) => log.debug({ event, ...redactFields(fields) }, event),
    info: (event, fields = {}) => log.info({ event, ...redactFields(fields) }, event),
    warn: (event, fields = {}) => log.warn({ event, ...redactFields(fields) }, event),
    error: (event, fields = {}) => log.error({ event, ...redactFields(fields) }, event),
  }
}

function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  const redacted: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) redacted[key] = redactValue(value, 0)
  return redacted
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactTokenShapes(value)
  if (value instanceof Error) return { type: value.name, message: redactTokenShapes(value.message) }
  if (depth > 3 || typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((item: unknown) => redactValue(item, depth + 1))
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) copy[key] = redactValue(item, depth + 1)
  return copy
}

type LogMethod = (...args: unknown[]) => void
const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal'])

/**
 * The logger Probot hands to each Octokit client, reduced to its message text. Probot's request logging passes every
 * request body as log fields at debug level (the migration pull request's file content, base64, with a token inside
 * reached the log), and Octokit's own logs the request options: no request body reaches a log, at any level. The
 * message (`GET /repos/… - 200`) stays, with token shapes redacted (a path can hold one).
 */
export function messageOnlyLogger<TLog extends object>(log: TLog): TLog {
  return new Proxy(log, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== 'function') return value
      if (property === 'child') return (...args: unknown[]) => messageOnlyLogger((value as (...a: unknown[]) => object).apply(target, args))
      if (typeof property !== 'string' || !LEVELS.has(property)) return value
      return (...args: unknown[]) => {
        const message = args.find((arg): arg is string => typeof arg === 'string')
        ;(value as LogMethod).call(target, redactTokenShapes(message ?? (args[0] instanceof Error ? args[0].message : '')))
      }
    },
  })
}
