import { IllegalTransitionError } from '../errors.js'
import { advanceIncident } from './advance-incident.js'
import type { IncidentIssue } from './incident.js'
import { requestRotation, type RotationDependencies } from './rotate-incident.js'

/** The commands people type in an incident's comments. */
export type IncidentCommand = 'rotate' | 'resolve' | 'false-positive'

const COMMANDS: readonly IncidentCommand[] = ['rotate', 'resolve', 'false-positive']
const COMMAND_LINE = /^\s*\/localstack-guard(?:[ \t]+(\S+))?/m

/** The command of a comment (its first `/localstack-guard …` line), `unknown` for a word that is none, or undefined. */
export function parseCommand(body: string): IncidentCommand | 'unknown' | undefined {
  const match = COMMAND_LINE.exec(body)
  if (match === null) return undefined
  const word = (match[1] ?? '').toLowerCase()
  return (COMMANDS as readonly string[]).includes(word) ? (word as IncidentCommand) : 'unknown'
}

/** The word after the command (`/localstack-guard resolve sha256:…` names one token of a summary issue), if any. */
function parseCommandTarget(body: string): string | undefined {
  return /^\s*\/localstack-guard[ \t]+\S+[ \t]+(\S+)/m.exec(body)?.[1]
}

/** The marker of an issue that stands for every token of one flooded push. */
export const SUMMARY_MARKER = '<!-- localstack-guard:summary-incident -->'

/** A fingerprint as the bot writes it (`sha256:` and 64 hex digits). */
function isFingerprint(text: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(text)
}

/** The fingerprint an incident issue carries in its hidden marker. */
export function fingerprintOfIssue(body: string): string | undefined {
  return /<!-- localstack-guard:incident (sha256:[0-9a-f]{64}) -->/.exec(body)?.[1]
}

/**
 * Which incident a comment's command is for: the one its issue carries, or, on a summary issue (many tokens), the
 * token the comment names by fingerprint (`''` when it names none). Undefined on any other issue.
 */
export function commandTarget(issueBody: string, commentBody: string): { readonly fingerprint: string; readonly isSummary: boolean } | undefined {
  const fingerprint = fingerprintOfIssue(issueBody)
  if (fingerprint !== undefined) return { fingerprint, isSummary: false }
  if (!issueBody.includes(SUMMARY_MARKER)) return undefined
  const named = parseCommandTarget(commentBody)
  return { fingerprint: named !== undefined && isFingerprint(named) ? named : '', isSummary: true }
}

/** Whether an incident is tracked by the summary issue `repository#number`. */
export function isOnSummaryIssue(issue: IncidentIssue | undefined, repository: string, number: number): boolean {
  return issue?.isSummary === true && issue.number === number && issue.repository.toLowerCase() === repository.toLowerCase()
}

/** The answer to a command on a summary issue that names none of its tokens (`fingerprint` is what it named, or ''). */
export function summaryUsageReply(login: string, command: IncidentCommand | 'unknown', fingerprint: string): string {
  const named = fingerprint === '' ? 'this issue stands for several tokens, so a command names one' : `\`${fingerprint}\` is not one of the tokens of this issue`
  return `@${login} ${named}: copy its fingerprint from the table, e.g. \`/localstack-guard ${command === 'unknown' ? 'resolve' : command} sha256:…\` (commands: rotate, resolve, false-positive).`
}

/** Who wrote the comment, on which incident. */
export interface CommandContext {
  readonly installationId: number
  readonly fingerprint: string
  /** The issue's repository: rights are checked there. */
  readonly repository: string
  readonly issueNumber: number
  readonly login: string
}

/**
 * Runs a command from an incident's comment. Only users with admin or maintain rights on the issue's repository, or
 * members of the configured team, may act; everyone else is told why not. Every answer is a comment on the issue.
 */
export async function runIncidentCommand(
  command: IncidentCommand | 'unknown',
  context: CommandContext,
  deps: RotationDependencies,
): Promise<void> {
  const reply = (text: string) => deps.github.comment(context.repository, context.issueNumber, `@${context.login} ${text}`)
  if (command === 'unknown') return reply(`the commands are \`/localstack-guard rotate\`, \`/localstack-guard resolve\` and \`/localstack-guard false-positive\`.`)
  const refusal = await refusalFor(command, context, deps)
  if (refusal !== undefined) return reply(refusal)
  const key = { installationId: context.installationId, fingerprint: context.fingerprint }
  const actor = `@${context.login}`
  try {
    if (command === 'rotate') {
      const started = await requestRotation(key, actor, deps)
      if (started === 'already-requested') await reply('a rotation is already under way or done for this token; the bot never asks twice.')
      if (started === 'not-applicable') await reply('this incident is finished (rotated, resolved or dismissed); there is nothing to rotate.')
      return
    }
    const event = command === 'resolve' ? 'resolved' : 'dismissed'
    const note = command === 'false-positive' ? 'Not a real token: this fingerprint is allowed from now on.' : 'Resolved by hand.'
    const { isChanged } = await advanceIncident(key, { event, cause: { actor, atMs: deps.nowMs(), note } }, deps)
    if (!isChanged) await reply(`the incident is already ${event}.`)
  } catch (thrown: unknown) {
    if (!(thrown instanceof IllegalTransitionError)) throw thrown
    await reply(thrown.message)
  }
}

/** Why this user may not run the command, or undefined when they may. */
async function refusalFor(command: IncidentCommand, context: CommandContext, deps: RotationDependencies): Promise<string | undefined> {
  const team = deps.alerts.team?.replace(/^@/, '')
  const access = await deps.github.accessOf(context.repository, context.login, team)
  if (access.permission === 'admin' || access.permission === 'maintain' || access.isTeamMember) return undefined
  deps.log.info('incident.command-refused', { fingerprint: context.fingerprint, command, permission: access.permission })
  const has = `you have ${access.permission === 'none' ? 'no' : access.permission} rights${team === undefined ? '' : ' and are not in the team'}`
  return `\`${command}\` was not run: it needs admin or maintain rights on ${context.repository}${team === undefined ? '' : ` or membership of @${team}`}, and ${has}.`
}
