import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

/**
 * The few runner interactions the Action needs, written the way @actions/core writes them (workflow commands on
 * stdout; `name<<delimiter` blocks in the GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STATE files; see
 * docs.github.com/actions/reference/workflow-commands-for-github-actions). Not @actions/core itself: it loads an HTTP
 * client and a process runner the Action never uses, and every millisecond of start-up is a millisecond of the job.
 */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

export function setSecret(secret: string): void {
  issue('add-mask', secret)
}

export function setOutput(name: string, value: string): void {
  writeFileCommand('GITHUB_OUTPUT', name, value)
}

export function saveState(name: string, value: string): void {
  writeFileCommand('GITHUB_STATE', name, value)
}

/** For the following steps of the job (GITHUB_ENV), and for this process. */
export function exportVariable(name: string, value: string): void {
  process.env[name] = value
  writeFileCommand('GITHUB_ENV', name, value)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issue('debug', message)
}

export function warning(message: string): void {
  issue('warning', message)
}

export function error(message: string): void {
  issue('error', message)
}

/** One `::error::` annotation and a failed step. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

export function startGroup(name: string): void {
  issue('group', name)
}

export function endGroup(): void {
  issue('endgroup', '')
}

/** Appends Markdown or HTML to the job summary (GITHUB_STEP_SUMMARY); nothing when the runner gave no file. */
export function appendSummary(text: string): void {
  const path = process.env.GITHUB_STEP_SUMMARY
  if (path !== undefined && path !== '') appendFileSync(path, text + EOL, 'utf8')
}

function issue(command: string, message: string): void {
  process.stdout.write(`::${command}::${escapeData(message)}${EOL}`)
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** The runner's multi-line file format; the delimiter is random, so a value cannot end its own block. */
function writeFileCommand(variable: 'GITHUB_OUTPUT' | 'GITHUB_STATE' | 'GITHUB_ENV', name: string, value: string): void {
  const path = process.env[variable]
  if (path === undefined || path === '') {
    // An old runner without the files: the deprecated stdout forms still work there.
    const command = variable === 'GITHUB_OUTPUT' ? 'set-output' : variable === 'GITHUB_STATE' ? 'save-state' : 'set-env'
    process.stdout.write(`${EOL}::${command} name=${escapeProperty(name)}::${escapeData(value)}${EOL}`)
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
