import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { CliIo } from './cli-io.js'
import { OutputWriteError } from './errors.js'
import { formatJson } from './format-json.js'
import { formatSarif } from './format-sarif.js'
import { formatText, summarize } from './format-text.js'
import type { ScanCommand } from './parse-args.js'
import type { ScanReport } from './scan-report.js'

const FORMATTERS = { text: formatText, json: formatJson, sarif: formatSarif } as const

/** Writes the report to `--output FILE` (then a one-line summary goes to stderr for the log) or to stdout. */
export async function writeReport(report: ScanReport, command: Pick<ScanCommand, 'format' | 'output'>, io: Pick<CliIo, 'cwd' | 'stdout' | 'stderr'>): Promise<void> {
  const text = FORMATTERS[command.format](report)
  if (command.output === undefined) {
    io.stdout.write(text)
    return
  }
  try {
    await writeFile(resolve(io.cwd, command.output), text, 'utf8')
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new OutputWriteError(`Cannot write the report to ${command.output}: ${code}. Check that its folder exists and is writable.`, { cause: error })
  }
  io.stderr.write(`${summarize(report)} Report written to ${command.output}.\n`)
}
