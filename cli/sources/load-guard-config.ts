import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { InvalidConfigError, SourceReadError } from '../../src/errors.js'
import { DEFAULT_GUARD_CONFIG, GUARD_CONFIG_PATH, type GuardConfig, parseGuardConfig } from '../../src/scan/guard-config.js'

/**
 * Reads `<root>/.github/localstack-guard.yml`; no file means the defaults. An invalid file is reported through
 * `warn` and the defaults apply, as its message says: the defaults ignore and allow nothing, so a broken file can
 * only make the scan stricter, never hide a leak.
 */
export async function loadGuardConfig(root: string, warn: (message: string) => void): Promise<GuardConfig> {
  const path = join(root, GUARD_CONFIG_PATH)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return DEFAULT_GUARD_CONFIG
    throw new SourceReadError(`Cannot read ${GUARD_CONFIG_PATH}: ${code ?? 'unknown error'}. Fix its permissions, or remove it.`, { cause: error })
  }
  try {
    return parseGuardConfig(text, GUARD_CONFIG_PATH)
  } catch (error: unknown) {
    if (!(error instanceof InvalidConfigError)) throw error
    warn(error.message)
    return DEFAULT_GUARD_CONFIG
  }
}
