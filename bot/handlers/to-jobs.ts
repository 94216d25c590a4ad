import { commandTarget, parseCommand } from '../../src/incidents/incident-commands.js'
import type { PushFacts } from '../../src/push/plan-push.js'
import { scanNames } from '../../src/scan/scan-names.js'
import { redactTokenShapes } from '../../src/tokens/redact-token-shapes.js'
import type { RepoRef } from '../github/types.js'
import type { BotJob } from '../jobs/job.js'

/** The fields of a webhook repository object the bot reads. */
interface RepositoryPayload {
  readonly id: number
  readonly name: string
  readonly full_name?: string
  readonly owner?: { readonly login?: string | null; readonly name?: string | null } | null
  readonly default_branch?: string
  readonly private?: boolean
}

/** A webhook's repository as a `RepoRef`. */
export function toRepoRef(repository: RepositoryPayload): RepoRef {
  const owner = repository.owner?.login ?? repository.owner?.name ?? repository.full_name?.split('/')[0] ?? ''
  return { id: repository.id, owner, name: repository.name, defaultBranch: repository.default_branch ?? 'main', ...(repository.private === undefined ? {} : { isPrivate: repository.private }) }
}

/** The push payload fields the job needs (see docs/facts.md §5 for the shape). */
export interface PushPayload {
  readonly ref: string
  readonly before: string
  readonly after: string
  readonly created: boolean
  readonly deleted: boolean
  readonly forced: boolean
  readonly commits: readonly { readonly id: string; readonly message?: string; readonly added?: readonly string[]; readonly modified?: readonly string[]; readonly removed?: readonly string[] }[]
  readonly repository: RepositoryPayload
  readonly sender?: { readonly login?: string } | null
  readonly pusher?: { readonly name?: string | null } | null
}

/** A push's ref and messages list at most this many findings (the job row stays small). */
const MAX_NAME_FINDINGS = 100

/** A push webhook as a queued job: only what scanning needs, so the row stays small. */
export function pushToJob(payload: PushPayload, installationId: number): BotJob {
  const repo = toRepoRef(payload.repository)
  // Names are pushed text: a token in the ref or a commit message is a leak. They are scanned here, where the
  // payload is, and the stored job keeps findings and redacted names only (file names are scanned with the files).
  const messages = payload.commits.filter((commit) => typeof commit.message === 'string').map((commit) => ({ commit: commit.id, text: commit.message ?? '' }))
  const nameFindings = scanNames({ ref: payload.ref, messages }).slice(0, MAX_NAME_FINDINGS)
  const push: PushFacts = {
    ref: redactTokenShapes(payload.ref),
    before: payload.before,
    after: payload.after,
    created: payload.created,
    deleted: payload.deleted,
    forced: payload.forced,
    defaultBranch: repo.defaultBranch,
    commits: payload.commits.map((commit) => ({ id: commit.id, added: (commit.added ?? []).map(redactTokenShapes), modified: (commit.modified ?? []).map(redactTokenShapes), removed: (commit.removed ?? []).map(redactTokenShapes) })),
  }
  const pusher = payload.sender?.login ?? payload.pusher?.name ?? undefined
  return { type: 'scan-push', installationId, repo, push, ...(pusher === undefined ? {} : { pusher }), ...(nameFindings.length === 0 ? {} : { nameFindings }) }
}

/** The parts of an `issue_comment` delivery a command needs. */
export interface CommentFacts {
  readonly issue: { readonly number: number; readonly body?: string | null }
  readonly comment: { readonly body?: string | null; readonly user?: { readonly login?: string; readonly type?: string } | null }
  readonly repository: RepoRef
}

/**
 * The job of a `/localstack-guard …` comment by a person on one of the bot's incident issues, or undefined. On a
 * summary issue (many tokens) the comment names its token (`/localstack-guard resolve sha256:…`); a comment that
 * names none still gets a job, whose answer says how.
 */
export function commentToJob(installationId: number, { issue, comment, repository }: CommentFacts): BotJob | undefined {
  const command = parseCommand(comment.body ?? '')
  if (command === undefined || comment.user?.type === 'Bot') return undefined
  const target = commandTarget(issue.body ?? '', comment.body ?? '')
  if (target === undefined) return undefined
  return {
    type: 'incident-command',
    installationId,
    repo: repository,
    issueNumber: issue.number,
    login: comment.user?.login ?? '',
    command,
    fingerprint: target.fingerprint,
    ...(target.isSummary ? { isSummary: true } : {}),
  }
}
