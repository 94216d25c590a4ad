import { toError } from '../errors.js'
import { describeTarget, type SecretsPort, type SecretTarget } from './rotation-ports.js'

/** What happened to one target. */
export interface PropagationResult {
  readonly target: SecretTarget
  readonly outcome: 'written' | 'would-write' | 'failed'
  /** For a failure: GitHub's answer, never the value. */
  readonly reason?: string
}

/**
 * Writes the new token into every configured Actions secret. A failure on one target does not stop the others and is
 * reported per target; in dry-run nothing is written and each target says what would have been.
 */
export async function propagateToken(newToken: string, to: { targets: readonly SecretTarget[]; isDryRun: boolean; secrets: SecretsPort }): Promise<PropagationResult[]> {
  const { targets, secrets } = to
  const results: PropagationResult[] = []
  for (const target of targets) {
    if (to.isDryRun) {
      results.push({ target, outcome: 'would-write' })
      continue
    }
    try {
      await secrets.write(target, newToken)
      results.push({ target, outcome: 'written' })
    } catch (thrown: unknown) {
      // The message of a GitHub error names the endpoint and status; it never holds the sealed value.
      results.push({ target, outcome: 'failed', reason: toError(thrown).message.split('\n')[0] ?? 'unknown error' })
    }
  }
  return results
}

/** One line per target, for the incident comment and the alert. */
export function describePropagation(results: readonly PropagationResult[]): string {
  if (results.length === 0) return 'No Actions secrets are configured for the new token (`secrets` in .github/localstack-guard.yml); put it where CI reads it.'
  const words = { written: 'written', 'would-write': 'would be written (dry run: nothing was written)', failed: 'FAILED' }
  return results.map((r) => `- ${describeTarget(r.target)}: ${words[r.outcome]}${r.reason === undefined ? '' : ` (${r.reason})`}`).join('\n')
}
