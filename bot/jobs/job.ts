import type { PushFacts } from '../../src/push/plan-push.js'
import type { Finding } from '../../src/scan/finding.js'
import type { RepoRef } from '../github/types.js'

/** The work a webhook leaves for the queue. Holds only what the job needs, never a token. */
export type BotJob =
  | {
      readonly type: 'scan-push'
      readonly installationId: number
      readonly repo: RepoRef
      /** Its ref and paths with token shapes redacted: the row is stored. */
      readonly push: PushFacts
      readonly pusher?: string
      /** Findings in the ref and the commit messages, scanned from the webhook (the messages are not kept). */
      readonly nameFindings?: readonly Finding[]
    }
  | { readonly type: 'sweep-repository'; readonly installationId: number; readonly repo: RepoRef }
  | { readonly type: 'rescan-commit'; readonly installationId: number; readonly repo: RepoRef; readonly headSha: string }
  | {
      readonly type: 'secret-scanning-alert'
      readonly installationId: number
      readonly repo: RepoRef
      readonly alertNumber: number
      readonly secretType: string
    }
  | {
      readonly type: 'incident-command'
      readonly installationId: number
      /** The repository of the issue the comment is on (rights are checked there). */
      readonly repo: RepoRef
      readonly issueNumber: number
      /** Empty on a summary issue whose comment named no token. */
      readonly fingerprint: string
      readonly login: string
      readonly command: 'rotate' | 'resolve' | 'false-positive' | 'unknown'
      /** The comment is on a summary issue: the fingerprint came from the comment and must be one of the issue's. */
      readonly isSummary?: boolean
    }
  /** Verifies rotations by the secrets' update times and escalates overdue incidents, for one installation. */
  | { readonly type: 'watch-incidents'; readonly installationId: number }
