import * as core from './workflow-commands.js'
import type { Logger } from '../src/ports.js'

/**
 * The core's domain events as workflow log lines: `event key=value …`. Fields are formatted, never dumped, and never
 * hold a token (the core never puts one there; the runner's mask is the second line of defence).
 */
export const coreLogger: Logger = {
  debug: (event, fields) => core.debug(format(event, fields)),
  info: (event, fields) => core.info(format(event, fields)),
  warn: (event, fields) => core.warning(format(event, fields)),
  error: (event, fields) => core.error(format(event, fields)),
}

export function format(event: string, fields: Record<string, unknown> | undefined): string {
  const parts = Object.entries(fields ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value)}`)
  return [event, ...parts].join(' ')
}
