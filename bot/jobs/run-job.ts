import type { GitHubClient } from '../github/types.js'
import type { BotJob } from './job.js'
import { runRescanJob } from './rescan-commit-job.js'
import { runScanPushJob, type JobDependencies } from './scan-push-job.js'
import { runSecretScanningAlertJob } from './secret-scanning-alert-job.js'
import { runSweepJob } from './sweep-repository-job.js'
import { runIncidentCommandJob } from './incident-command-job.js'
import { runWatchIncidentsJob } from './watch-incidents-job.js'

/** Runs one queued job with an installation client. */
export async function runJob(octokit: GitHubClient, job: BotJob, deps: JobDependencies): Promise<void> {
  switch (job.type) {
    case 'scan-push':
      return runScanPushJob(octokit, job, deps)
    case 'sweep-repository':
      return runSweepJob(octokit, job, deps)
    case 'rescan-commit':
      return runRescanJob(octokit, job, deps)
    case 'secret-scanning-alert':
      return runSecretScanningAlertJob(octokit, job, deps)
    case 'incident-command':
      return runIncidentCommandJob(octokit, job, deps)
    case 'watch-incidents':
      return runWatchIncidentsJob(octokit, job, deps)
  }
}
