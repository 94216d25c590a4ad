import { checkRunJson } from '../representations/check-run-json.js'
import type { CheckRunRecord } from '../state/check-run-store.js'
import type { FakeRepository } from '../state/fake-repository.js'
import type { World } from '../state/world.js'
import { payloadInstallation, payloadRepository, payloadSender } from './payload-parts.js'

/** `check_run.rerequested`: someone pressed "Re-run" on a check run the app created. */
export function checkRunRerequestedPayload(world: World, repo: FakeRepository, run: CheckRunRecord, options: { sender?: string } = {}): Record<string, unknown> {
  const json = checkRunJson(world, repo, run)
  const head = repo.requireCommit(run.headSha)
  const branch = [...repo.refs].find(([name, sha]) => sha === run.headSha && name.startsWith('refs/heads/'))?.[0].replace('refs/heads/', '') ?? null
  return {
    action: 'rerequested',
    check_run: {
      ...json,
      check_suite: {
        id: run.id + 1,
        head_branch: branch,
        head_sha: run.headSha,
        status: run.status,
        conclusion: run.conclusion,
        url: `${world.urls.repoApi(repo.fullName)}/check-suites/${run.id + 1}`,
        before: head.parents[0] ?? null,
        after: run.headSha,
        pull_requests: [],
        app: json['app'],
        created_at: json['started_at'],
        updated_at: json['started_at'],
      },
    },
    repository: payloadRepository(world, repo, 'event'),
    sender: payloadSender(world, options.sender),
    installation: payloadInstallation(world, repo),
  }
}
