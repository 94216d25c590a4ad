import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { GuardError, toError } from '../src/errors.js'
import type { CliIo } from './cli-io.js'
import { runScanCommand } from './commands/scan.js'
import { runTokenCommand } from './commands/token.js'
import { helpText } from './help-text.js'
import { parseArgs } from './parse-args.js'
import { safeForTerminal } from './safe-text.js'
import { CLI_VERSION } from './version.js'

export { isScanWorker, serveScanWorker } from './sources/scan-pool.js'

/** Exit status for usage and runtime errors (docs/design.md: 0 nothing found, 1 a leak, 2 an error). */
export const EXIT_ERROR = 2

/**
 * The CLI's composition root: parses the command line, runs the command, and turns every failure into exactly one
 * line on stderr plus exit 2 (docs/style.md §4). Never calls `process.exit`; `cli/main.ts` sets the exit code.
 */
export async function run(io: CliIo): Promise<number> {
  try {
    const command = parseArgs(io.argv, { isDirectory: (path) => isDirectory(resolve(io.cwd, path)) })
    switch (command.command) {
      case 'help':
        io.stdout.write(helpText(command.topic))
        return 0
      case 'version':
        io.stdout.write(`${CLI_VERSION}\n`)
        return 0
      case 'scan':
        return await runScanCommand(command, io)
      case 'token':
        return await runTokenCommand(command, io)
    }
  } catch (error: unknown) {
    io.stderr.write(`${formatError(error)}\n`)
    return EXIT_ERROR
  }
}

/** One line, no stack: our errors carry an actionable message; anything else is a bug and says so. */
export function formatError(thrown: unknown): string {
  const error = toError(thrown)
  const message = error instanceof GuardError ? error.message : `localstack-guard stopped unexpectedly: ${error.message}. Report this with the command you ran.`
  // The last line of defence: whatever a message quotes (an argument, a path, git's stderr), no token shape and no
  // control character reaches the terminal.
  return safeForTerminal(message.replace(/\s*\n\s*/g, ' '))
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false
  } catch {
    return false
  }
}
