import type { Probot } from 'probot'
import type { DeliveryLedger, JobQueue, Logger } from '../../src/ports.js'
import type { BotJob } from '../jobs/job.js'
import { recordingFailures } from './handler-failures.js'
import { commentToJob, pushToJob, toRepoRef, type PushPayload } from './to-jobs.js'

/** What the webhook side needs: it only records and enqueues, so GitHub gets its answer in milliseconds. */
export interface HandlerDependencies {
  readonly deliveries: DeliveryLedger
  readonly queue: JobQueue<BotJob>
  readonly log: Logger
  /** Called once per delivery with its outcome (`queued` or `redelivery_ignored`), for metrics. */
  readonly onDelivery?: (event: string, outcome: 'queued' | 'redelivery_ignored') => void
}

/** GitHub's own secret-scanning type for LocalStack credentials (docs/facts.md §4). */
const LOCALSTACK_SECRET_TYPE = 'localstack_api_key'

/**
 * Routes webhooks to jobs. A redelivery (same `X-GitHub-Delivery`) is claimed once and ignored after, so it
 * changes nothing; the work itself runs from the queue, after the answer.
 */
export function registerHandlers(app: Probot, deps: HandlerDependencies): void {
  const enqueue = async (deliveryId: string, jobs: BotJob[], event = jobs[0]?.type ?? 'none'): Promise<void> => {
    if (!(await deps.deliveries.claimDelivery(deliveryId))) {
      deps.log.info('webhook.redelivery-ignored', { deliveryId })
      deps.onDelivery?.(event, 'redelivery_ignored')
      return
    }
    for (const job of jobs) await deps.queue.enqueue(job, { group: queueGroup(job) })
    deps.onDelivery?.(event, 'queued')
  }

  app.on('push', recordingFailures(async (context) => {
    const installationId = context.payload.installation?.id
    if (installationId === undefined) return
    await enqueue(context.id, [pushToJob(context.payload as unknown as PushPayload, installationId)])
  }))

  app.on('installation.created', recordingFailures(async (context) => {
    const installationId = context.payload.installation.id
    const repositories = context.payload.repositories ?? []
    const owner = accountLogin(context.payload.installation.account)
    await enqueue(context.id, repositories.map((r) => ({ type: 'sweep-repository', installationId, repo: { id: r.id, owner, name: r.name, defaultBranch: '' } })))
  }))

  app.on('installation_repositories.added', recordingFailures(async (context) => {
    const installationId = context.payload.installation.id
    const owner = accountLogin(context.payload.installation.account)
    const added = context.payload.repositories_added
    await enqueue(context.id, added.map((r) => ({ type: 'sweep-repository', installationId, repo: { id: r.id, owner, name: r.name, defaultBranch: '' } })))
  }))

  app.on('check_run.rerequested', recordingFailures(async (context) => {
    const installationId = context.payload.installation?.id
    // GitHub sends `rerequested` only to the app that created the check run.
    if (installationId === undefined) return
    const repo = toRepoRef(context.payload.repository)
    await enqueue(context.id, [{ type: 'rescan-commit', installationId, repo, headSha: context.payload.check_run.head_sha }])
  }))

  // A command in an incident's comments. Only comments by people on the bot's own incident issues count.
  app.on('issue_comment.created', recordingFailures(async (context) => {
    const installationId = context.payload.installation?.id
    if (installationId === undefined) return
    const job = commentToJob(installationId, { issue: context.payload.issue, comment: context.payload.comment, repository: toRepoRef(context.payload.repository) })
    if (job !== undefined) await enqueue(context.id, [job])
  }))

  app.on('secret_scanning_alert', recordingFailures(async (context) => {
    const installationId = context.payload.installation?.id
    const alert = context.payload.alert
    if (installationId === undefined || alert.secret_type !== LOCALSTACK_SECRET_TYPE || alert.number === undefined) return
    const repo = toRepoRef(context.payload.repository)
    await enqueue(context.id, [{ type: 'secret-scanning-alert', installationId, repo, alertNumber: alert.number, secretType: alert.secret_type }])
  }))
}

function accountLogin(account: { login: string } | { slug?: string } | null | undefined): string {
  if (account === null || account === undefined) return ''
  return 'login' in account ? account.login : (account.slug ?? '')
}

/**
 * One repository's jobs run in order (its ledger and migration issue stay consistent) while repositories run side by
 * side; the sweeps of one installation run one at a time, so a large organisation is swept at a pace its rate limit
 * bears, and never ahead of its pushes.
 */
export function queueGroup(job: BotJob): string {
  if (job.type === 'sweep-repository') return `${job.installationId}/sweep`
  if (job.type === 'watch-incidents') return `${job.installationId}/incidents`
  return `${job.installationId}/${job.repo.id}`
}
