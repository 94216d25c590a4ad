import type { Probot } from 'probot'
import type { Logger } from '../src/ports.js'

/** The core's `Logger` over Probot's pino logger: each line is a domain event with structured fields. */
export function probotLogger(log: Probot['log']): Logger {
  return {
    debug: (event, fields = {}) => log.debug({ event, ...fields }, event),
    info: (event, fields = {}) => log.info({ event, ...fields }, event),
    warn: (event, fields = {}) => log.warn({ event, ...fields }, event),
    error: (event, fields = {}) => log.error({ event, ...fields }, event),
  }
}
