import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'
import { InvalidInputError } from '../../src/errors.js'

/**
 * The variables of `.env` in the working directory, parsed as Probot's `run()` parses them (`node:util` `parseEnv`),
 * so the bot validates exactly what Probot will apply. No file: no variables. A file the bot may not read is an
 * error that says whose it must be: in the image the bot runs as user 10001, and a `.env` mounted from the host keeps
 * the host's owner and mode.
 */
export function loadDotenv(directory: string): Record<string, string> {
  const path = join(directory, '.env')
  try {
    return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code
    if (code === 'ENOENT') return {}
    if (code === 'EACCES' || code === 'EISDIR') {
      const user = typeof process.getuid === 'function' ? ` (user ${process.getuid()})` : ''
      throw new InvalidInputError(
        `The bot cannot read ${path}: ${code === 'EISDIR' ? 'it is a directory (a bind mount of a file that did not exist on the host)' : `permission denied for the bot's user${user}`}. ` +
          'Make the file readable by that user (for the image, user 10001: chmod 644, or chown 10001), or pass the variables in the environment instead (README: "Running it").',
      )
    }
    throw error
  }
}
