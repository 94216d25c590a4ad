import type { ProbotOctokit } from 'probot'

/** An installation-authenticated client, as Probot hands it out. */
export type GitHubClient = InstanceType<typeof ProbotOctokit>

/** A repository the bot works on. */
export interface RepoRef {
  readonly id: number
  readonly owner: string
  readonly name: string
  readonly defaultBranch: string
  /** From the webhook's `repository.private`; undefined when the payload did not say (then GitHub is asked). */
  readonly isPrivate?: boolean
}

/** `owner/name`. */
export function fullName(repo: Pick<RepoRef, 'owner' | 'name'>): string {
  return `${repo.owner}/${repo.name}`
}

/** A client and the repository it works on: the first parameter of every GitHub adapter. */
export interface RepoClient {
  readonly octokit: GitHubClient
  readonly repo: RepoRef
}
