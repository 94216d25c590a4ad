import type { Probot } from 'probot'
import type { JobQueue, Logger } from '../src/ports.js'
import type { BotJob } from './jobs/job.js'

/**
 * Nothing tells the bot that an Actions secret changed or that time passed, so it looks: every `intervalMs` it queues
 * one `watch-incidents` job per installation (the job is cheap when nothing is open). Returns a stop function.
 */
export function startIncidentWatch(app: Probot, options: { queue: JobQueue<BotJob>; intervalMs: number; log: Logger }): () => void {
  let isRunning = false
  const tick = async (): Promise<void> => {
    if (isRunning) return
    isRunning = true
    try {
      const octokit = await app.auth()
      const installations = await octokit.paginate(octokit.rest.apps.listInstallations, { per_page: 100 })
      for (const installation of installations) await options.queue.enqueue({ type: 'watch-incidents', installationId: installation.id }, { group: `${installation.id}/incidents` })
    } catch (error: unknown) {
      options.log.warn('incident-watch.failed', { error: error instanceof Error ? error.message : String(error) })
    } finally {
      isRunning = false
    }
  }
  const timer = setInterval(() => void tick(), options.intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
