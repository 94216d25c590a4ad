import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

/**
 * The variables of `.env` in the working directory, parsed as Probot's `run()` parses them (`node:util` `parseEnv`),
 * so the bot validates exactly what Probot will apply. No file: no variables.
 */
export function loadDotenv(directory: string): Record<string, string> {
  try {
    return parseEnv(readFileSync(join(directory, '.env'), 'utf8')) as Record<string, string>
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'ENOENT') return {}
    throw error
  }
}
