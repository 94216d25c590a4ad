import { CHECK_RUN_NAME } from '../../src/incidents/render-check-run.js'
import type { Logger } from '../../src/ports.js'
import { createCheckRun } from '../github/check-runs.js'
import { fullName, type GitHubClient } from '../github/types.js'
import type { BotJob } from '../jobs/job.js'

/** The commit a job was about, when it has one: the dead letter is noted there. */
function commitOf(job: BotJob): { repo: Extract<BotJob, { type: 'scan-push' }>['repo']; headSha: string } | undefined {
  if (job.type === 'scan-push') return job.push.deleted ? undefined : { repo: job.repo, headSha: job.push.after }
  if (job.type === 'rescan-commit') return { repo: job.repo, headSha: job.headSha }
  return undefined
}

/**
 * A job that failed every attempt must not vanish: the commit it was scanning gets a failed check run saying the scan
 * did not finish and why (the error names no token: only the request that failed), and "Re-run" scans it again.
 */
export async function noteDeadLetter(octokit: GitHubClient, job: BotJob, details: { attempts: number; error: string; log: Logger }): Promise<void> {
  const commit = commitOf(job)
  if (commit === undefined) return
  const { repo, headSha } = commit
  try {
    // Failed, not neutral: an unscanned commit must not read as a pass in a branch protection rule.
    await createCheckRun({ octokit, repo }, headSha, {
      name: CHECK_RUN_NAME,
      conclusion: 'failure',
      title: 'The scan could not finish',
      summary: [
        `LocalStack Token Guard tried to scan this commit ${details.attempts} times and gave up: ${details.error.slice(0, 500)}.`,
        '',
        'This commit was **not** checked for leaked LocalStack tokens. Select "Re-run" to scan it again; if it fails again, the bot\'s log (`job.dead-lettered`) says more.',
      ].join('\n'),
    })
  } catch (error: unknown) {
    details.log.error('job.dead-letter-note-failed', { repository: fullName(repo), headSha, error: error instanceof Error ? error.message : String(error) })
  }
}
